import { expect, test } from '@playwright/test';
import { applyDisplaySetting, displaySettings, expectEveryDisplayRight } from './support/display_sweep.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * The display sweep leaves the session as it found it (it used to leave it in plain English landscape, so a spec's
 * later steps silently ran in English): the language, high contrast and large text, and the viewport.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
  );
});
test.afterAll(async () => host.stop());

test('after a sweep the session is still in Portuguese, high contrast and large text, in portrait', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId('language-pt').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await applyDisplaySetting(page, host, displaySettings[3]);
  await page.setViewportSize({ width: 1080, height: 1920 });
  await expectEveryDisplayRight(page, host, 'home-restore');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'pt-MO');
  await expect(html).toHaveClass(/high-contrast/);
  await expect(html).toHaveClass(/large-text/);
  expect(page.viewportSize()).toEqual({ width: 1080, height: 1920 });
  const session = await host.call('session.touch', {});
  expect(session).toMatchObject({
    ok: true,
    value: { language: 'pt', accessibility: { highContrast: true, largeText: true } },
  });
  await page.getByTestId('finish').click();
});
