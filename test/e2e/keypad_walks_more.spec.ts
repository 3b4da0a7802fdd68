import { expect, test } from '@playwright/test';
import { sampleWalletCodes } from '../../electron/backend/embedded/payment_gateway_simulator.js';
import { sampleBookingQr } from './support/booking_walk.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { expectNoDigitSpoken, identifyByKeypad, KeypadWalk } from './support/keypad_walk.js';
import { startKioskHost } from './support/kiosk_host.js';
import { publicationsConfig, scanQr } from './support/publications_host.js';

/**
 * The flows that came after keypad_walks.spec.ts, walked the same way (issue 14, docs/accessibility.md): applying
 * for Smart Locker pickup, and buying publications. No tap on the screen; the resident uses the devices as anyone
 * would (a passport on the reader, a wallet's payment code under the scanner) and the simulated keypad's keys, and
 * the spoken prompts' message keys are checked in order at every step.
 */

/** What a publications browse or list step says, with the basket's summary once something is in it. */
const pubs = (...keys: string[]) => keys.map((key) => `publications:${key}`);
const browseSays = (by: 'department' | 'category', basket: boolean) =>
  pubs('browse.title', `browse.${by}`, ...(basket ? ['basketBar.summary'] : []), 'keys.browse');
const listSays = (basket: boolean) =>
  pubs('spoken.name', 'spoken.list', ...(basket ? ['basketBar.summary'] : []), 'keys.list');

test('apply for Smart Locker pickup, in Portuguese, by keypad and voice', async ({ page }) => {
  test.setTimeout(300_000);
  const host = await startKioskHost(e2eConfig({ timeLimits: longSessionTimeLimits }));
  try {
    const walk = new KeypadWalk(page, host);
    await walk.startService('pt', 'locker-apply');
    await walk.hear(walk.started, [
      'locker-apply:service.title',
      'locker-apply:service.lead',
      'locker-apply:keys.choose',
    ]);
    // Each service is said by its name as the arrows reach it.
    const services = await walk.focusTo('apply-service-iam-food-establishment-licence');
    for (const said of services) expect(said).toEqual(['locker-apply:spoken.name']);
    const identify = await walk.mark();
    await walk.press('enter');
    await identifyByKeypad(walk, 'locker-apply', identify);

    // The PIN sent, the points nearest first: this centre's own, with room for a large item.
    await walk.pressAndHear('enter', [
      'locker-apply:point.title',
      'locker-apply:point.lead',
      'locker-apply:keys.point',
    ]);
    // Help explains this step; Back closes it, and the step is said again.
    await walk.pressAndHear('help', ['help.title', 'help.step.locker-apply.point', 'help.panelKeys']);
    await walk.pressAndHear('back', [
      'locker-apply:point.title',
      'locker-apply:point.lead',
      'locker-apply:keys.point',
    ]);
    await expect(page.getByTestId('help-panel')).toBeHidden();
    expect(await walk.focusTo('apply-choose-locker-china-plaza')).toEqual([
      ['locker-apply:spoken.name', 'locker-apply:point.here', 'locker-apply:point.free'],
    ]);
    // A full point is reached and says why; Enter there chooses nothing (it is said again).
    const full = await walk.focusTo('apply-choose-locker-fai-chi-kei');
    expect(full.at(-1)).toEqual([
      'locker-apply:spoken.name',
      'locker-apply:point.distance',
      'locker-apply:point.full',
    ]);
    await walk.pressAndHear('enter', [
      'locker-apply:spoken.name',
      'locker-apply:point.distance',
      'locker-apply:point.full',
    ]);
    await expect(page.getByTestId('apply-point')).toBeVisible();
    // Round again to this centre's point; Enter chooses it.
    await walk.focusTo('apply-choose-locker-china-plaza');
    await walk.pressAndHear('enter', [
      'locker-apply:confirm.title',
      'locker-apply:spoken.name',
      'locker-apply:spoken.name',
      'locker-apply:spoken.address',
      'locker-apply:point.hours',
      'locker-apply:confirm.how',
      'locker-apply:keys.confirm',
    ]);

    // Enter applies (the step's default): sent, the number and the date said, the slip printing then printed.
    const from = await walk.mark();
    await walk.press('enter');
    await walk.hear(from, [
      'locker-apply:done.title',
      'locker-apply:spoken.reference',
      'locker-apply:spoken.ready',
    ]);
    await walk.hear(from, [
      'locker-apply:done.title',
      'locker-apply:spoken.reference',
      'locker-apply:spoken.ready',
      'locker-apply:spoken.name',
      'locker-apply:done.how',
      'locker-apply:done.slip.printed',
      'locker-apply:keys.finish',
    ]);
    await walk.press('enter');
    await expect(page.getByTestId('attract-screen')).toBeVisible();
    expectNoDigitSpoken(await walk.heardKeys());
  } finally {
    await host.stop();
  }
});

