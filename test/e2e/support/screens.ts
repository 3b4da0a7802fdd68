import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { contrastFailures } from './contrast.js';

/**
 * What the screen specs check and keep of every screen: a screenshot (in test-results/screens, or in
 * docs/screenshots with UPDATE_SCREENSHOTS=1, for a person to look at), and the kiosk's layout rules.
 */

/** `name` may hold a folder (`booking/site-en-portrait`). */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screens';
  const path = `${dir}/${name}.png`;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, animations: 'disabled' });
}

/**
 * Nothing may be cut off at the screen's edges, and every enabled button must be big enough to touch. What sits in
 * a region that scrolls (with its cue) may lie beyond the edge until the resident scrolls to it.
 */
export async function expectKioskLayout(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const { innerWidth: w, innerHeight: h } = window;
    for (const el of Array.from(document.querySelectorAll('button, h1, h2, p, li'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.dev-dock')) continue;
      const scrolls = el.closest('[data-scroll-area]') !== null;
      if (!scrolls && (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1))
        found.push(`off-screen: ${el.outerHTML.slice(0, 80)}`);
      if (el.tagName === 'BUTTON' && (r.height < 56 || r.width < 56))
        found.push(`too small: ${el.outerHTML.slice(0, 80)}`);
    }
    return found;
  });
  expect(problems).toEqual([]);
  expect(await contrastFailures(page)).toEqual([]);
}
