import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { sampleWalletCodes } from '../../electron/backend/embedded/payment_gateway_simulator.js';
import { applyLanguage, type Locale, sweepDisplays } from './support/display_sweep.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { publicationsConfig, scanQr as scan } from './support/publications_host.js';

/**
 * Government publications end to end in the browser-mode host, on the simulated scanner, ticket printer and vending
 * unit (test/fixtures/config/publications_vending_unit.json, loaded at start from the embedded backend's sample
 * planogram), with the embedded backend's gateway simulator: a wallet code ending 51 is declined, 52 has no funds,
 * 53 is charged but its first answer lost. What the gateway charged and refunded is read from the backend's file.
 */

/** The labour law's sample price (MOP$20.00), refunded when its slot jams. */
const LABOUR_LAW_AVOS = 2000;
const LABOUR_LAW = 'MOP$20.00';

/** What the embedded backend's gateway did: charges made, amounts charged and refunded. */
function payments(host: KioskHost): { charges: number; chargedAvos: number; refundedAvos: number } {
  const db = new Database(host.backendPath, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        'SELECT count(*) AS charges, coalesce(sum(amount_avos), 0) AS chargedAvos, coalesce(sum(refunded_avos), 0) AS refundedAvos FROM payments',
      )
      .get() as { charges: number; chargedAvos: number; refundedAvos: number };
    return row;
  } finally {
    db.close();
  }
}

async function openPublications(page: Page, host: KioskHost, language: Locale): Promise<void> {
  // Each test is a new resident: whatever the last one left running ends first.
  await host.call('session.end', { reason: 'cancelled' });
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId(`language-${language}`).click();
  await page.getByTestId('tile-publications').click();
  await page.getByTestId('start-service').click();
  await expect(page.getByTestId('pubs-browse')).toBeVisible();
}

/** Basic Law ×2 (MOP$30.00 each) and the 2021 census (MOP$80.00), chosen by department and by category. */
async function fillBasket(page: Page): Promise<void> {
  await page.getByTestId('pubs-group-DSAJ').click();
  await page.getByTestId('pubs-item-PUB-BASIC-LAW').click();
  await page.getByTestId('pubs-add').click();
  await page.getByTestId('pubs-more-PUB-BASIC-LAW').click();
  await expect(page.getByTestId('pubs-count-PUB-BASIC-LAW')).toContainText('2');
  await page.getByTestId('pubs-back').click();
  await page.getByTestId('pubs-back').click();
  await page.getByTestId('pubs-by-category').click();
  await page.getByTestId('pubs-group-statistics').click();
  await page.getByTestId('pubs-item-PUB-CENSUS-2021').click();
  await page.getByTestId('pubs-add').click();
  await expect(page.getByTestId('pubs-basket-bar')).toContainText('MOP$140.00');
  await page.getByTestId('pubs-show-basket').click();
  await expect(page.getByTestId('pubs-total')).toHaveText('MOP$140.00');
}

async function toPay(page: Page): Promise<void> {
  await page.getByTestId('pubs-checkout').click();
  await expect(page.getByTestId('pubs-pay')).toBeVisible();
  await expect(page.getByTestId('pubs-pay-total')).toContainText('MOP$140.00');
}

