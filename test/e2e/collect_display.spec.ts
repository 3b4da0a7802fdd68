import { expect, type Page, test } from '@playwright/test';
import { applyLanguage, expectEveryDisplayRight, type Locale } from './support/display_sweep.js';
import { e2eConfig } from './support/e2e_config.js';
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
  const base = e2eConfig();
  host = await startKioskHost({
    ...base,
    terminal: { id: 'MO-DEV-01' },
    devices: [
      ...(base.devices as unknown[]),
      {
        id: 'dispenser',
        kind: 'document-dispenser',
        transport: 'simulated',
        options: { simulatedCards: 20, timeouts: { takeMs } },
      },
    ],
  });
});
test.afterAll(async () => host.stop());

async function everyDisplay(page: Page, screen: string, locale: Locale): Promise<void> {
  await expectEveryDisplayRight(page, host, screen);
  await applyLanguage(page, host, locale);
}

test('every collect step is right in every display combination', async ({ page }) => {
  test.setTimeout(90_000);
  await openService(page, host, 'pt', 'collect-document');
  await identifyWithPassport(page, host, async (name) => {
    if (name === 'identify-confirm') await everyDisplay(page, 'collect-identify-confirm', 'pt');
  });
  await expect(page.getByTestId('collect-choose')).toBeVisible();
  await everyDisplay(page, 'collect-choose', 'pt');
  await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
  await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible();
  // The card waits at the gate for `takeMs`: one language's sweep fits in it; the others see the outcome.
  await expect(page.getByTestId('collect-outcome-outcome-not-collected')).toBeVisible({
    timeout: takeMs + 10_000,
  });
  await everyDisplay(page, 'collect-not-collected', 'pt');
  await page.getByTestId('collect-another').click();
  await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
  await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible();
  await host.call('dev.simulate', { action: 'take-card', deviceId: 'dispenser' });
  await expect(page.getByTestId('collect-done')).toBeVisible();
  await everyDisplay(page, 'collect-done', 'pt');
  await page.getByTestId('collect-finish').click();
});
