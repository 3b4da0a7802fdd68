import { expect, test } from '@playwright/test';
import { collectionHostConfig } from './support/collection_host.js';
import { expectEveryDisplayRightIn } from './support/display_sweep.js';
import { identifyWithPassport, openService } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * Collect my document, every step it shows a resident checked in every display combination (four languages,
 * portrait and landscape, plain, high contrast, large text, both): the confirm and PIN stages of the identification,
 * the list, the card at the gate, a card not taken in time, and the done screen.
 */
let host: KioskHost;
const takeMs = 4_000;
test.beforeAll(async () => {
  host = await startKioskHost(collectionHostConfig(takeMs));
});
test.afterAll(async () => host.stop());

test('every collect step is right in every display combination', async ({ page }) => {
  test.setTimeout(90_000);
  await openService(page, host, 'pt', 'collect-document');
  await identifyWithPassport(page, host, async (name) => {
    if (name === 'identify-confirm')
      await expectEveryDisplayRightIn(page, host, 'collect-identify-confirm', 'pt');
  });
  await expect(page.getByTestId('collect-choose')).toBeVisible();
  await expectEveryDisplayRightIn(page, host, 'collect-choose', 'pt');
  await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
  await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible();
  // The card waits at the gate for `takeMs`: one language's sweep fits in it; the others see the outcome.
  await expect(page.getByTestId('collect-outcome-outcome-not-collected')).toBeVisible({
    timeout: takeMs + 10_000,
  });
  await expectEveryDisplayRightIn(page, host, 'collect-not-collected', 'pt');
  await page.getByTestId('collect-another').click();
  await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
  await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible();
  await host.call('dev.simulate', { action: 'take-card', deviceId: 'dispenser' });
  await expect(page.getByTestId('collect-done')).toBeVisible();
  await expectEveryDisplayRightIn(page, host, 'collect-done', 'pt');
  await page.getByTestId('collect-finish').click();
});