test.describe('publications on one kiosk: browse, buy, refusals, a lost answer, a jam', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    host = await startKioskHost(publicationsConfig());
  });
  test.afterAll(async () => host.stop());

  const titles: Record<Locale, { browse: string; basicLaw: RegExp; price: string }> = {
    'zh-Hant': { browse: '政府出版物', basicLaw: /基本法/, price: 'MOP$30.00' },
    'zh-Hans': { browse: '政府出版物', basicLaw: /基本法/, price: 'MOP$30.00' },
    pt: { browse: 'Publicações oficiais', basicLaw: /Lei Básica/, price: '30,00\u00a0MOP$' },
    en: { browse: 'Government publications', basicLaw: /Basic Law/, price: 'MOP$30.00' },
  };
  for (const language of ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const) {
    test(`browse in ${language}: by department and category, a detail with its price in the locale's format`, async ({
      page,
    }) => {
      const words = titles[language];
      await openPublications(page, host, language);
      await expect(page.getByTestId('pubs-browse')).toContainText(words.browse);
      await page.getByTestId('pubs-group-DSAJ').click();
      await expect(page.getByTestId('pubs-item-PUB-BASIC-LAW')).toContainText(words.basicLaw);
      await page.getByTestId('pubs-item-PUB-BASIC-LAW').click();
      await expect(page.getByTestId('pubs-detail-title')).toHaveText(words.basicLaw);
      await expect(page.getByTestId('pubs-detail-price')).toHaveText(words.price);
      await expect(page.getByTestId('pubs-contents').locator('li')).not.toHaveCount(0);
      await page.getByTestId('pubs-back').click();
      await page.getByTestId('pubs-back').click();
      await page.getByTestId('pubs-by-category').click();
      await expect(page.getByTestId('pubs-group-yearbook')).toBeVisible();
      await page.getByTestId('pubs-open-search').click();
      for (const key of 'JBF') await page.getByTestId(`key-${key}`).click();
      await expect(page.getByTestId('pubs-search-results')).toHaveAttribute('data-query', 'jbf');
      await expect(page.getByTestId('pubs-items').locator('li')).toHaveCount(1);
      await page.getByTestId('pubs-cancel').click();
      await expect(page.getByTestId('tile-publications')).toBeVisible();
    });
  }

  test('buy two titles (three items) and pay: every item out, charged once, receipt, done', async ({
    page,
  }) => {
    const before = payments(host);
    await openPublications(page, host, 'en');
    await fillBasket(page);
    await toPay(page);
    await scan(host, sampleWalletCodes.approve);
    await expect(page.getByTestId('pubs-done')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('pubs-progress').locator('[data-state="dropped"]')).toHaveCount(3);
    await expect(page.getByTestId('pubs-paid')).toContainText('MOP$140.00');
    await expect(page.getByTestId('pubs-receipt-printing')).toBeVisible();
    const after = payments(host);
    expect(after.charges - before.charges).toBe(1);
    expect(after.chargedAvos - before.chargedAvos).toBe(14_000);
    expect(after.refundedAvos - before.refundedAvos).toBe(0);
    await page.getByTestId('pubs-finish').click();
    await expect(page.getByTestId('attract-screen')).toBeVisible();
  });

  test('a declined code, then an empty wallet: each said in Portuguese, nothing charged; then paid', async ({
    page,
  }) => {
    const before = payments(host);
    await openPublications(page, host, 'pt');
    await page.getByTestId('pubs-group-DSAJ').click();
    await page.getByTestId('pubs-item-PUB-CIVIL-CODE').click();
    await page.getByTestId('pubs-add').click();
    await page.getByTestId('pubs-show-basket').click();
    await page.getByTestId('pubs-checkout').click();
    await scan(host, sampleWalletCodes.decline);
    await expect(page.getByTestId('pubs-problem-payment-declined')).toContainText('Pagamento recusado');
    await scan(host, sampleWalletCodes.insufficientFunds);
    await expect(page.getByTestId('pubs-problem-insufficient-funds')).toContainText('Saldo insuficiente');
    await scan(host, 'MOBK1:SAMP-0001:SAMPLE0000000001');
    await expect(page.getByTestId('pubs-problem-not-a-payment-code')).toBeVisible();
    expect(payments(host).charges).toBe(before.charges);
    await scan(host, sampleWalletCodes.approve);
    await expect(page.getByTestId('pubs-done')).toBeVisible({ timeout: 20_000 });
    expect(payments(host).charges - before.charges).toBe(1);
  });

  test('the gateway times out, the code is shown again: asked by key, charged once', async ({ page }) => {
    const before = payments(host);
    await openPublications(page, host, 'zh-Hant');
    await fillBasket(page);
    await toPay(page);
    await scan(host, sampleWalletCodes.timeoutOnce);
    await expect(page.getByTestId('pubs-problem-no-answer')).toContainText('不會被重複收費');
    await scan(host, sampleWalletCodes.approve);
    await expect(page.getByTestId('pubs-done')).toBeVisible({ timeout: 20_000 });
    const after = payments(host);
    expect(after.charges - before.charges).toBe(1);
    expect(after.chargedAvos - before.chargedAvos).toBe(14_000);
  });

  test('a jammed slot: its item is refunded, staff are alerted, the resident told plainly', async ({
    page,
  }) => {
    const before = payments(host);
    // The labour law's slot (B1) jams; the penal code (A3) comes out. Earlier tests left both in stock.
    await host.call('dev.simulate', { action: 'slot-jam', deviceId: 'vending', slot: 'B1', jam: true });
    await openPublications(page, host, 'en');
    await page.getByTestId('pubs-group-DSAL').click();
    await page.getByTestId('pubs-item-PUB-LABOUR-LAW').click();
    await page.getByTestId('pubs-add').click();
    await page.getByTestId('pubs-back').click();
    await page.getByTestId('pubs-back').click();
    await page.getByTestId('pubs-group-DSAJ').click();
    await page.getByTestId('pubs-item-PUB-PENAL-CODE').click();
    await page.getByTestId('pubs-add').click();
    await page.getByTestId('pubs-show-basket').click();
    await page.getByTestId('pubs-checkout').click();
    await expect(page.getByTestId('pubs-pay')).toBeVisible();
    await scan(host, sampleWalletCodes.approve);
    await expect(page.getByTestId('pubs-done')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('pubs-progress').locator('[data-state="not-dropped"]')).toHaveCount(1);
    await expect(page.getByTestId('pubs-progress').locator('[data-state="dropped"]')).toHaveCount(1);
    await expect(page.getByTestId('pubs-end-completed')).toContainText(`${LABOUR_LAW} has been refunded`);
    const after = payments(host);
    expect(after.charges - before.charges).toBe(1);
    expect(after.refundedAvos - before.refundedAvos).toBe(LABOUR_LAW_AVOS);
    await expect
      .poll(() => host.logLines.some((l) => l.includes('publication-slot-failed') && l.includes('B1')))
      .toBe(true);
    await expect.poll(() => host.logLines.some((l) => l.includes('staff-alert-raised'))).toBe(true);
    await host.call('dev.simulate', { action: 'slot-jam', deviceId: 'vending', slot: 'B1', jam: false });
  });
});

