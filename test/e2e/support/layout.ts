import type { Page } from '@playwright/test';

/**
 * Nothing a resident should read is cut off: every line of text lies inside its own element's box (a word too long
 * for its button spills out of it), inside the viewport, and inside every ancestor that clips — unless that ancestor
 * scrolls, in which case a visible cue (`[data-scroll-cue]`, see renderer/a11y/scroll_area.tsx) must say there is
 * more. Any region that scrolls must show that cue. Returns the problems found, each naming the text.
 * The dev dock (its own column, not the resident's screen) and visually-hidden text are not the resident's view.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const tolerance = 1.5;
    const { innerWidth: width, innerHeight: height } = window;
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0;
    };
    const visuallyHidden = (el: Element) =>
      el.closest('.visually-hidden') !== null || getComputedStyle(el).clipPath.includes('inset(50%)');
    const clips = (el: Element) => {
      const style = getComputedStyle(el);
      return style.overflowX !== 'visible' || style.overflowY !== 'visible';
    };
    const scrolls = (el: Element) => {
      const style = getComputedStyle(el);
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
      const r = cue.getBoundingClientRect();
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
      const box = el.getBoundingClientRect();
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
          const r = a.getBoundingClientRect();
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
  });
}
