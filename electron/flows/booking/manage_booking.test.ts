import { afterEach, describe, expect, it } from 'vitest';
import { type BookingKiosk, startBookingKiosk } from '../../../test/support/booking_kiosk.js';
import { eventually } from '../../../test/support/eventually.js';
import { fillSlot } from '../../../test/support/fill_slot.js';

/**
 * Seeing, rescheduling and cancelling a booking from the check-in tile ("see, change or cancel a booking"), with
 * the embedded backend's SAMP-0002 (booked next week at China Plaza). Each change is asked of the backend, whose
 * state the tests read back.
 */
const sample2 = 'MOBK1:SAMP-0002:SAMPLE0000000002';

describe('managing a booking', () => {
  let kiosk: BookingKiosk;
  afterEach(() => kiosk.close());

  async function openSample2(): Promise<void> {
    await kiosk.enter('check-in');
    expect(await kiosk.call('check-in.manage')).toEqual({ ok: true });
    expect(kiosk.flow()).toMatchObject({ step: 'scan', purpose: 'manage' });
    await kiosk.scan(sample2);
    expect(await kiosk.stepIs('booking')).toMatchObject({
      booking: { reference: 'SAMP-0002', status: 'booked' },
      refusal: null,
      canChange: true,
    });
  }

  it('shows a booking without checking it in', async () => {
    kiosk = await startBookingKiosk();
    await openSample2();
    expect(kiosk.logger.of('booking-change-made')).toEqual([]);
    // Back to the scan step, still to manage; back again to checking in.
    expect(await kiosk.call('check-in.back')).toEqual({ ok: true });
    expect(kiosk.flow()).toMatchObject({ step: 'scan', purpose: 'manage' });
    expect(await kiosk.call('check-in.back')).toEqual({ ok: true });
    expect(kiosk.flow()).toMatchObject({ step: 'scan', purpose: 'check-in' });
  });

  it('reschedules from the date step; the new slip prints and the backend has the new time', async () => {
    kiosk = await startBookingKiosk();
    await openSample2();
    const before = await kiosk.backend!.findBooking({ booking: { reference: 'SAMP-0002' } });
    if (!before.ok) throw new Error('sample');
    expect(await kiosk.call('check-in.reschedule')).toEqual({ ok: true });
    const dates = await kiosk.stepIs('date');
    expect(dates.dates.length).toBeGreaterThan(10);
    expect(dates.about.serviceId).toBe(before.value.serviceId);
    const day = dates.dates[2]!.date;
    expect(await kiosk.call('check-in.chooseDate', { date: day })).toEqual({ ok: true });
    const slots = await kiosk.stepIs('slot');
    expect(slots.slots.every((s) => s.start.startsWith(day) && s.free > 0)).toBe(true);
    // The booking's own slot is never offered as a new one.
    expect(slots.slots.map((s) => s.slotId)).not.toContain(before.value.slotId);
    const chosen = slots.slots[1]!;
    expect(await kiosk.call('check-in.chooseSlot', { slotId: chosen.slotId })).toEqual({ ok: true });
    expect(kiosk.flow()).toMatchObject({ step: 'confirm-reschedule', to: { start: chosen.start } });
    expect(await kiosk.call('check-in.confirm')).toEqual({ ok: true });
    const done = await kiosk.stepIs('rescheduled');
    expect(done.booking).toMatchObject({ reference: 'SAMP-0002', appointment: { start: chosen.start } });
    await eventually(() => (kiosk.flow() as { slip?: string }).slip === 'printed', 5_000);
    const after = await kiosk.backend!.findBooking({ booking: { reference: 'SAMP-0002' } });
    expect(after.ok && after.value).toMatchObject({ slotId: chosen.slotId, status: 'booked' });
    expect(kiosk.app.journal.transactions.get(1)).toMatchObject({ kind: 'booking', state: 'confirmed' });
    expect(await kiosk.call('check-in.back')).toEqual({ ok: false, error: 'other-step' });
  });

  it('cancels after a confirmation step; Back on that step keeps the booking', async () => {
    kiosk = await startBookingKiosk();
    await openSample2();
    expect(await kiosk.call('check-in.cancelBooking')).toEqual({ ok: true });
    expect(kiosk.flow()).toMatchObject({ step: 'confirm-cancel', booking: { reference: 'SAMP-0002' } });
    expect(await kiosk.call('check-in.back')).toEqual({ ok: true });
    expect(kiosk.flow()).toMatchObject({ step: 'booking' });
    const kept = await kiosk.backend!.findBooking({ booking: { reference: 'SAMP-0002' } });
    expect(kept.ok && kept.value.status).toBe('booked');

    await kiosk.call('check-in.cancelBooking');
    expect(await kiosk.call('check-in.confirm')).toEqual({ ok: true });
    expect(await kiosk.stepIs('cancelled')).toMatchObject({
      booking: { reference: 'SAMP-0002', status: 'cancelled' },
    });
    const gone = await kiosk.backend!.findBooking({ booking: { reference: 'SAMP-0002' } });
    expect(gone.ok && gone.value.status).toBe('cancelled');
    expect(kiosk.app.journal.transactions.get(1)).toMatchObject({ kind: 'booking', state: 'confirmed' });
    // A second confirm (a double tap) changes nothing.
    expect(await kiosk.call('check-in.confirm')).toEqual({ ok: false, error: 'other-step' });
  });

  it('a time taken while choosing: the times come back without it, with the next free ones', async () => {
    kiosk = await startBookingKiosk();
    await openSample2();
    await kiosk.call('check-in.reschedule');
    const dates = await kiosk.stepIs('date');
    await kiosk.call('check-in.chooseDate', { date: dates.dates[0]!.date });
    const slots = await kiosk.stepIs('slot');
    const wanted = slots.slots[0]!;
    await kiosk.call('check-in.chooseSlot', { slotId: wanted.slotId });
    // Meanwhile, others fill that slot (three places) through the backend.
    await fillSlot(kiosk.backend!, wanted.slotId);
    expect(await kiosk.call('check-in.confirm')).toEqual({ ok: true });
    const again = await kiosk.stepIs('slot');
    expect(again.notice).toMatchObject({ kind: 'slot-taken' });
    expect(again.notice!.nextFree.length).toBeGreaterThan(0);
    expect(again.slots.map((s) => s.slotId)).not.toContain(wanted.slotId);
    expect(again.notice!.nextFree.map((s) => s.slotId)).not.toContain(wanted.slotId);
    // One of the next free ones can be chosen straight from the notice.
    const next = again.notice!.nextFree[0]!;
    expect(await kiosk.call('check-in.chooseSlot', { slotId: next.slotId })).toEqual({ ok: true });
    expect(await kiosk.call('check-in.confirm')).toEqual({ ok: true });
    expect(await kiosk.stepIs('rescheduled')).toMatchObject({
      booking: { appointment: { start: next.start } },
    });
    await eventually(() => (kiosk.flow() as { slip?: string }).slip === 'printed', 5_000);
  });
});
