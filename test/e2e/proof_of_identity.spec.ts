import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { e2eConfig } from './support/e2e_config.js';
import { identifyWithPassport, openService } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { expectKioskLayout } from './support/kiosk_layout.js';

/**
 * Proof of identity end to end in the browser-mode host, on the simulated reader and A4 printer, with the embedded
 * backend: R-0001 identifies with the passport and PIN, chooses the languages, sees the page that will print, and
 * prints it; the backend has registered the code the done screen shows, with the masked facts only.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

/** What the backend registered for a code: only the masked facts the page shows. */
function registeredFacts(code: string): unknown {
  const db = new Database(host.backendPath, { readonly: true });
  try {
    const row = db.prepare('SELECT facts_json FROM proofs WHERE verification_code = ?').get(code) as
      | { facts_json: string }
      | undefined;
    return row ? JSON.parse(row.facts_json) : null;
  } finally {
    db.close();
  }
}

test('zh-Hant: passport and PIN, Chinese/Portuguese, the preview, printed, and the code registered', async ({
  page,
}) => {
  await openService(page, host, 'zh-Hant', 'proof-of-identity');
  await identifyWithPassport(page, host);
  await page.getByTestId('proof-languages-zh-pt').click();
  const pageImage = page.getByTestId('proof-page');
  await expect(pageImage).toBeVisible();
  // The preview is the page itself (A4 proportions), half the screen wide to be read at kiosk distance.
  const box = await pageImage.boundingBox();
  expect(box && box.height / box.width).toBeCloseTo(297 / 210, 1);
  expect(box?.width).toBeGreaterThan(1000);
  await expectKioskLayout(page);
  await page.getByTestId('proof-print').click();
  await expect(page.getByTestId('proof-done')).toBeVisible({ timeout: 20_000 });
  const code = (await page.getByTestId('proof-code').locator('strong').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(registeredFacts(code)).toMatchObject({ documentType: 'passport', nameMasked: 'CHAN T** M**' });
  await page.getByTestId('proof-finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('pt: paper runs out while the proof prints; the resident is told, and it prints once paper is back', async ({
  page,
}) => {
  await openService(page, host, 'pt', 'proof-of-identity');
  await identifyWithPassport(page, host);
  await page.getByTestId('proof-languages-zh-en').click();
  await expect(page.getByTestId('proof-page')).toBeVisible();
  await host.call('dev.simulate', { action: 'paper', deviceId: 'a4-printer', paper: 'out' });
  await page.getByTestId('proof-print').click();
  const status = page.getByTestId('print-status');
  await expect(status).toHaveAttribute('data-reason', 'no-paper', { timeout: 15_000 });
  await expect(status).toContainText('O seu documento não se perdeu');
  await host.call('dev.simulate', { action: 'paper', deviceId: 'a4-printer', paper: 'loaded' });
  await expect(page.getByTestId('proof-done')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('proof-done')).toContainText('Direcção dos Serviços de Identificação');
});
