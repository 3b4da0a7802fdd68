import type { Page } from '@playwright/test';

/**
 * WCAG 1.4.3 contrast of every visible text element against the solid background behind it: 4.5:1, or 3:1 for
 * large text (≥ 24 px, or ≥ 18.66 px bold). Elements over a gradient or an image are skipped (no single colour to
 * measure against). Returns the failures, each with its ratio.
 */
export function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
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
    const background = (el: Element): number[] | null => {
      let layers: number[][] = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
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
    const failures: string[] = [];
    for (const el of Array.from(document.querySelectorAll('h1, h2, p, li, span, button'))) {
      const text = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!text || el.closest('.dev-dock') || el.closest('[disabled]')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (
        Number(style.opacity) < 1 ||
        (el.closest('.overlay') === null && document.querySelector('.overlay'))
      )
        continue;
      const bg = background(el);
      if (!bg) continue;
      const fg = parse(style.color);
      const l1 = luminance(fg);
      const l2 = luminance(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) failures.push(`${ratio.toFixed(2)}:1 "${text.slice(0, 40)}"`);
    }
    return failures;
  });
}
