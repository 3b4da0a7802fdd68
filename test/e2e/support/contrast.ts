import type { Page } from '@playwright/test';
import { cachedStyles } from './in_page.js';

/**
 * WCAG contrast of what the resident sees, measured on the rendered page against the solid background behind each
 * element (elements over a gradient or an image are skipped: there is no single colour to measure against):
 * - 1.4.3, text: 4.5:1, or 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold);
 * - 1.4.11, graphics that carry meaning: 3:1 — the icons (drawn in the text colour) and the print spinner's moving
 *   arc, against the background and against the spinner's track.
 * Returns the failures, each with its ratio. With an overlay open, only the overlay is measured (the screen behind
 * it is dimmed on purpose).
 */
export function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(`(${contrastFailuresInPage})((${cachedStyles})())`);
}

/**
 * `contrastFailures`, run in the page (self-contained: the display sweep sends its source along with the layout
 * check's in one evaluation), with computed styles read through `styleOf` (in_page.ts: once an element).
 */
export function contrastFailuresInPage(styleOf: (el: Element) => CSSStyleDeclaration): string[] {
  const parse = (color: string): [number, number, number, number] => {
    const m = color.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1]!
      .split(/[ ,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  };
  const ratio = (a: number[], b: number[]) => {
    const l1 = luminance(a);
    const l2 = luminance(b);
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  };
  const background = (el: Element): number[] | null => {
    let layers: number[][] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = styleOf(node);
      if (style.backgroundImage !== 'none') return null;
      const color = parse(style.backgroundColor);
      if (color[3] > 0) {
        layers.push(color);
        if (color[3] >= 1) break;
      }
    }
    if (layers.length === 0) layers = [[255, 255, 255, 1]];
    // Composite from the opaque bottom layer up.
    let [r, g, b] = layers[layers.length - 1]!;
    for (let i = layers.length - 2; i >= 0; i--) {
      const [lr, lg, lb, a] = layers[i]!;
      r = lr! * a! + r! * (1 - a!);
      g = lg! * a! + g! * (1 - a!);
      b = lb! * a! + b! * (1 - a!);
    }
    return [r!, g!, b!];
  };
  const overlayOpen = document.querySelector('.overlay') !== null;
  const measured = (el: Element) => {
    if (el.closest('.dev-dock') || el.closest('[disabled]') || el.closest('.visually-hidden')) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    const style = styleOf(el);
    if (Number(style.opacity) < 1 || style.visibility === 'hidden') return false;
    return !(overlayOpen && el.closest('.overlay') === null);
  };
  const failures: string[] = [];
  for (const el of Array.from(
    document.querySelectorAll('h1, h2, h3, p, li, span, button, output, time, label'),
  )) {
    const text = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!text || !measured(el)) continue;
    const bg = background(el);
    if (!bg) continue;
    const style = styleOf(el);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const r = ratio(parse(style.color), bg);
    if (r < (large ? 3 : 4.5)) failures.push(`${r.toFixed(2)}:1 "${text.slice(0, 40)}"`);
  }
  for (const icon of Array.from(document.querySelectorAll('svg'))) {
    if (!measured(icon)) continue;
    const bg = background(icon);
    if (!bg) continue;
    const r = ratio(parse(styleOf(icon).color), bg);
    if (r < 3) failures.push(`${r.toFixed(2)}:1 icon in "${icon.parentElement?.className ?? ''}"`);
  }
  for (const spinner of Array.from(document.querySelectorAll('.spinner'))) {
    if (!measured(spinner)) continue;
    const bg = background(spinner.parentElement ?? spinner);
    const style = styleOf(spinner);
    const arc = parse(style.borderTopColor);
    const track = parse(style.borderRightColor);
    if (bg && ratio(arc, bg) < 3)
      failures.push(`${ratio(arc, bg).toFixed(2)}:1 spinner arc on its background`);
    if (ratio(arc, track) < 3) failures.push(`${ratio(arc, track).toFixed(2)}:1 spinner arc on its track`);
  }
  return failures;
}
