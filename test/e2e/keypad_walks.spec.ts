import { expect, test } from '@playwright/test';
import { e2eConfig } from './support/e2e_config.js';
import { KeypadWalk } from './support/keypad_walk.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * Whole flows with the tactile keypad and audio guidance alone (issue 14, docs/accessibility.md): no tap on the
 * screen; the resident uses the devices as anyone would (a passport on the reader, a QR code under the scanner) and
 * the simulated keypad's keys, and the spoken prompts' message keys are checked in order at every step.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    e2eConfig({
      timeLimits: { idleSeconds: 600, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 60 },
    }),
  );
});
test.afterAll(async () => host.stop());

const document = (sample: string | null) =>
  host.call('dev.simulate', { action: 'document', deviceId: 'document-reader', sample });

test('book an appointment end to end, in English, by keypad and voice', async ({ page }) => {
  test.setTimeout(300_000);
  const walk = new KeypadWalk(page, host);
  await walk.startService('en', 'book-appointment');
  await walk.hear(walk.started, ['book-appointment:site.title', 'booking.keys.choose']);

  // Macao first (this terminal's own site): each site says its name and what it covers.
  expect(await walk.focusTo('site-macau')).toEqual([
    ['book-appointment:site.macau.name', 'book-appointment:site.macau.about'],
  ]);
  await walk.pressAndHear('enter', ['book-appointment:departments.title.macau', 'booking.keys.departments']);

  // The search comes first (it cannot be typed on the keypad: it says so), then each department with its count.
  const departments = await walk.focusTo('department-DSI');
  expect(departments[0]).toEqual(['book-appointment:departments.search']);
  for (const said of departments.slice(1))
    expect(said).toEqual(['booking.name', 'book-appointment:departments.services']);
  await walk.pressAndHear('enter', ['booking.name', 'book-appointment:services.lead', 'booking.keys.choose']);

  await walk.focusTo('service-dsi-bir-replacement');
  const service = await walk.pressAndHear(
    'enter',
    ['booking.name', 'booking.name', 'book-appointment:service.bring'],
    'booking.keys.service',
  );
  const requirements = await page.getByTestId('requirements').locator('li').count();
  expect(requirements).toBeGreaterThan(0);
  expect(service).toEqual([
    'booking.name',
    'booking.name',
    'book-appointment:service.bring',
    ...Array.from({ length: requirements }, () => expect.stringMatching(/^booking:requirement\./)),
    'book-appointment:service.fee',
    expect.stringMatching(/^(book-appointment:service\.free|booking\.said)$/),
    'book-appointment:service.minutes',
    'booking.keys.service',
  ]);

  // Enter books this service (the step's default): the centres, this one said as here.
  await walk.pressAndHear('enter', ['book-appointment:centre.title', 'booking.name', 'booking.keys.choose']);
  await walk.focusTo('centre-china-plaza');
  await walk.pressAndHear('enter', ['booking:date.title', 'booking:date.lead', 'booking.keys.choose']);

  // The second day (the first may be today, its times running out), each said with its free times.
  const secondDay = await page.locator('[data-testid^="date-20"]').nth(1).getAttribute('data-testid');
  for (const said of await walk.focusTo(secondDay ?? ''))
    expect(said).toEqual(['booking.said', 'booking:date.free']);
  await walk.pressAndHear('enter', ['booking:slot.title', 'booking:slot.lead', 'booking.keys.choose']);
  expect(
    await walk.focusTo(
      (await page.locator('[data-testid^="slot-"]').first().getAttribute('data-testid')) ?? '',
    ),
  ).toEqual([['booking.said', 'booking:slot.places']]);

  // Identify: the passport on the reader; "This is me" is the default.
  await walk.pressAndHear(
    'enter',
    ['identify:stageTitle.place', 'identify:purpose.book-appointment'],
    'identify.keys.place',
  );
  let from = await walk.mark();
  await document('passport-macao');
  await walk.hear(from, [
    'identify:stageTitle.confirm',
    'identify:purpose.book-appointment',
    'identify:confirm.question',
    'identify:confirm.document.passport',
    'identify.confirmUnseen',
    'identify.keys.confirm',
  ]);
  await walk.pressAndHear('enter', [
    'book-appointment:confirm.title',
    'booking.appointment',
    'book-appointment:confirm.by.document',
    'booking.keys.confirm',
  ]);
  await document(null);

  // Book: the booking is made, the slip prints (the print overlay speaks over the step: "Please take your slip"),
  // and when the overlay goes by itself the step is said again, the slip now printed.
  from = await walk.mark();
  await walk.press('enter');
  await walk.hear(from, ['book-appointment:booked.title', 'booking.reference']);
  await walk.hear(from, [
    'print.done.slip',
    'print.keysClose',
    'book-appointment:booked.title',
    'booking.reference',
    'booking:paper.slip.printed',
    'booking.appointment',
    'booking.keys.finish',
  ]);
  await walk.press('enter');
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  const all = await walk.heardKeys();
  expect(
    all.filter(
      (k) => /name|passport-number|birth/i.test(k) && !k.startsWith('booking.name') && !k.endsWith('.name'),
    ),
  ).toEqual([]);
});