test('buy publications by department and by category, pay with a wallet, in Traditional Chinese (Cantonese), by keypad and voice', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const host = await startKioskHost(publicationsConfig({ timeLimits: longSessionTimeLimits }));
  try {
    const walk = new KeypadWalk(page, host);
    await walk.startService('zh-Hant', 'publications');
    await walk.hear(walk.started, browseSays('department', false));

    // The two groupings, the search, then each department said with its number of titles.
    const reached = await walk.focusTo('pubs-group-DSAJ');
    expect(reached.slice(0, 3)).toEqual([
      ['publications:browse.department'],
      ['publications:browse.category'],
      ['publications:browse.search'],
    ]);
    for (const said of reached.slice(3)) expect(said).toEqual(['publications:spoken.group']);
    await walk.pressAndHear('enter', listSays(false));
    for (const said of await walk.focusTo('pubs-item-PUB-BASIC-LAW'))
      expect(said).toEqual(['publications:spoken.item']);
    await walk.pressAndHear('enter', [
      'publications:detail.title',
      'publications:spoken.item',
      'publications:detail.available',
      'publications:keys.add',
    ]);
    // Enter adds it (the step's default): the step says the copy in the basket and the basket.
    await walk.pressAndHear('enter', [
      'publications:detail.title',
      'publications:spoken.item',
      'publications:inBasket',
      'publications:detail.available',
      'publications:basketBar.summary',
      'publications:keys.quantity',
    ]);

    // Back twice, to browse again, by category.
    await walk.pressAndHear('back', listSays(true));
    await walk.pressAndHear('back', browseSays('department', true));
    await walk.focusTo('pubs-by-category');
    await walk.pressAndHear('enter', browseSays('category', true));
    await walk.focusTo('pubs-group-statistics');
    await walk.pressAndHear('enter', listSays(true));
    await walk.focusTo('pubs-item-PUB-CENSUS-2021');
    await walk.pressAndHear(
      'enter',
      ['publications:detail.title', 'publications:spoken.item'],
      'publications:keys.add',
    );
    await walk.pressAndHear('enter', [
      'publications:inBasket',
      'publications:detail.available',
      'publications:basketBar.summary',
    ]);

    // The basket, line by line, and Pay (its default).
    expect((await walk.focusTo('pubs-show-basket')).at(-1)).toEqual([
      'publications:basketBar.open',
      'publications:basketBar.summary',
    ]);
    await walk.pressAndHear('enter', [
      'publications:basket.title',
      'publications:spoken.line',
      'publications:spoken.line',
      'publications:basket.pay',
      'publications:keys.basket',
    ]);
    const paySays = pubs('pay.title', 'pay.amount', 'pay.how', 'keys.pay');
    await walk.pressAndHear('enter', paySays);
    // Help explains paying; Back closes it, and the step is said again.
    await walk.pressAndHear('help', ['help.title', 'help.step.publications.pay', 'help.panelKeys']);
    await walk.pressAndHear('back', paySays);
    await expect(page.getByTestId('help-panel')).toBeHidden();

    // The wallet's payment code under the scanner: paid, turned out, done; the receipt printing.
    const from = await walk.mark();
    await scanQr(host, sampleWalletCodes.approve);
    await walk.hear(
      from,
      [
        'publications:done.title',
        'publications:done.take',
        'publications:done.paid',
        'publications:done.receipt.printing',
        'publications:keys.done',
      ],
      60_000,
    );
    await expect(page.getByTestId('pubs-progress').locator('[data-state="dropped"]')).toHaveCount(2);
    await walk.press('enter');
    await expect(page.getByTestId('attract-screen')).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('see a booking and cancel it, in English, by keypad and voice', async ({ page }) => {
  test.setTimeout(300_000);
  // A fresh backend: its sample booking SAMP-0002 is a week or more ahead, so it can still be changed or cancelled.
  const host = await startKioskHost(e2eConfig({ timeLimits: longSessionTimeLimits }));
  try {
    const walk = new KeypadWalk(page, host);
    await walk.startCheckIn('en');
    // "See, change or cancel a booking" comes first in the step's order.
    expect(await walk.focusTo('manage')).toEqual([['check-in:scan.manage']]);
    await walk.pressAndHear('enter', [
      'check-in:scan.title.manage',
      'check-in:scan.how',
      'booking.keys.scan.manage',
    ]);
    // The booking's QR code under the scanner: the booking said (its time and reference, never a name), and the keys.
    const seen = await walk.mark();
    await host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text: sampleBookingQr(2) });
    await walk.hear(seen, [
      'check-in:booking.title.booked',
      'booking.appointment',
      'booking.reference',
      'booking.keys.manage',
    ]);
    // Change first, then Cancel it, before the screen's Finish.
    const reached = await walk.focusTo('cancel-booking');
    expect(reached.at(-1)).toEqual(['check-in:booking.cancelIt']);
    await walk.pressAndHear('enter', [
      'check-in:cancelBooking.title',
      'booking.appointment',
      'check-in:cancelBooking.lead',
      'booking.keys.confirmCancel',
    ]);
    // Enter on the confirmation's default: cancelled, said with what follows.
    await walk.pressAndHear('enter', [
      'check-in:cancelBooking.done',
      'check-in:cancelBooking.after',
      'booking.keys.finish',
    ]);
    await walk.press('enter');
    await expect(page.getByTestId('attract-screen')).toBeVisible();
    // The backend holds it cancelled: scanned again, the booking says so and offers no change.
    await walk.startCheckIn('en');
    const again = await walk.mark();
    await host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text: sampleBookingQr(2) });
    await walk.hear(again, ['check-in:refusal.title.cancelled']);
    await expect(page.getByTestId('reschedule')).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
