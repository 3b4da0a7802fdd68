import { expect, test } from '@playwright/test';
import { expectEveryDisplayRightIn } from './support/display_sweep.js';
import { e2eConfig } from './support/e2e_config.js';
import { identifyWithPassport, openService } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * Proof of identity, every step it shows a resident checked in every display combination (four languages, portrait
 * and landscape, plain, high contrast, large text, both): the PIN stage, the choice of languages, the preview of the
 * page, printing (held there by a printer out of paper) and the done screen with the code.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

test('every proof step is right in every display combination', async ({ page }) => {
  test.setTimeout(90_000);
  await openService(page, host, 'en', 'proof-of-identity');
  await identifyWithPassport(page, host, async (name) => {
    if (name === 'identify-pin') await expectEveryDisplayRightIn(page, host, 'proof-identify-pin', 'en');
  });
  await expect(page.getByTestId('proof-choose')).toBeVisible();
  await expectEveryDisplayRightIn(page, host, 'proof-choose', 'en');
  await page.getByTestId('proof-languages-zh-en').click();
  await expect(page.getByTestId('proof-page')).toBeVisible({ timeout: 20_000 });
  await expectEveryDisplayRightIn(page, host, 'proof-preview', 'en');
  await host.call('dev.simulate', { action: 'paper', deviceId: 'a4-printer', paper: 'out' });
  await page.getByTestId('proof-print').click();
  await expect(page.getByTestId('proof-printing')).toBeVisible();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-reason', 'no-paper', {
    timeout: 15_000,
  });
  await expectEveryDisplayRightIn(page, host, 'proof-printing-no-paper', 'en');
  await host.call('dev.simulate', { action: 'paper', deviceId: 'a4-printer', paper: 'loaded' });
  await expect(page.getByTestId('proof-done')).toBeVisible({ timeout: 20_000 });
  await expectEveryDisplayRightIn(page, host, 'proof-done', 'en');
  await page.getByTestId('proof-finish').click();
});