test.describe('an idle timeout mid-basket', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    host = await startKioskHost(
      publicationsConfig({
        timeLimits: { idleSeconds: 12, warningSeconds: 3, maxExtensions: 10, attractSlideSeconds: 60 },
      }),
    );
  });
  test.afterAll(async () => host.stop());

  test('nothing charged, the basket wiped in both processes', async ({ page }) => {
    await openPublications(page, host, 'en');
    await page.getByTestId('pubs-group-DSAJ').click();
    await page.getByTestId('pubs-item-PUB-BASIC-LAW').click();
    await page.getByTestId('pubs-add').click();
    await page.getByTestId('pubs-show-basket').click();
    await page.getByTestId('pubs-checkout').click();
    await expect(page.getByTestId('pubs-pay')).toBeVisible();
    await expect(page.getByTestId('attract-screen')).toBeVisible({ timeout: 60_000 });
    expect(payments(host).charges).toBe(0);
    await expect(page.getByText('MOP$30.00')).toHaveCount(0);
    await openPublications(page, host, 'en');
    await expect(page.getByTestId('pubs-basket-bar')).toContainText('Your basket is empty');
    await expect(page.getByTestId('pubs-show-basket')).toBeDisabled();
  });
});

test.describe('every publications screen in every display', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    host = await startKioskHost(publicationsConfig());
  });
  test.afterAll(async () => host.stop());

  /** Every combination measured; the plain ones photographed with SHOOT=1 (test-results) for a person to look at. */
  async function expectEveryDisplayRightIn(page: Page, name: string): Promise<void> {
    const problems = await sweepDisplays(page, host, name, {
      shotName: (setting, locale, orientation) =>
        setting.name === 'plain' || (setting.name === 'high-contrast-large-text' && locale === 'pt')
          ? `${name.replace(/ /g, '-')}-${locale}-${orientation.name}-${setting.name}`
          : null,
    });
    expect(problems).toEqual([]);
    await applyLanguage(page, host, 'en');
  }

  test('browse, list, detail', async ({ page }) => {
    test.setTimeout(30 * 60_000);
    await openPublications(page, host, 'en');
    await expectEveryDisplayRightIn(page, 'publications browse');
    await page.getByTestId('pubs-group-DSAJ').click();
    await expectEveryDisplayRightIn(page, 'publications list');
    await page.getByTestId('pubs-item-PUB-BASIC-LAW').click();
    await expectEveryDisplayRightIn(page, 'publications detail');
  });

  test('search, basket, pay (with a refusal), done (with a refund)', async ({ page }) => {
    test.setTimeout(30 * 60_000);
    await openPublications(page, host, 'en');
    await page.getByTestId('pubs-open-search').click();
    for (const key of 'COD') await page.getByTestId(`key-${key}`).click();
    await expect(page.getByTestId('pubs-search-results')).toHaveAttribute('data-query', 'cod');
    await expectEveryDisplayRightIn(page, 'publications search');
    await page.getByTestId('pubs-item-PUB-CIVIL-CODE').click();
    await page.getByTestId('pubs-add').click();
    await page.getByTestId('pubs-show-basket').click();
    await expectEveryDisplayRightIn(page, 'publications basket');
    await page.getByTestId('pubs-checkout').click();
    await scan(host, sampleWalletCodes.decline);
    await expect(page.getByTestId('pubs-problem-payment-declined')).toBeVisible();
    await expectEveryDisplayRightIn(page, 'publications pay');
    await host.call('dev.simulate', { action: 'slot-jam', deviceId: 'vending', slot: 'A2', jam: true });
    await scan(host, sampleWalletCodes.approve);
    await expect(page.getByTestId('pubs-done')).toBeVisible({ timeout: 30_000 });
    await expectEveryDisplayRightIn(page, 'publications done');
  });
});
