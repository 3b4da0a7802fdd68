import { afterEach, describe, expect, it } from 'vitest';
import {
  type BookingKiosk,
  chinaPlazaTerminal,
  startBookingKiosk,
} from '../../../test/support/booking_kiosk.js';
import { eventually } from '../../../test/support/eventually.js';
import { embeddedBackendAt } from '../../../test/support/kiosk_app_fixture.js';
import { type SwitchableBackend, switchableBackend } from '../../../test/support/switchable_backend.js';
import { settleRetryMs } from './resident_transaction.js';

/**
 * The backend failing under a flow: down (the circuit open: nothing sent), silent (no answer), or answering into
 * the void (the change made, its reply lost). The resident is told in their language, "Try again" asks with the
 * same key (never twice), and a resident who leaves never leaves a change half done: the transaction is settled
 * by asking again, now or on the clock.
 */
const sample = (n: number) => `MOBK1:SAMP-000${n}:SAMPLE000000000${n}`;

describe('booking flows when the backend fails', () => {
  let kiosk: BookingKiosk;
  let backend: SwitchableBackend;
  afterEach(() => kiosk.close());

  async function start(): Promise<void> {
    kiosk = await startBookingKiosk(
      {},
      {
        backend: (clock) => {
          backend = switchableBackend(embeddedBackendAt(clock, chinaPlazaTerminal));
          return backend;
        },
      },
    );
  }
  const transaction = (id: number) => kiosk.app.journal.transactions.get(id);
  const bookingOf = async (reference: string) => {
    const found = await kiosk.backend!.findBooking({ booking: { reference } });
    if (!found.ok) throw new Error('not found');
    return found.value;
  };

  it('down while looking the booking up: the resident is told, nothing is journalled, Try again works', async () => {
    await start();
    await kiosk.enter('check-in');
    backend.setMode('down');
    await kiosk.scan(sample(1));
    expect(await kiosk.stepIs('problem')).toMatchObject({ problem: 'unavailable' });
    expect(transaction(1)).toBeUndefined();
    expect(kiosk.logger.of('booking-backend-unavailable')).toEqual([
      { call: 'finding', error: 'unreachable' },
    ]);
    backend.setMode('up');
    expect(await kiosk.call('check-in.retry')).toEqual({ ok: true });
    expect(await kiosk.stepIs('ticket')).toMatchObject({ ticket: { queueNumber: 'D001' } });
    await eventually(() => (kiosk.flow() as { slip?: string }).slip === 'printed', 5_000);
  });

  it('down when checking in: nothing sent; leaving voids the transaction and the booking is untouched', async () => {
    await start();
    await kiosk.enter('check-in', 'zh-Hant');
    backend.setMode('down', ['checkIn']);
    await kiosk.scan(sample(1));
    expect(await kiosk.stepIs('problem')).toMatchObject({ problem: 'unavailable' });
    expect(transaction(1)).toMatchObject({ kind: 'check-in', state: 'identified' });
    expect(await kiosk.call('check-in.cancel')).toEqual({ ok: true });
    expect(transaction(1)).toMatchObject({ state: 'voided', reason: 'resident-left', pendingCall: null });
    expect((await bookingOf('SAMP-0001')).status).toBe('booked');
    expect(backend.calls.get('checkIn')).toBeUndefined();
  });

  it('a reply lost when checking in: Try again asks with the same key and gets the same number', async () => {
    await start();
    await kiosk.enter('check-in');
    backend.setMode('replies-lost', ['checkIn']);
    await kiosk.scan(sample(1));
    expect(await kiosk.stepIs('problem')).toMatchObject({ problem: 'outcome-unknown' });
    // The backend did check it in; the kiosk does not know yet.
    expect((await bookingOf('SAMP-0001')).status).toBe('checked-in');
    backend.setMode('up');
    expect(await kiosk.call('check-in.retry')).toEqual({ ok: true });
    expect(await kiosk.stepIs('ticket')).toMatchObject({ when: 'now', ticket: { queueNumber: 'D001' } });
    expect(backend.calls.get('checkIn')).toBe(2);
    await eventually(() => transaction(1)?.state === 'confirmed', 5_000);
    expect(kiosk.logger.of('booking-change-unanswered')).toEqual([
      { transactionId: 1, operation: 'check-in', error: 'timeout' },
    ]);
  });

  it('a reply lost, then the resident leaves: the check-in is settled by asking again on the clock', async () => {
    await start();
    await kiosk.enter('check-in');
    backend.setMode('replies-lost', ['checkIn']);
    await kiosk.scan(sample(1));
    await kiosk.stepIs('problem');
    // Still no answer when they give up.
    backend.setMode('silent', ['checkIn']);
    await kiosk.call('check-in.cancel');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(transaction(1)).toMatchObject({ state: 'identified', pendingCall: { operation: 'check-in' } });
    backend.setMode('up');
    kiosk.clock.advance(settleRetryMs);
    await eventually(() => transaction(1)?.state === 'confirmed');
    expect(transaction(1)).toMatchObject({ reason: 'settled-after-no-answer', pendingCall: null });
    expect(kiosk.logger.of('booking-change-settled')).toEqual([
      { transactionId: 1, operation: 'check-in', outcome: 'confirmed' },
    ]);
  });

  it('a timeout in the middle of a reschedule wipes the flow; the change on its way is settled after', async () => {
    await start();
    await kiosk.enter('check-in');
    await kiosk.call('check-in.manage');
    await kiosk.scan(sample(2));
    await kiosk.stepIs('booking');
    await kiosk.call('check-in.reschedule');
    const dates = await kiosk.stepIs('date');
    await kiosk.call('check-in.chooseDate', { date: dates.dates[0]!.date });
    const slots = await kiosk.stepIs('slot');
    const chosen = slots.slots[0]!;
    await kiosk.call('check-in.chooseSlot', { slotId: chosen.slotId });
    backend.setMode('replies-lost', ['rescheduleBooking']);
    await kiosk.call('check-in.confirm');
    await kiosk.stepIs('problem');
    backend.setMode('up');
    // Nobody touches the screen: the session times out.
    kiosk.clock.advance(kiosk.config.timeLimits.idleSeconds * 1000 + 1000);
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
    await eventually(() => transaction(1)?.state === 'confirmed');
    expect((await bookingOf('SAMP-0002')).slotId).toBe(chosen.slotId);
    // The next resident starts afresh: nothing of the last one's booking is in their step.
    await kiosk.enter('check-in');
    expect(kiosk.flow()).toEqual({ service: 'check-in', step: 'scan', purpose: 'check-in', notice: null });
  });
});
