import { expect, type Page, test } from '@playwright/test';
import {
  applyDisplaySetting,
  applyLanguage,
  displaySettings,
  expectEveryDisplayRightIn,
  locales,
  orientations,
  shootDisplay,
} from './support/display_sweep.js';
import { e2eConfig } from './support/e2e_config.js';
import { identifyWithPassport, openService, typePin } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * The PIN stage on a landscape screen (1920 × 1080) with large text, high contrast or both: the identify header and
 * the whole PIN pad — its display, the ten digits, Delete and OK — fit without scrolling, in every language, with
 * and without the "attempts left" notice a wrong PIN brings. (A resident who must scroll to find OK may never find
 * it; one with large text is the one most likely to miss a scroll cue.) Screenshots: SHOOT=1.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

/** What would make the pad need scrolling: the stage scrolls, or a key of the pad is below the screen's edge. */
async function padOverflow(page: Page): Promise<string[]> {
  await page.evaluate(
    () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)))),
  );
  return page.evaluate(() => {
    const found: string[] = [];
    const body = document.querySelector<HTMLElement>('.identify__body');
    const footer = document.querySelector<HTMLElement>('.identify__footer');
    if (!body || !footer) return ['no identify stage on screen'];
    // A stage laid out on the screen's grid has no box of its own (display: contents): it cannot scroll.
    if (getComputedStyle(body).display !== 'contents' && body.scrollHeight > body.clientHeight + 1)
      found.push(`the stage scrolls (${body.scrollHeight} > ${body.clientHeight} px)`);
    if (document.querySelector('[data-scroll-cue]')) found.push('a "more below" cue shows');
    const bottom = Math.min(footer.getBoundingClientRect().top, window.innerHeight);
    const texts = document.querySelector<HTMLElement>('.identify__pin-text');
    if (texts && texts.getBoundingClientRect().bottom > bottom + 1)
      found.push('the prompt runs under the footer');
    for (const key of document.querySelectorAll<HTMLElement>('[data-testid="pin-pad"] button')) {
      const box = key.getBoundingClientRect();
      if (box.bottom > bottom + 1)
        found.push(`${key.dataset.testid} ends at ${Math.round(box.bottom)} > ${Math.round(bottom)} px`);
      if (box.height < 56) found.push(`${key.dataset.testid} is ${Math.round(box.height)} px high`);
    }
    return found;
  });
}

async function everyLandscapeDisplay(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  const landscape = orientations[0];
  await page.setViewportSize({ width: landscape.width, height: landscape.height });
  for (const locale of locales) {
    await applyLanguage(page, host, locale);
    for (const setting of displaySettings) {
      await applyDisplaySetting(page, host, setting);
      for (const problem of await padOverflow(page))
        problems.push(`${name} ${setting.name} ${locale}: ${problem}`);
      await shootDisplay(page, `identify-pin-landscape-${name}-${setting.name}-${locale}`);
    }
  }
  await applyDisplaySetting(page, host, displaySettings[0]);
  await applyLanguage(page, host, 'en');
  return problems;
}

test('the PIN pad fits beside the prompt in landscape, with large text and high contrast', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openService(page, host, 'en', 'proof-of-identity');
  await identifyWithPassport(page, host, async (name) => {
    if (name !== 'identify-pin') return;
    expect(await everyLandscapeDisplay(page, 'first-try')).toEqual([]);
    // A wrong PIN: the notice of attempts left joins the prompt, and the pad must still fit.
    await typePin(page, '000000');
    await expect(page.getByTestId('identify-attempts-left')).toBeVisible();
    expect(await everyLandscapeDisplay(page, 'attempts-left')).toEqual([]);
    await expectEveryDisplayRightIn(page, host, 'identify-pin-landscape-attempts-left', 'en');
  });
  await expect(page.getByTestId('proof-choose')).toBeVisible();
});
