import { describe, expect, it } from 'vitest';
import type { Suite } from '../contract_suite.js';
import { key, refusal, value } from '../result_helpers.js';

/** Identifying a resident, bookings and check-in. Part of the one backend contract suite (contract_suite.ts). */

const minute = 60_000;

export function residentAndBookingContract(suite: Suite): void {
  describe('identifying a resident', () => {
    it('finds the sample residents by any of their documents or a One Account token', async () => {
      const cases = [
        ['passport', 'MB2345678', 'R-0001'],
        ['residence-permit', '820000199003150017', 'R-0001'],
        ['passport', 'L898902C3', 'R-0002'],
        ['id-card', 'D23145890734', 'R-0002'],
        ['passport', 'MB7654321', 'R-0003'],
      ] as const;
      for (const [documentKind, documentNumber, residentRef] of cases) {
        const found = await suite.backend.identifyResident({
          method: 'document',
          documentKind,
          documentNumber,
        });
        expect(value(found)).toEqual({ residentRef });
      }
      const token = await suite.backend.identifyResident({
        method: 'one-account',
        token: 'moa1:sample:R-0003',
      });
      expect(value(token)).toEqual({ residentRef: 'R-0003' });
    });

    it('does not find an unknown document, nor a known number under another kind', async () => {
      for (const request of [
        { method: 'document', documentKind: 'passport', documentNumber: 'ZZ0000000' },
        { method: 'document', documentKind: 'id-card', documentNumber: 'MB2345678' },
        { method: 'one-account', token: 'moa1:forged:R-0001' },
      ] as const) {
        expect(refusal(await suite.backend.identifyResident(request))).toEqual({
          code: 'not-found',
          subject: 'resident',
        });
      }
    });

    it('refuses hostile input as outside the contract, without echoing it', async () => {
      const hostile = "MB2345678' OR '1'='1";
      const result = await suite.backend.identifyResident({
        method: 'document',
        documentKind: 'passport',
        documentNumber: hostile,
      });
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
      expect(JSON.stringify(result)).not.toContain(hostile);
      const extra = await suite.backend.identifyResident({
        method: 'document',
        documentKind: 'passport',
        documentNumber: 'MB2345678',
        name: 'CHAN TAI MAN',
      } as never);
      expect(extra).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    });
  });

  describe('bookings', () => {
    async function freeSlotsNextWeek(serviceId: string, centreId = 'china-plaza') {
      return value(await suite.backend.availability({ serviceId, centreId, ...suite.nextWeek() })).slots;
    }
    async function firstFreeSlot(serviceId: string) {
      const [slot] = await freeSlotsNextWeek(serviceId);
      if (!slot) throw new Error(`no free slot for ${serviceId} at China Plaza next week`);
      return slot;
    }

    it('books a slot: a reference and a QR that both find it, and one place fewer', async () => {
      const [service] = await suite.bookableAt('china-plaza');
      const slot = await firstFreeSlot(service!.id);
      const booking = value(
        await suite.backend.createBooking({
          idempotencyKey: key(),
          serviceId: service!.id,
          centreId: 'china-plaza',
          slotId: slot.slotId,
          residentRef: 'R-0003',
        }),
      );
      expect(booking).toMatchObject({
        status: 'booked',
        slotId: slot.slotId,
        start: slot.start,
        queueTicket: null,
      });
      expect(value(await suite.backend.findBooking({ booking: { reference: booking.reference } }))).toEqual(
        booking,
      );
      expect(value(await suite.backend.findBooking({ booking: { qrText: booking.qrText } }))).toEqual(
        booking,
      );
      const forged = `${booking.qrText.slice(0, -4)}AAAA`;
      if (forged !== booking.qrText) {
        expect(refusal(await suite.backend.findBooking({ booking: { qrText: forged } }))).toMatchObject({
          code: 'not-found',
        });
      }
      expect(value(await suite.backend.residentBookings({ residentRef: 'R-0003' })).bookings).toEqual([
        booking,
      ]);
      expect((await firstFreeSlot(service!.id)).free).toBe(slot.free - 1);
    });

    it('answers a replayed booking with the first answer and books once; a reused key is refused', async () => {
      const [service] = await suite.bookableAt('china-plaza');
      const slot = await firstFreeSlot(service!.id);
      const request = {
        idempotencyKey: key(),
        serviceId: service!.id,
        centreId: 'china-plaza',
        slotId: slot.slotId,
        residentRef: 'R-0003',
      };
      const first = value(await suite.backend.createBooking(request));
      const again = value(await suite.backend.createBooking(request));
      expect(again).toEqual(first);
      expect(value(await suite.backend.residentBookings({ residentRef: 'R-0003' })).bookings).toHaveLength(1);
      expect((await firstFreeSlot(service!.id)).free).toBe(slot.free - 1);
      const reused = await suite.backend.createBooking({ ...request, residentRef: 'R-0002' });
      expect(refusal(reused)).toEqual({ code: 'idempotency-conflict' });
    });

    it('says a slot is taken when it filled up, with the next free ones at the same centre', async () => {
      const services = await suite.bookableAt('china-plaza');
      const slot = await firstFreeSlot(services[0]!.id);
      expect(services.length).toBeGreaterThan(slot.free);
      for (let i = 0; i < slot.free; i++) {
        const booked = await suite.backend.createBooking({
          idempotencyKey: key(),
          serviceId: services[i]!.id,
          centreId: 'china-plaza',
          slotId: slot.slotId,
          residentRef: 'R-0003',
        });
        expect(booked.ok).toBe(true);
      }
      const taken = refusal(
        await suite.backend.createBooking({
          idempotencyKey: key(),
          serviceId: services[slot.free]!.id,
          centreId: 'china-plaza',
          slotId: slot.slotId,
          residentRef: 'R-0003',
        }),
      );
      if (taken.code !== 'slot-taken') throw new Error(taken.code);
      expect(taken.nextFreeSlots.length).toBeGreaterThan(0);
      for (const next of taken.nextFreeSlots) {
        expect(next.centreId).toBe('china-plaza');
        expect(Date.parse(next.start)).toBeGreaterThan(Date.parse(slot.start));
      }
    });

    it('refuses a second active booking of the same service, a past slot and another centre’s slot', async () => {
      const [service] = await suite.bookableAt('china-plaza');
      const slot = await firstFreeSlot(service!.id);
      const request = {
        serviceId: service!.id,
        centreId: 'china-plaza',
        slotId: slot.slotId,
        residentRef: 'R-0003',
      };
      const first = value(await suite.backend.createBooking({ idempotencyKey: key(), ...request }));
      expect(refusal(await suite.backend.createBooking({ idempotencyKey: key(), ...request }))).toEqual({
        code: 'already-booked',
        reference: first.reference,
      });
      const past = value(await suite.backend.findBooking({ booking: { reference: 'SAMP-0001' } })).slotId;
      const other = (await suite.bookableAt('china-plaza'))[1]!;
      expect(
        refusal(
          await suite.backend.createBooking({
            idempotencyKey: key(),
            ...request,
            serviceId: other.id,
            slotId: past,
          }),
        ),
      ).toEqual({ code: 'slot-in-past' });
      const elsewhere = (await suite.catalogue()).services.find(
        (s) => s.bookable && s.centres.includes('china-plaza') && s.centres.length > 1,
      );
      for (const centreId of elsewhere?.centres.filter((c) => c !== 'china-plaza') ?? []) {
        const [foreign] = await freeSlotsNextWeek(elsewhere!.id, centreId);
        if (!foreign) continue;
        const wrong = await suite.backend.createBooking({
          idempotencyKey: key(),
          serviceId: elsewhere!.id,
          centreId: 'china-plaza',
          slotId: foreign.slotId,
          residentRef: 'R-0002',
        });
        expect(refusal(wrong)).toEqual({ code: 'not-offered-here' });
        break;
      }
    });

    it('reschedules to another slot and cancels, giving the places back', async () => {
      const [service] = await suite.bookableAt('china-plaza');
      const { slots } = value(
        await suite.backend.availability({
          serviceId: service!.id,
          centreId: 'china-plaza',
          ...suite.nextWeek(),
        }),
      );
      const [a, b] = slots;
      const booking = value(
        await suite.backend.createBooking({
          idempotencyKey: key(),
          serviceId: service!.id,
          centreId: 'china-plaza',
          slotId: a!.slotId,
          residentRef: 'R-0003',
        }),
      );
      const moved = value(
        await suite.backend.rescheduleBooking({
          idempotencyKey: key(),
          booking: { qrText: booking.qrText },
          slotId: b!.slotId,
        }),
      );
      expect(moved).toMatchObject({ reference: booking.reference, slotId: b!.slotId, status: 'booked' });
      const freeOf = async (slotId: string) =>
        value(
          await suite.backend.availability({
            serviceId: service!.id,
            centreId: 'china-plaza',
            ...suite.nextWeek(),
          }),
        ).slots.find((s) => s.slotId === slotId)?.free;
      expect(await freeOf(a!.slotId)).toBe(a!.free);
      expect(await freeOf(b!.slotId)).toBe(b!.free - 1);
      const cancelled = value(
        await suite.backend.cancelBooking({
          idempotencyKey: key(),
          booking: { reference: booking.reference },
        }),
      );
      expect(cancelled.status).toBe('cancelled');
      expect(await freeOf(b!.slotId)).toBe(b!.free);
      expect(
        refusal(
          await suite.backend.cancelBooking({
            idempotencyKey: key(),
            booking: { reference: booking.reference },
          }),
        ),
      ).toEqual({ code: 'cancelled' });
      expect(
        refusal(
          await suite.backend.rescheduleBooking({
            idempotencyKey: key(),
            booking: { reference: booking.reference },
            slotId: a!.slotId,
          }),
        ),
      ).toEqual({ code: 'cancelled' });
    });
  });

  describe('check-in', () => {
    const at = (reference: string, centreId = 'china-plaza') => ({
      idempotencyKey: key(),
      booking: { reference },
      centreId,
      terminalId: 'MO-DEV-01',
    });

    it('gives a queue number and the counter area on time, once', async () => {
      const request = at('SAMP-0001');
      const ticket = value(await suite.backend.checkIn(request));
      expect(ticket.reference).toBe('SAMP-0001');
      expect(ticket.queueNumber).toMatch(/^[A-Z]\d{3}$/);
      expect(ticket.counterArea.en.length).toBeGreaterThan(0);
      expect(value(await suite.backend.checkIn(request))).toEqual(ticket);
      expect(refusal(await suite.backend.checkIn(at('SAMP-0001')))).toEqual({
        code: 'already-checked-in',
        queueNumber: ticket.queueNumber,
      });
      const booking = value(await suite.backend.findBooking({ booking: { reference: 'SAMP-0001' } }));
      expect(booking).toMatchObject({ status: 'checked-in', queueTicket: ticket });
    });

    it('numbers the queue of a department in order', async () => {
      const first = value(await suite.backend.checkIn(at('SAMP-0001')));
      // The same service, booked by another resident in the next slot of today.
      const { serviceId } = value(await suite.backend.findBooking({ booking: { reference: 'SAMP-0001' } }));
      const { slots } = value(
        await suite.backend.availability({
          serviceId,
          centreId: 'china-plaza',
          from: '2026-03-02',
          to: '2026-03-02',
        }),
      );
      // A centre whose counters are closed today has no slot to book: nothing to number.
      if (slots.length === 0) return;
      const booking = value(
        await suite.backend.createBooking({
          idempotencyKey: key(),
          serviceId,
          centreId: 'china-plaza',
          slotId: slots[0]!.slotId,
          residentRef: 'R-0003',
        }),
      );
      const second = value(await suite.backend.checkIn(at(booking.reference)));
      expect(Number(second.queueNumber.slice(1))).toBe(Number(first.queueNumber.slice(1)) + 1);
    });

    it('refuses with a reason: wrong centre, too early, too late, cancelled, unknown', async () => {
      expect(refusal(await suite.backend.checkIn(at('SAMP-0001', 'islands')))).toEqual({
        code: 'wrong-centre',
        centreId: 'china-plaza',
      });
      const early = refusal(await suite.backend.checkIn(at('SAMP-0002')));
      if (early.code !== 'too-early') throw new Error(early.code);
      const future = value(await suite.backend.findBooking({ booking: { reference: 'SAMP-0002' } }));
      expect(Date.parse(early.opensAt)).toBe(Date.parse(future.start) - 30 * minute);
      suite.clock.advance(20 * minute);
      const late = refusal(await suite.backend.checkIn(at('SAMP-0001')));
      expect(late).toMatchObject({ code: 'too-late' });
      expect(refusal(await suite.backend.checkIn(at('SAMP-0003')))).toEqual({ code: 'cancelled' });
      expect(refusal(await suite.backend.checkIn(at('ZZZZ-ZZZZ')))).toEqual({
        code: 'not-found',
        subject: 'booking',
      });
    });
  });
}
