import { expect, type Page } from '@playwright/test';

/**
 * What assistive technology is given on a flow's step (issue 14): Chromium's accessibility tree of the kiosk's
 * `<main>` — roles, names, states, live regions — as text, for comparing with a reviewed snapshot. In English; what
 * changes from run to run (dates, times, numbers, references, codes, application numbers) is written as `#`,
 * `<day>`, `<month>`, `<code>` and `<application>` so a snapshot compares structure and words.
 */
const days = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g;
const months =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/g;

export async function ariaTree(page: Page): Promise<string> {
  const raw = await page.locator('.kiosk main').first().ariaSnapshot();
  return `${raw
    .replace(days, '<day>')
    .replace(months, '<month>')
    .replace(/\bLA-[A-Z0-9-]+/g, '<application>')
    .replace(/[0-9A-Z]{4}-[0-9A-Z]{4}(-[0-9A-Z]{4})?/g, '<code>')
    .replace(/\d+/g, '#')}\n`;
}

/** Once `testId` shows and its content settles (live regions filled), its tree matches `<name>.aria.txt`. */
export async function expectTree(page: Page, testId: string, name: string): Promise<void> {
  await expect(page.getByTestId(testId)).toBeVisible();
  await expect.poll(() => ariaTree(page), { timeout: 10_000 }).toBe(await ariaTree(page));
  expect(await ariaTree(page)).toMatchSnapshot(`${name}.aria.txt`);
}
