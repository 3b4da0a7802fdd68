import { afterEach, describe, expect, it } from 'vitest';
import { type BookingKiosk, startBookingKiosk } from '../../../test/support/booking_kiosk.js';
import { eventually } from '../../../test/support/eventually.js';

/**
 * Check-in through the router, as the screens and the scanner drive it, against the embedded backend's sample
 * bookings: SAMP-0001 today at China Plaza in the quarter hour running, SAMP-0002 next week, SAMP-0003
 * cancelled. The backend decides on its own clock (the fake one) whether it is too early or too late.
 */
const qr = (n: number) => `MOBK1:SAMP-000${n}:SAMPLE000000000${n}`;

describe('check-in flow', () => {
  let kiosk: BookingKiosk;
  afterEach(() => kiosk.close());

  it('on time: the booking QR is scanned, the ticket prints with its number and counter area', async () => {
    kiosk = await startBookingKiosk();
    await kiosk.enter('check-in');
    expect(kiosk.flow()).toEqual({ service: 'check-in', step: 'scan', purpose: 'check-in', notice: null });
    await kiosk.scan(qr(1));
    const ticket = await kiosk.stepIs('ticket');
    expect(ticket).toMatchObject({
      when: 'now',
      ticket: {
        queueNumber: 'D001',
        counterArea: { en: expect.stringContaining('counters') },
        appointment: {
          service: { serviceId: 'dsi-bir-renewal' },
          centre: { centreId: 'china-plaza', here: true },
        },
      },
    });
    await eventually(() => (kiosk.flow() as { slip?: string }).slip === 'printed', 5_000);
    // Journalled: started → identified → (call) → reserved → printed → confirmed.
    const tx = kiosk.app.journal.transactions.get(1);
    expect(tx).toMatchObject({ kind: 'check-in', state: 'confirmed', pendingCall: null });
    expect(kiosk.app.journal.transactions.events(1).map((e) => e.to)).toEqual([
      'started',
      'identified',
      'identified',
      'reserved',
      'printed',
      'confirmed',
    ]);
    expect(kiosk.logger.of('booking-change-made')).toEqual([{ transactionId: 1, operation: 'check-in' }]);
    // The log names the operation, never the booking or the ticket.
    expect(JSON.stringify(kiosk.logger.lines)).not.toContain('SAMP');
    expect(await kiosk.call('check-in.finish')).toEqual({ ok: true });
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
  });

  it('reads a typed reference as people write it, and says when no booking has it', async () => {
    kiosk = await startBookingKiosk();
    await kiosk.enter('check-in', 'pt');
    expect(await kiosk.call('check-in.typeReference')).toEqual({ ok: true });
    expect(kiosk.flow()).toMatchObject({ step: 'reference', notice: null });
    expect(await kiosk.call('check-in.submitReference', { reference: 'ZZZZ' })).toEqual({ ok: true });
    expect(kiosk.flow()).toMatchObject({ step: 'reference', notice: 'not-found' });
    expect(await kiosk.call('check-in.submitReference', { reference: 'QQQQ-QQQQ' })).toEqual({ ok: true });
    expect(kiosk.flow()).toMatchObject({ step: 'reference', notice: 'not-found' });
    expect(await kiosk.call('check-in.submitReference', { reference: ' samp 0oo1 ' })).toEqual({ ok: true });
    expect(await kiosk.stepIs('ticket')).toMatchObject({ ticket: { queueNumber: 'D001' } });
    await eventually(() => (kiosk.flow() as { slip?: string }).slip === 'printed', 5_000);
  });

  it('too early: the booking is shown with when check-in opens, and it can be changed', async () => {
    kiosk = await startBookingKiosk();
    await kiosk.enter('check-in');
    await kiosk.scan(qr(2));
    const shown = await kiosk.stepIs('booking');
    expect(shown).toMatchObject({
      booking: { reference: 'SAMP-0002', status: 'booked' },
      refusal: { reason: 'too-early', opensAt: expect.stringMatching(/\+08:00$/) },
      canChange: true,
    });
    expect(kiosk.logger.of('booking-change-refused')).toEqual([
      { transactionId: 1, operation: 'check-in', code: 'too-early' },
    ]);
    expect(kiosk.app.journal.transactions.get(1)).toMatchObject({
      state: 'voided',
      reason: 'rejected too-early',
    });
  });

  it('a cancelled booking says so and offers no change', async () => {
    kiosk = await startBookingKiosk();
    await kiosk.enter('check-in');
    await kiosk.scan(qr(3));
    expect(await kiosk.stepIs('booking')).toMatchObject({
      booking: { reference: 'SAMP-0003', status: 'cancelled' },
      refusal: { reason: 'cancelled' },
      canChange: false,
    });
    expect(await kiosk.call('check-in.reschedule')).toEqual({ ok: false, error: 'unavailable' });
    expect(await kiosk.call('check-in.cancelBooking')).toEqual({ ok: false, error: 'unavailable' });
  });

  it('wrong centre: the booking is at another centre, which is shown', async () => {
    kiosk = await startBookingKiosk({
      site: {
        kind: 'macau',
        centreId: 'areia-preta',
        name: { 'zh-Hant': '黑沙環', 'zh-Hans': '黑沙环', pt: 'Areia Preta', en: 'Areia Preta' },
      },
    });
    await kiosk.enter('check-in');
    await kiosk.scan(qr(1));
    expect(await kiosk.stepIs('booking')).toMatchObject({
      refusal: { reason: 'wrong-centre' },
      booking: { appointment: { centre: { centreId: 'china-plaza', here: false } } },
    });
  });

  it('a code that is not a booking’s, or a forged token, is refused without being shown back', async () => {
    kiosk = await startBookingKiosk();
    await kiosk.enter('check-in');
    await kiosk.scan('https://example.com/?q=<script>');
    await eventually(() => (kiosk.flow() as { notice?: string }).notice === 'not-a-booking-code');
    await kiosk.scan('MOBK1:SAMP-0001:FORGEDFORGEDFORG');
    await eventually(() => (kiosk.flow() as { notice?: string }).notice === 'not-found');
    expect(kiosk.flow()).toEqual({
      service: 'check-in',
      step: 'scan',
      purpose: 'check-in',
      notice: 'not-found',
    });
    expect(JSON.stringify(kiosk.events)).not.toContain('example.com');
  });

  it('a booking checked in already shows its ticket again without printing another', async () => {
    kiosk = await startBookingKiosk();
    await kiosk.enter('check-in');
    await kiosk.scan(qr(1));
    await kiosk.stepIs('ticket');
    await eventually(() => (kiosk.flow() as { slip?: string }).slip === 'printed', 5_000);
    await kiosk.call('check-in.finish');
    await kiosk.enter('check-in');
    await kiosk.scan(qr(1));
    expect(await kiosk.stepIs('ticket')).toMatchObject({ when: 'earlier', ticket: { queueNumber: 'D001' } });
    const printed = kiosk.events.filter(
      (e) => e.event === 'print.jobChanged' && (e.payload as { state: string }).state === 'done',
    );
    expect(printed).toHaveLength(1);
  });

  it('refuses stale taps and hostile params before the flow sees them', async () => {
    kiosk = await startBookingKiosk();
    await kiosk.enter('check-in');
    expect(await kiosk.call('check-in.confirm')).toEqual({ ok: false, error: 'other-step' });
    expect(await kiosk.call('check-in.chooseDate', { date: '2023-11-20' })).toEqual({
      ok: false,
      error: 'other-step',
    });
    expect(await kiosk.call('book-appointment.chooseSite', { site: 'macau' })).toEqual({
      ok: false,
      error: 'other-flow',
    });
    const hostile = await kiosk.call('check-in.submitReference', { reference: 'A'.repeat(21) });
    expect(hostile).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    expect(await kiosk.call('check-in.chooseSlot', { slotId: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-params' },
    });
    expect(await kiosk.call('check-in.typeReference', { extra: 1 })).toMatchObject({ ok: false });
    expect(kiosk.flow()).toMatchObject({ step: 'scan' });
  });
});
