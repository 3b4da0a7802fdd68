import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { contrastFailures } from './contrast.js';

/**
 * What every screen owes a person at the kiosk, checked in the page: nothing cut off at the screen's edges, every
 * button a touch target of at least 56 px, and text that contrasts with its background. `scrolling` names an area
 * that scrolls on purpose (a long list): what it holds may run below the fold, but never off the sides.
 */
export async function expectKioskLayout(page: Page, options: { scrolling?: string } = {}): Promise<void> {
  const problems = await page.evaluate((scrolling) => {
    const found: string[] = [];
    const { innerWidth: w, innerHeight: h } = window;
    for (const el of Array.from(document.querySelectorAll('button, h1, h2, p, li, dd'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.dev-dock')) continue;
      const mayScroll = scrolling !== null && el.closest(scrolling) !== null;
      if (r.left < -1 || r.right > w + 1 || (!mayScroll && (r.top < -1 || r.bottom > h + 1)))
        found.push(`off-screen: ${el.outerHTML.slice(0, 80)}`);
      if (el.tagName === 'BUTTON' && (r.height < 56 || r.width < 56))
        found.push(`too small: ${el.outerHTML.slice(0, 80)}`);
    }
    return found;
  }, options.scrolling ?? null);
  expect(problems).toEqual([]);
  expect(await contrastFailures(page)).toEqual([]);
}

/**
 * A screenshot for a person to look at: into `docs/screenshots/<folder>` with UPDATE_SCREENSHOTS=1 when it is one
 * the docs keep, otherwise into test-results/screens/<folder> (looked at, not committed).
 */
export async function shootScreen(
  page: Page,
  name: string,
  where: { folder?: string; documented?: boolean } = {},
) {
  const folder = where.folder ? `/${where.folder}` : '';
  const documented = process.env.UPDATE_SCREENSHOTS && (where.documented ?? true);
  const dir = documented ? `docs/screenshots${folder}` : `test-results/screens${folder}`;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, animations: 'disabled' });
}
