import { expect, type Page, test } from '@playwright/test';
import {
  chooseTime,
  enterService,
  openKioskPage,
  sampleBookingQr,
  scanCode,
  toDates,
  typeReference,
} from './support/booking_walk.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { layoutProblems, overlappingText } from './support/layout.js';

/**
 * Checking in and managing a booking end to end in browser mode, on the embedded backend's sample bookings (made
 * when this host's backend file is created): SAMP-0001 today at China Plaza — this terminal's centre — open for
 * check-in, SAMP-0002 a week or more ahead. The tests run in order on one host: SAMP-0002 is rescheduled, then
 * cancelled.
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

test('on time: the booking QR is scanned and the queue ticket prints with its number and counter area', async () => {
  await enterService(page, host, 'check-in', 'zh-Hant');
  await scanCode(host, sampleBookingQr(1));
  await expect(page.getByTestId('check-in-ticket')).toBeVisible();
  await expect(page.getByTestId('queue-number')).toHaveText(/^[A-Z]\d{3}$/);
  await expect(page.getByTestId('counter-area')).toContainText('櫃台');
  await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('too early: the typed reference finds the booking, which says when check-in opens', async () => {
  await enterService(page, host, 'check-in', 'en');
  await page.getByTestId('type-reference').click();
  await typeReference(page, 'QQQQQQQQ');
  await expect(page.getByTestId('notice-not-found')).toBeVisible();
  // Landscape (the spec's viewport) is short: with the notice, the field and keyboard still leave the lead its line.
  expect(await overlappingText(page)).toEqual([]);
  expect(await layoutProblems(page)).toEqual([]);
  // Typed as people write it: no dash, the letter O for the digit 0.
  await typeReference(page, 'SAMP0OO2');
  await expect(page.getByTestId('check-in-booking')).toBeVisible();
  await expect(page.getByTestId('refusal-too-early')).toContainText('Check-in opens');
  await expect(page.getByTestId('card-reference')).toHaveText('SAMP-0002');
  await expect(page.getByTestId('queue-number')).toHaveCount(0);
});

test('wrong centre: a booking made for Areia Preta is refused here, with the centre and its address', async () => {
  await enterService(page, host, 'book-appointment', 'pt');
  await toDates(page, 'dsi-bir-replacement', 'DSI', 'areia-preta');
  await chooseTime(page, 0);
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await scanCode(host, 'moa1:sample:R-0002');
  await page.getByTestId('confirm').click();
  const reference = (await page.getByTestId('reference').textContent()) ?? '';
  expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  await enterService(page, host, 'check-in', 'pt');
  await page.getByTestId('type-reference').click();
  await typeReference(page, reference);
  await expect(page.getByTestId('refusal-wrong-centre')).toContainText('Areia Preta');
  await expect(page.getByTestId('refusal-wrong-centre')).toContainText('Venceslau de Morais');
});

test('reschedule: the booking moves to another time, and the new slip prints', async () => {
  await enterService(page, host, 'check-in', 'en');
  await page.getByTestId('manage').click();
  await expect(page.getByTestId('check-in-scan')).toBeVisible();
  await scanCode(host, sampleBookingQr(2));
  await expect(page.getByTestId('check-in-booking')).toBeVisible();
  const before = await page.getByTestId('card-when').textContent();
  await page.getByTestId('reschedule').click();
  await expect(page.getByTestId('check-in-date')).toBeVisible();
  await chooseTime(page, 2);
  await expect(page.getByTestId('check-in-confirm-reschedule')).toBeVisible();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('check-in-rescheduled')).toBeVisible();
  await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('card-when')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('card-reference')).toHaveText('SAMP-0002');
});

test('cancel: a second, deliberate tap cancels; Back keeps the booking', async () => {
  await enterService(page, host, 'check-in', 'zh-Hans');
  await page.getByTestId('manage').click();
  await scanCode(host, sampleBookingQr(2));
  await page.getByTestId('cancel-booking').click();
  await expect(page.getByTestId('check-in-confirm-cancel')).toBeVisible();
  await page.getByTestId('back').click();
  await expect(page.getByTestId('check-in-booking')).toBeVisible();
  await page.getByTestId('cancel-booking').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('check-in-cancelled')).toBeVisible();
  await page.getByTestId('finish').click();

  // Scanned again to check in: it says it is cancelled, and offers no change.
  await enterService(page, host, 'check-in', 'zh-Hans');
  await scanCode(host, sampleBookingQr(2));
  await expect(page.getByTestId('refusal-cancelled')).toBeVisible();
  await expect(page.getByTestId('reschedule')).toHaveCount(0);
});
