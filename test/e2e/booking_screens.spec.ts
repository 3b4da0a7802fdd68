import { expect, type Page, test } from '@playwright/test';
import { enterService, sampleBookingQr, scanCode, typeReference } from './support/booking_walk.js';
import {
  type DisplaySetting,
  type Locale,
  type Orientation,
  sweepDisplays,
} from './support/display_sweep.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { expectKioskLayout } from './support/screens.js';

/**
 * Every step of booking, check-in and managing a booking, on screen, walked once: on each step every display a
 * resident can ask for is swept in place (four languages × portrait and landscape × plain, high contrast, large
 * text and both: nothing clipped or spilling, a cue wherever it scrolls, every text readable against its background
 * — display_sweep.ts), and in the walk's own display every button is a touch target. Screenshots of each step, four
 * languages and both orientations, for a person to look at: plain ones in docs/screenshots/booking with
 * UPDATE_SCREENSHOTS=1; with SHOOT=1, those and high contrast with large text in test-results/display-settings.
 */
const shotName = (name: string) => (setting: DisplaySetting, locale: Locale, orientation: Orientation) => {
  const shot = `${name}-${locale}-${orientation.name}`;
  if (setting.name === 'plain') return `booking/${shot}`;
  if (setting.name === 'high-contrast-large-text' && !process.env.UPDATE_SCREENSHOTS)
    return `booking/high-contrast-large-text/${shot}`;
  return null;
};
/** What the resident types in the search box: a word the results answer in every language. */
const searchKeys = 'RENEWAL';

let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
  );
});
test.afterAll(async () => host.stop());

test('every step of booking, check-in and managing a booking, in every display', async ({ page }) => {
  // 24 steps × 32 displays, each measured once the page has settled.
  test.setTimeout(600_000);
  const locale = 'en';
  const step = async (testId: string, name: string) => {
    await expect(page.getByTestId(testId)).toBeVisible();
    await expectKioskLayout(page);
    expect(await sweepDisplays(page, host, name, { shotName: shotName(name) })).toEqual([]);
  };
  // Check-in on time first: the sample booking is in the quarter hour running when the host's backend is made,
  // and its check-in closes soon after; the sweeps below take longer than that.
  await enterService(page, host, 'check-in', locale);
  await scanCode(host, sampleBookingQr(1));
  await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
  await takeTheSlip(page);
  await step('check-in-ticket', '23-check-in-ticket');

  // Booking: site, departments, search, services, service, centre, date, time, identify, confirm, booked.
  await enterService(page, host, 'book-appointment', locale);
  await step('book-appointment-site', '01-site');
  await page.getByTestId('site-macau').click();
  await step('book-appointment-departments', '02-departments');
  await page.getByTestId('open-search').click();
  for (const key of searchKeys) await page.getByTestId(`key-${key}`).click();
  await expect(page.getByTestId('search-results').locator('[data-testid^="service-"]').first()).toBeVisible();
  await step('book-appointment-search', '03-search');
  await page.getByTestId('back').click();
  await page.getByTestId('department-DSI').click();
  await step('book-appointment-services', '04-services');
  await page.getByTestId('service-dsi-bir-replacement').click();
  await step('book-appointment-service', '05-service');
  await page.getByTestId('start-booking').click();
  await step('book-appointment-centre', '06-centre');
  await page.getByTestId('centre-china-plaza').click();
  await step('book-appointment-date', '07-date');
  // Tomorrow: too early to check in, so the check-in below is refused as too early.
  await page.locator('[data-testid^="date-20"]').nth(1).click();
  await step('book-appointment-slot', '08-time');
  await page.locator('[data-testid^="slot-"]').nth(1).click();
  await step('identify-stage-place', '09-identify');
  await scanCode(host, 'moa1:sample:R-0002');
  await step('book-appointment-confirm', '10-confirm');
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
  await takeTheSlip(page);
  await step('book-appointment-booked', '11-booked');
  const reference = (await page.getByTestId('reference').textContent()) ?? '';

  // Check-in: the scan step, the reference typed, too early.
  await enterService(page, host, 'check-in', locale);
  await step('check-in-scan', '20-check-in-scan');
  await page.getByTestId('type-reference').click();
  for (const key of reference) await page.getByTestId(`key-${key}`).click();
  await step('check-in-reference', '21-check-in-reference');
  await page.getByTestId('key-enter').click();
  await expect(page.getByTestId('refusal-too-early')).toBeVisible();
  await step('check-in-booking', '22-check-in-too-early');

  // Managing the booking just made: reschedule it, then cancel it.
  await enterService(page, host, 'check-in', locale);
  await page.getByTestId('manage').click();
  await page.getByTestId('type-reference').click();
  await typeReference(page, reference);
  await step('check-in-booking', '30-manage-booking');
  await page.getByTestId('reschedule').click();
  await step('check-in-date', '31-reschedule-date');
  await page.locator('[data-testid^="date-20"]').nth(2).click();
  await page.locator('[data-testid^="slot-"]').nth(2).click();
  await step('check-in-confirm-reschedule', '32-reschedule-confirm');
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
  await takeTheSlip(page);
  await step('check-in-rescheduled', '33-rescheduled');
  await finish(page);
  await enterService(page, host, 'check-in', locale);
  await page.getByTestId('manage').click();
  await page.getByTestId('type-reference').click();
  await typeReference(page, reference);
  await page.getByTestId('cancel-booking').click();
  await step('check-in-confirm-cancel', '34-cancel-confirm');
  await page.getByTestId('confirm').click();
  await step('check-in-cancelled', '35-cancelled');
  await finish(page);
});

async function finish(page: Page): Promise<void> {
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
}

/** The print overlay's "take it" message, answered as the resident does, so the step under it shows. */
async function takeTheSlip(page: Page): Promise<void> {
  await page.getByTestId('print-ok').click();
  await expect(page.getByTestId('print-ok')).toHaveCount(0);
}
