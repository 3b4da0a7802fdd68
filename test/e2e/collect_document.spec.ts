import { expect, test } from '@playwright/test';
import { collectionHostConfig } from './support/collection_host.js';
import { identifyWithPassport, openService, typePin } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { expectKioskLayout } from './support/kiosk_layout.js';

/**
 * Collect my document end to end in the browser-mode host, on the simulated reader, scanner, ticket printer, card
 * dispenser and locker, with the embedded backend's sample collections at MO-DEV-01:
 *
 * - Traditional Chinese: R-0001 places the passport, confirms the face, types the PIN on the pad, takes the card
 *   too late (it is drawn back in and stays ready), then again and takes it; the receipt prints.
 * - Portuguese: R-0002 scans the Macao One Account code, types the PIN, and takes the passport from door A2.
 */
let host: KioskHost;
const takeMs = 2_500;

test.beforeAll(async () => {
  host = await startKioskHost(collectionHostConfig(takeMs));
});
test.afterAll(async () => host.stop());

test('zh-Hant: passport, face, PIN; a card not taken goes back in, then is taken and the receipt prints', async ({
  page,
}) => {
  await openService(page, host, 'zh-Hant', 'collect-document');
  await identifyWithPassport(page, host);
  await expect(page.getByTestId('collect-choose')).toBeVisible();
  await expectKioskLayout(page);
  await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
  await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible();
  await expect(page.getByTestId('collect-releasing-take-card')).toContainText('卡口');
  await expectKioskLayout(page);
  // Not taken in time: drawn back in, and still ready.
  await expect(page.getByTestId('collect-outcome-outcome-not-collected')).toBeVisible({
    timeout: takeMs + 10_000,
  });
  await page.getByTestId('collect-another').click();
  await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
  await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible();
  await host.call('dev.simulate', { action: 'take-card', deviceId: 'dispenser' });
  await expect(page.getByTestId('collect-done')).toBeVisible();
  await expect(page.getByTestId('collect-confirmed-later')).toBeHidden();
  const status = page.getByTestId('print-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await status.getByRole('button').first().click();
  await page.getByTestId('collect-finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('pt: Macao One Account code, PIN, the passport from behind door A2', async ({ page }) => {
  await openService(page, host, 'pt', 'collect-document');
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await host.call('dev.simulate', {
    action: 'scan',
    deviceId: 'scanner',
    text: 'moa1:sample:R-0002',
    symbology: 'qr',
  });
  await typePin(page, '246810');
  await page.getByTestId('collect-choose-C-SAMPLE-MO-2').click();
  const door = page.getByTestId('collect-releasing-take-from-door');
  await expect(door).toBeVisible();
  await expect(door).toContainText('A2');
  await host.call('dev.simulate', { action: 'door', deviceId: 'lockers', door: 'A2', open: false });
  await expect(page.getByTestId('collect-done')).toBeVisible();
  await expect(page.getByTestId('collect-done')).toContainText('Passaporte');
  await expectKioskLayout(page);
  await page.getByTestId('collect-finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});
