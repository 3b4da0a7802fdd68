import { expect, test } from '@playwright/test';
import { sampleBookingQr } from './support/booking_walk.js';
import { collectionHostConfig } from './support/collection_host.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { expectNoDigitSpoken, identifyByKeypad, KeypadWalk } from './support/keypad_walk.js';
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
      timeLimits: longSessionTimeLimits,
    }),
  );
});
test.afterAll(async () => host.stop());

const placeDocument = (on: KioskHost, sample: string | null) =>
  on.call('dev.simulate', { action: 'document', deviceId: 'document-reader', sample });
const document = (sample: string | null) => placeDocument(host, sample);

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

  // The search comes first (keypad_typing.spec.ts types in it), then each department with its count.
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

test('check in for a booking, in Traditional Chinese (Cantonese), by keypad and voice', async ({ page }) => {
  test.setTimeout(300_000);
  // A fresh backend: its sample booking is in the quarter hour running now, so check-in is open.
  const fresh = await startKioskHost(e2eConfig());
  try {
    const walk = new KeypadWalk(page, fresh);
    await walk.startCheckIn('zh-Hant');
    // The arrows reach "see, change or cancel a booking" first, then Back, Cancel and "type the reference".
    expect(await walk.focusTo('type-reference')).toEqual([
      ['check-in:scan.manage'],
      ['booking:actions.back'],
      ['booking:actions.cancel'],
      ['check-in:scan.type'],
    ]);
    // The slip's QR code under the scanner: checked in, the number and where to go, the ticket printing.
    const from = await walk.mark();
    await fresh.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text: sampleBookingQr(1) });
    await walk.hearCheckedIn(from);
    expect((await walk.heardKeys()).slice(from).every((k) => !/[0-9]/.test(k.split(':').pop() ?? ''))).toBe(
      true,
    );
    await walk.press('enter');
    await expect(page.getByTestId('attract-screen')).toBeVisible();
  } finally {
    await fresh.stop();
  }
});

test('collect a document, in Portuguese, by keypad and voice: passport, PIN typed on the keypad, the card taken', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const collection = await startKioskHost(collectionHostConfig(120_000));
  try {
    const walk = new KeypadWalk(page, collection);
    await walk.startService('pt', 'collect-document');
    await identifyByKeypad(walk, 'collect-document');
    await walk.pressAndHear(
      'enter',
      ['collect-document:choose.title', 'collect-document:choose.lead', 'collect-document:spoken.document'],
      'collect-document:keys.choose',
    );
    const documents = await walk.focusTo('collect-choose-C-SAMPLE-MO-1');
    expect(documents.at(-1)).toEqual([
      'collect-document:spoken.document',
      'collect-document:choose.from.card',
    ]);
    await walk.pressAndHear('enter', [
      'collect-document:releasing.title',
      'collect-document:releasing.take-card',
    ]);
    const from = await walk.mark();
    await collection.call('dev.simulate', { action: 'take-card', deviceId: 'dispenser' });
    await walk.hear(from, [
      'collect-document:done.title',
      'collect-document:spoken.document',
      'collect-document:done.receipt',
      'collect-document:keys.done',
    ]);
    await walk.hear(from, ['print.done.receipt', 'print.keysClose']);
    await walk.hear(from, ['print.keysClose', 'collect-document:done.title']);
    await walk.press('enter');
    await expect(page.getByTestId('attract-screen')).toBeVisible();
    expectNoDigitSpoken(await walk.heardKeys());
  } finally {
    await collection.stop();
  }
});

test('print a proof of identity, in Simplified Chinese (Mandarin), by keypad and voice', async ({ page }) => {
  test.setTimeout(300_000);
  const walk = new KeypadWalk(page, host);
  await walk.startService('zh-Hans', 'proof-of-identity');
  await identifyByKeypad(walk, 'proof-of-identity');
  await walk.pressAndHear('enter', [
    'proof-of-identity:choose.title',
    'proof-of-identity:choose.lead',
    'proof-of-identity:keys.choose',
  ]);
  const choices = await walk.focusTo('proof-languages-zh-pt');
  expect(choices.at(-1)).toEqual(['proof-of-identity:choose.zh-pt.title']);
  await walk.pressAndHear('enter', [
    'proof-of-identity:preview.title',
    'proof-of-identity:choose.zh-pt.title',
    'proof-of-identity:preview.lead',
    'proof-of-identity:keys.preview',
  ]);
  // Enter prints (the preview's default); the code that identifies the paper is said, never the person's data.
  const from = await walk.mark();
  await walk.press('enter');
  await walk.hear(
    from,
    [
      'proof-of-identity:done.title',
      'proof-of-identity:done.take',
      'proof-of-identity:spoken.code',
      'proof-of-identity:done.howToCheck',
      'proof-of-identity:keys.done',
    ],
    60_000,
  );
  await walk.hear(from, ['print.done.document', 'print.keysClose']);
  await walk.hear(from, ['print.keysClose', 'proof-of-identity:done.title']);
  await walk.press('enter');
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  expectNoDigitSpoken(await walk.heardKeys());
});

test('Smart Locker pickup by typed digits, in English, by keypad and voice', async ({ page }) => {
  test.setTimeout(300_000);
  const station = await startKioskHost(e2eConfig());
  try {
    const walk = new KeypadWalk(page, station);
    await walk.startService('en', 'locker-pickup');
    await walk.hear(walk.started, [
      'locker-pickup:scan.title',
      'locker-pickup:scan.how',
      'locker-pickup:scan.type',
    ]);
    expect(await walk.focusTo('pickup-type-digits')).toEqual([['locker-pickup:scan.type']]);
    await walk.pressAndHear('enter', ['locker-pickup:type.title', 'locker-pickup:type.how']);
    // The 12 digits on the keypad: each answered with how many are in, never the digit.
    const typing = await walk.mark();
    await walk.typeDigits('123456789018', 'locker-pickup:type.progress');
    expect((await walk.heardKeys()).slice(typing)).toEqual(
      Array.from({ length: 12 }, () => 'locker-pickup:type.progress'),
    );
    // Enter sends the code; the door opens and says which compartment; closing it records the pickup.
    await walk.pressAndHear('enter', ['locker-pickup:door.open']);
    const from = await walk.mark();
    await station.call('dev.simulate', { action: 'door', deviceId: 'lockers', door: 'A1', open: false });
    await walk.hear(from, ['locker-pickup:done.title', 'locker-pickup:done.body']);
    await walk.press('enter');
    await expect(page.getByTestId('attract-screen')).toBeVisible();
    expectNoDigitSpoken(await walk.heardKeys());
  } finally {
    await station.stop();
  }
});
