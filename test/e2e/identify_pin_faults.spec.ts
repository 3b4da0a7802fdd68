import { expect, test } from '@playwright/test';
import { applyDisplaySetting, displaySettings, expectEveryDisplayRightIn } from './support/display_sweep.js';
import { e2eConfig } from './support/e2e_config.js';
import { openService, typePin } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { shoot } from './support/screens.js';

/**
 * A wrong PIN, end to end in browser mode (identification.test.ts covers it in detail; this shows the resident sees
 * it): each wrong PIN says how many attempts are left, the third locks the PIN until a time it names, with no
 * "Try again". The PIN screen with its warning and the lock-out are checked in every display combination.
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

test('pt: three wrong PINs, each with the attempts left, then locked until a stated time', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openService(page, host, 'pt', 'collect-document');
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await host.call('dev.simulate', {
    action: 'scan',
    deviceId: 'scanner',
    text: 'moa1:sample:R-0003',
    symbology: 'qr',
  });
  await typePin(page, '000001');
  await expect(page.getByTestId('identify-attempts-left')).toContainText('2');
  await expectEveryDisplayRightIn(page, host, 'identify-pin-attempts-left', 'pt');
  // The hardest case for the PIN pad, kept to look at: landscape, high contrast and large text.
  await applyDisplaySetting(page, host, displaySettings[3] ?? displaySettings[0]);
  await shoot(page, 'identify/pin-landscape-high-contrast-large-text-pt');
  await applyDisplaySetting(page, host, displaySettings[0]);
  await typePin(page, '000002');
  await expect(page.getByTestId('identify-attempts-left')).toContainText('1');
  await typePin(page, '000003');
  await expect(page.getByTestId('identify-refused-pin-locked')).toBeVisible();
  await expect(page.getByTestId('identify-locked-until')).toContainText(/\d{2}:\d{2}/);
  await expect(page.getByTestId('identify-retry')).toHaveCount(0);
  await expectEveryDisplayRightIn(page, host, 'identify-refused-pin-locked', 'pt');
});
