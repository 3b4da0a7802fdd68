import { expect, test } from '@playwright/test';
import { expectEveryDisplayRightIn } from './support/display_sweep.js';
import { e2eConfig } from './support/e2e_config.js';
import { openService } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * What goes wrong with the document on the reader, end to end in browser mode (identification.test.ts covers each in
 * detail; these show the resident sees it): the document taken off mid-read, a chip whose data was tampered with
 * (passive authentication fails), an expired document. The refusal screens are checked in every display combination.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());
// Each test starts at the attract screen: whatever session the last one left is ended.
test.afterEach(async () => {
  await host.call('session.end', { reason: 'cancelled' });
});

const reader = (sample: string | null) =>
  host.call('dev.simulate', { action: 'document', deviceId: 'document-reader', sample });

test('zh-Hant: the passport taken off mid-read is asked for again, then read', async ({ page }) => {
  await openService(page, host, 'zh-Hant', 'proof-of-identity');
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await host.call('dev.simulate', { action: 'pull-mid-read', deviceId: 'document-reader' });
  await reader('passport-macao');
  await expect(page.getByTestId('identify-refused-card-removed')).toBeVisible({ timeout: 15_000 });
  await expectEveryDisplayRightIn(page, host, 'identify-refused-card-removed', 'zh-Hant');
  await reader(null);
  await page.getByTestId('identify-retry').click();
  await reader('passport-macao');
  await expect(page.getByTestId('identify-face')).toBeVisible({ timeout: 15_000 });
  await reader(null);
});

test('en: a tampered chip is refused as not genuine; an expired passport is refused as expired', async ({
  page,
}) => {
  await openService(page, host, 'en', 'proof-of-identity');
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await reader('passport-forged');
  const forged = page.getByTestId('identify-refused-not-genuine');
  await expect(forged).toBeVisible({ timeout: 15_000 });
  // Nothing read from a chip that fails passive authentication is shown.
  await expect(page.locator('main')).not.toContainText('LEI');
  await expectEveryDisplayRightIn(page, host, 'identify-refused-not-genuine', 'en');
  await reader(null);
  await page.getByTestId('identify-retry').click();
  await reader('passport-td3');
  // The same refusal screen as above, with its own words: one display sweep of it is enough.
  await expect(page.getByTestId('identify-refused-expired')).toBeVisible({ timeout: 15_000 });
  await reader(null);
});
