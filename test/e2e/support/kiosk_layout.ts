import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { contrastFailures } from './contrast.js';

/**
 * A screenshot for a person to look at: in test-results/screens, or in docs/screenshots with UPDATE_SCREENSHOTS=1.
 * `name` may name a folder (`collect-document/choose-pt-portrait`).
 */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screens';
  const path = `${dir}/${name}.png`;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, animations: 'disabled' });
}

/** Nothing may be cut off at the screen's edges, every enabled button must be big enough to touch, and text must
 * stand out against its background. */
export async function expectKioskLayout(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const { innerWidth: w, innerHeight: h } = window;
    for (const el of Array.from(document.querySelectorAll('button, h1, h2, p, li'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.dev-dock')) continue;
      if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1)
        found.push(`off-screen: ${el.outerHTML.slice(0, 80)}`);
      if (el.tagName === 'BUTTON' && (r.height < 56 || r.width < 56))
        found.push(`too small: ${el.outerHTML.slice(0, 80)}`);
    }
    return found;
  });
  expect(problems).toEqual([]);
  expect(await contrastFailures(page)).toEqual([]);
}
