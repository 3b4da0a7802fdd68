import type { Page } from '@playwright/test';
import { cachedStyles } from './in_page.js';

/**
 * Nothing a resident should read is cut off: every line of text lies inside its own element's box (a word too long
 * for its button spills out of it), inside the viewport, and inside every ancestor that clips — unless that ancestor
 * scrolls, in which case a visible cue (`[data-scroll-cue]`, see renderer/a11y/scroll_area.tsx) must say there is
 * more. Any region that scrolls must show that cue. Returns the problems found, each naming the text.
 * The dev dock (its own column, not the resident's screen) and visually-hidden text are not the resident's view.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(`(${layoutProblemsInPage})((${cachedStyles})())`);
}

/**
 * `layoutProblems`, run in the page (self-contained: the display sweep sends its source along with the contrast
 * check's in one evaluation), with computed styles read through `styleOf` (in_page.ts: once an element). Nothing
 * changes the page while it runs, so each element's box is read once too: the ancestors of one line are the
 * ancestors of the next.
 */
export function layoutProblemsInPage(styleOf: (el: Element) => CSSStyleDeclaration): string[] {
  const problems: string[] = [];
  const tolerance = 1.5;
  const { innerWidth: width, innerHeight: height } = window;
  const boxes = new Map<Element, DOMRect>();
  const boxOf = (el: Element) => {
    let box = boxes.get(el);
    if (!box) {
      box = el.getBoundingClientRect();
      boxes.set(el, box);
    }
    return box;
  };
  const shown = (el: Element) => {
    const style = styleOf(el);
    return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0;
  };
  const visuallyHidden = (el: Element) =>
    el.closest('.visually-hidden') !== null || styleOf(el).clipPath.includes('inset(50%)');
  // An element laid out as `display: contents` has no box: its overflow does not apply (CSS Display 3, 2.5).
  const clips = (el: Element) => {
    const style = styleOf(el);
    return style.display !== 'contents' && (style.overflowX !== 'visible' || style.overflowY !== 'visible');
  };
  const scrolls = (el: Element) => {
    const style = styleOf(el);
    if (style.display === 'contents') return false;
    const vertical =
      ['auto', 'scroll'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + tolerance;
    const horizontal =
      ['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + tolerance;
    return vertical || horizontal;
  };
  const hasCue = (scroller: Element) => {
    const area = scroller.parentElement ?? scroller;
    const cue = area.querySelector('[data-scroll-cue]');
    if (!cue || !shown(cue)) return false;
    const r = boxOf(cue);
    return r.width > 0 && r.bottom <= height + tolerance && r.top >= -tolerance;
  };
  const label = (el: Element, text: string) =>
    `"${text.trim().slice(0, 40)}" (${el.tagName.toLowerCase()}.${el.className})`;

  for (const scroller of Array.from(document.querySelectorAll('*'))) {
    if (scroller.closest('.dev-dock') || !shown(scroller) || !scrolls(scroller)) continue;
    if (scroller === document.documentElement || scroller === document.body) continue;
    if (!hasCue(scroller))
      problems.push(`scrolls with no cue: ${label(scroller, scroller.textContent ?? '')}`);
  }

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const el = node.parentElement;
    if (!el || !text.trim() || el.closest('.dev-dock') || el.closest('script, style')) continue;
    if (!shown(el) || visuallyHidden(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = boxOf(el);
    for (const rect of Array.from(range.getClientRects())) {
      if (rect.width === 0 || rect.height === 0) continue;
      if (
        rect.left < box.left - tolerance ||
        rect.right > box.right + tolerance ||
        rect.top < box.top - tolerance ||
        rect.bottom > box.bottom + tolerance
      ) {
        problems.push(`overflows its box: ${label(el, text)}`);
        break;
      }
      let scrolledAway = false;
      let clipped: string | null = null;
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        if (!clips(a)) continue;
        const r = boxOf(a);
        const inside =
          rect.left >= r.left - tolerance &&
          rect.right <= r.right + tolerance &&
          rect.top >= r.top - tolerance &&
          rect.bottom <= r.bottom + tolerance;
        if (inside) continue;
        if (scrolls(a) && hasCue(a)) {
          scrolledAway = true;
          break;
        }
        clipped = label(a, '');
        break;
      }
      if (clipped) {
        problems.push(`clipped by ${clipped}: ${label(el, text)}`);
        break;
      }
      if (
        !scrolledAway &&
        (rect.left < -tolerance ||
          rect.top < -tolerance ||
          rect.right > width + tolerance ||
          rect.bottom > height + tolerance)
      ) {
        problems.push(`off screen: ${label(el, text)}`);
        break;
      }
    }
  }
  return [...new Set(problems)];
}

/**
 * Nothing drawn over anything else: no line of text runs into another element's text or into a painted box (a
 * field, a button, a notice) that is neither its ancestor nor its descendant — a field pushed up over the line
 * that explains it. Where a dialog is open (`[data-focus-layer]`) only what is in it counts, since it covers the
 * rest on purpose. Returns the problems found, each naming both.
 */
export function overlappingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const overlap = 2;
    const root = document.querySelector('[data-focus-layer]') ?? document.body;
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0;
    };
    const counts = (el: Element) =>
      !el.closest('.dev-dock') &&
      el.closest('.visually-hidden') === null &&
      !getComputedStyle(el).clipPath.includes('inset(50%)');
    const related = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);
    const meets = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > overlap &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > overlap;
    const label = (el: Element) =>
      `"${(el.textContent ?? '').trim().slice(0, 30)}" (${el.tagName.toLowerCase()}.${el.className})`;

    const lines: { el: Element; rect: DOMRect }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !(node.textContent ?? '').trim() || el.closest('script, style')) continue;
      if (!shown(el) || !counts(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects()))
        if (rect.width > 0 && rect.height > 0) lines.push({ el, rect });
    }
    const boxes: { el: Element; rect: DOMRect }[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (!shown(el) || !counts(el)) continue;
      const style = getComputedStyle(el);
      const painted =
        (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent') ||
        Number.parseFloat(style.borderTopWidth) > 0;
      const rect = el.getBoundingClientRect();
      if (painted && rect.width > 0 && rect.height > 0) boxes.push({ el, rect });
    }

    const problems = new Set<string>();
    for (const [i, line] of lines.entries()) {
      for (const other of lines.slice(i + 1))
        if (!related(line.el, other.el) && meets(line.rect, other.rect))
          problems.add(`text over text: ${label(line.el)} and ${label(other.el)}`);
      for (const box of boxes)
        if (!related(line.el, box.el) && meets(line.rect, box.rect))
          problems.add(`text under a box: ${label(line.el)} and ${label(box.el)}`);
    }
    return [...problems];
  });
}
