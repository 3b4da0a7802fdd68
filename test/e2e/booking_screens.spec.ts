import { expect, type Page, test } from '@playwright/test';
import { enterService, sampleBookingQr, scanCode, typeReference } from './support/booking_walk.js';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { expectKioskLayout, shoot } from './support/screens.js';

/**
 * Every step of booking, check-in and managing a booking, on screen: nothing cut off, every button a touch target,
 * every text readable against its background, in the step's language. Each step is kept as a screenshot for a
 * person to look at (test-results/screens; docs/screenshots/booking with UPDATE_SCREENSHOTS=1). A plain run checks
 * Portuguese in portrait (the longest words on the narrowest screen); UPDATE_SCREENSHOTS=1 takes the four languages
 * in both orientations.
 */
const everything = process.env.UPDATE_SCREENSHOTS !== undefined;
const locales = everything ? (['zh-Hant', 'zh-Hans', 'pt', 'en'] as const) : (['pt'] as const);
const orientations = [
  { name: 'portrait', width: 1080, height: 1920 },
  ...(everything ? [{ name: 'landscape', width: 1920, height: 1080 }] : []),
] as const;
/** What the resident types in the search box: pinyin keys for Chinese, a word for the others. */
const searchKeys = { 'zh-Hant': 'XUQI', 'zh-Hans': 'SFZ', pt: 'RENOVACAO', en: 'RENEWAL' } as const;

let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    e2eConfig({
      timeLimits: { idleSeconds: 600, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 60 },
    }),
  );
});
test.afterAll(async () => host.stop());

for (const orientation of orientations) {
  for (const locale of locales) {
    test(`${orientation.name} ${locale}: every step of booking, check-in and managing a booking`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: orientation.width, height: orientation.height });
      const step = async (testId: string, name: string) => {
        await expect(page.getByTestId(testId)).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${locale}`));
        await expectKioskLayout(page);
        await shoot(page, `booking/${name}-${locale}-${orientation.name}`);
      };

      // Booking: site, departments, search, services, service, centre, date, time, identify, confirm, booked.
      await enterService(page, host, 'book-appointment', locale);
      await step('book-appointment-site', '01-site');
      await page.getByTestId('site-macau').click();
      await step('book-appointment-departments', '02-departments');
      await page.getByTestId('open-search').click();
      for (const key of searchKeys[locale]) await page.getByTestId(`key-${key}`).click();
      await expect(
        page.getByTestId('search-results').locator('[data-testid^="service-"]').first(),
      ).toBeVisible();
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

      // Check-in: the scan step, the reference typed, too early; then on time with the ticket.
      await enterService(page, host, 'check-in', locale);
      await step('check-in-scan', '20-check-in-scan');
      await page.getByTestId('type-reference').click();
      for (const key of reference) await page.getByTestId(`key-${key}`).click();
      await step('check-in-reference', '21-check-in-reference');
      await page.getByTestId('key-enter').click();
      await expect(page.getByTestId('refusal-too-early')).toBeVisible();
      await step('check-in-booking', '22-check-in-too-early');
      await enterService(page, host, 'check-in', locale);
      await scanCode(host, sampleBookingQr(1));
      // Checked in by the first language's run: later runs see the ticket again, without printing it.
      const printed = page.getByTestId('slip-printed');
      await expect(printed.or(page.getByTestId('checked-in-earlier'))).toBeVisible({ timeout: 20_000 });
      if (await printed.isVisible()) await takeTheSlip(page);
      await step('check-in-ticket', '23-check-in-ticket');

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
  }
}

async function finish(page: Page): Promise<void> {
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
}

/** The print overlay's "take it" message, answered as the resident does, so the step under it shows. */
async function takeTheSlip(page: Page): Promise<void> {
  await page.getByTestId('print-ok').click();
  await expect(page.getByTestId('print-ok')).toHaveCount(0);
}
