import { expect, type Page, test } from '@playwright/test';
import {
  chooseTime,
  enterService,
  identifyWithPassport,
  openKioskPage,
  paper,
  placeDocument,
  scanCode,
  toDates,
} from './support/booking_walk.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * Booking an appointment end to end in browser mode, on the embedded backend with its real catalogue and the
 * simulated devices: identified by a passport on the reader or a Macao One Account QR, the slip printed (after a
 * paper refill), searching in each language, and what goes wrong at the identify step (a card taken away mid-read,
 * a chip that fails passive authentication).
 */
let host: KioskHost;
let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await openKioskPage(browser);
  host = await startKioskHost(
    e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
  );
});
test.afterAll(async () => {
  await page.context().close();
  await host.stop();
});

test('books with the passport on the reader; the slip prints and the reference shows', async () => {
  await enterService(page, host, 'book-appointment', 'en');
  await toDates(page);
  await chooseTime(page, 1);
  await identifyWithPassport(page, host);
  await expect(page.getByTestId('booking-for')).toHaveText('For: CHAN T** M**');
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('book-appointment-booked')).toBeVisible();
  await expect(page.getByTestId('reference')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('books with a Macao One Account QR code, in Portuguese', async () => {
  await enterService(page, host, 'book-appointment', 'pt');
  await toDates(page, 'dsi-bir-change-particulars');
  await chooseTime(page, 2);
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await scanCode(host, 'moa1:sample:R-0002');
  await expect(page.getByTestId('booking-for')).toHaveText('Para o titular da Conta Única de Macau');
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('book-appointment-booked')).toBeVisible();
  await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
});

test('the slip waits for paper, and prints once the paper is back', async () => {
  await enterService(page, host, 'book-appointment', 'zh-Hant');
  await toDates(page, 'dsi-bir-permanent-status');
  await chooseTime(page, 3);
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await scanCode(host, 'moa1:sample:R-0003');
  await expect(page.getByTestId('book-appointment-confirm')).toBeVisible();
  await paper(host, 'out');
  await page.getByTestId('confirm').click();
  // Booked: the reference shows; the slip waits, and the print overlay says why.
  await expect(page.getByTestId('book-appointment-booked')).toBeVisible();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-reason', 'no-paper');
  await expect(page.getByTestId('slip-printing')).toBeAttached();
  await paper(host, 'loaded');
  await expect(page.getByTestId('slip-printed')).toBeAttached({ timeout: 20_000 });
});

test('searches in each language: characters, pinyin initials, Portuguese without accents', async () => {
  const switchLanguage = async (language: string) => {
    await page.getByTestId('language-switch').click();
    await page.getByTestId(`switch-to-${language}`).click();
  };
  // Traditional Chinese: pinyin on the keyboard, a character word from the candidate bar.
  await enterService(page, host, 'book-appointment', 'zh-Hant');
  await page.getByTestId('site-macau').click();
  await page.getByTestId('open-search').click();
  for (const key of ['X', 'U', 'Q', 'I']) await page.getByTestId(`key-${key}`).click();
  await expect(page.getByTestId('keyboard-candidate-0')).toHaveText('續期');
  await page.getByTestId('keyboard-candidate-0').click();
  await expect(page.getByTestId('search-field')).toHaveText('續期');
  await expect(page.getByTestId('search-results')).toContainText('續期');
  await page.getByTestId('cancel').click();

  // Simplified Chinese: the initials alone, while still composing, find 身份证.
  await page.getByTestId('tile-book-appointment').click();
  await page.getByTestId('start-service').click();
  await switchLanguage('zh-Hans');
  await page.getByTestId('site-macau').click();
  await page.getByTestId('open-search').click();
  for (const key of ['S', 'F', 'Z']) await page.getByTestId(`key-${key}`).click();
  await expect(page.getByTestId('search-results')).toContainText('身份证');
  await page.getByTestId('cancel').click();

  // Portuguese, typed without accents.
  await switchLanguage('pt');
  await page.getByTestId('tile-book-appointment').click();
  await page.getByTestId('start-service').click();
  await page.getByTestId('site-macau').click();
  await page.getByTestId('open-search').click();
  for (const key of [...'CERTIDAO']) await page.getByTestId(`key-${key}`).click();
  await expect(page.getByTestId('search-results')).toContainText('Certidão de nascimento');

  // English.
  await switchLanguage('en');
  await page.getByTestId('key-clear').click();
  for (const key of [...'RENEWAL']) await page.getByTestId(`key-${key}`).click();
  await expect(page.getByTestId('search-results')).toContainText('Renewal');
});

test('a card taken away in the middle of the read is refused with its reason, and nothing is kept', async () => {
  await enterService(page, host, 'book-appointment', 'en');
  await toDates(page);
  await chooseTime(page, 4);
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  // The resident pulls the passport out while its chip is being read.
  await host.call('dev.simulate', { action: 'pull-mid-read', deviceId: 'document-reader' });
  await placeDocument(host, 'passport-macao');
  await expect(page.getByTestId('identify-refused-card-removed')).toBeVisible({ timeout: 20_000 });
  // Back to placing a document; Back again leads to the times; nothing of the card stays on screen.
  await page.getByTestId('identify-back').click();
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await page.getByTestId('identify-back').click();
  await expect(page.getByTestId('book-appointment-slot')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('CHAN');
  // Choosing the time again asks again, and the passport laid down again is read.
  await page.locator('[data-testid^="slot-"]').first().click();
  await placeDocument(host, null);
  await placeDocument(host, 'passport-macao');
  await expect(page.getByTestId('identify-name')).toHaveText('CHAN T** M**', { timeout: 20_000 });
  await placeDocument(host, null);
});

test('a passport whose chip fails passive authentication is refused as not genuine', async () => {
  await enterService(page, host, 'book-appointment', 'zh-Hans');
  await toDates(page);
  await chooseTime(page, 5);
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await placeDocument(host, 'passport-forged');
  await expect(page.getByTestId('identify-refused-not-genuine')).toBeVisible({ timeout: 20_000 });
  await placeDocument(host, null);
  await expect(page.getByTestId('book-appointment-confirm')).toHaveCount(0);
});
