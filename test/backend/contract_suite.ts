import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/contract/backend.js';
import type { Service } from '../../electron/backend/contract/catalogue.js';
import type { BackendError, Rejection } from '../../electron/backend/contract/errors.js';
import type { Result } from '../../lib/result.js';
import { seededTemplate, type TestClock, testClock } from './backend_fixtures.js';

/**
 * THE backend contract, as behaviour the resident and staff flows rely on. Run against every implementation
 * (backend_contract.test.ts): the embedded backend, the reference server through the HTTP client, and the same
 * through a network that fails every request once. Each test starts from the seeded sample state at Monday
 * 2 March 2026 10:07 in Macau; it asks the catalogue for services rather than assuming the seed's counts.
 */

export interface ContractSubject {
  backend: Backend;
  close(): Promise<void>;
}
export type MakeSubject = (file: string, clock: TestClock) => Promise<ContractSubject>;

const minute = 60_000;
export const key = () => randomUUID();

export function value<T>(result: Result<T, BackendError>): T {
  if (!result.ok) throw new Error(`expected a reply, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function refusal(result: Result<unknown, BackendError>): Rejection {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  if (result.error.kind !== 'rejected')
    throw new Error(`expected a rejection, got ${JSON.stringify(result.error)}`);
  return result.error.rejection;
}

export function describeBackendContract(name: string, make: MakeSubject): void {
  describe(`backend contract: ${name}`, () => {
    const files = seededTemplate();
    afterAll(() => files.remove());
    let clock: TestClock;
    let subject: ContractSubject;
    let backend: Backend;
    beforeEach(async () => {
      clock = testClock();
      subject = await make(files.freshFile(), clock);
      backend = subject.backend;
    });
    afterEach(() => subject.close());

    const catalogue = async () => value(await backend.catalogue({}));
    /** Bookable services whose counters are at the centre. */
    const bookableAt = async (centreId: string): Promise<Service[]> =>
      (await catalogue()).services.filter((s) => s.bookable && s.centres.includes(centreId));
    const nextWeek = () => ({ from: '2026-03-09', to: '2026-03-13' });

    describe('catalogue', () => {
      it('lists departments, services, centres and locker points that refer to each other', async () => {
        const c = await catalogue();
        const codes = new Set(c.departments.map((d) => d.code));
        const centres = new Set(c.centres.map((x) => x.id));
        for (const id of ['china-plaza', 'flora', 'fai-chi-kei', 'areia-preta', 'taipa-lake', 'islands']) {
          expect(centres).toContain(id);
        }
        for (const id of ['seac-pai-van', 'three-lamps', 'new-neighbourhood', 'hengqin-gsc']) {
          expect(centres).toContain(id);
        }
        expect(c.services.length).toBeGreaterThan(0);
        for (const s of c.services) {
          expect(codes).toContain(s.department);
          for (const centre of s.centres) expect(centres).toContain(centre);
        }
        const hengqin = c.services.filter((s) => s.site === 'hengqin');
        expect(hengqin.length).toBeGreaterThan(0);
        for (const s of hengqin)
          expect(c.departments.find((d) => d.code === s.department)?.mainland).toBe(true);
        expect(c.lockerPoints.length).toBeGreaterThan(0);
      });

      it('tells a terminal where it stands and what it offers; an unknown terminal is not found', async () => {
        const macau = value(await backend.terminalProfile({ terminalId: 'MO-DEV-01' }));
        expect(macau).toMatchObject({ centreId: 'china-plaza', site: 'macau' });
        const c = await catalogue();
        const siteOf = (id: string) => c.services.find((s) => s.id === id)?.site;
        expect(macau.serviceIds.length).toBeGreaterThan(0);
        expect(macau.serviceIds.every((id) => siteOf(id) === 'macau')).toBe(true);
        const hengqin = value(await backend.terminalProfile({ terminalId: 'HQ-GSC-01' }));
        expect(hengqin).toMatchObject({ centreId: 'hengqin-gsc', site: 'hengqin' });
        expect(hengqin.serviceIds.some((id) => siteOf(id) === 'hengqin')).toBe(true);
        expect(refusal(await backend.terminalProfile({ terminalId: 'MO-NOWHERE-9' }))).toEqual({
          code: 'not-found',
          subject: 'terminal',
        });
      });

      it('sorts Smart Locker points nearest first with their free compartments', async () => {
        const { points } = value(await backend.lockerPoints({ nearCentreId: 'china-plaza' }));
        expect(points.length).toBe((await catalogue()).lockerPoints.length);
        const distances = points.map((p) => p.distanceMetres ?? -1);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        expect(distances[0]).toBeGreaterThanOrEqual(0);
        expect(refusal(await backend.lockerPoints({ nearCentreId: 'atlantis' }))).toMatchObject({
          code: 'not-found',
        });
      });
    });

    describe('availability', () => {
      it('offers only future slots with free places at that centre, earliest first', async () => {
        const [service] = await bookableAt('china-plaza');
        const { slots } = value(
          await backend.availability({
            serviceId: service!.id,
            centreId: 'china-plaza',
            from: '2026-03-02',
            to: '2026-03-06',
          }),
        );
        expect(slots.length).toBeGreaterThan(0);
        const starts = slots.map((s) => Date.parse(s.start));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        expect(starts[0]).toBeGreaterThan(clock.now());
        expect(slots.every((s) => s.centreId === 'china-plaza' && s.free > 0 && s.free <= s.capacity)).toBe(
          true,
        );
        expect(Math.max(...starts)).toBeLessThan(Date.parse('2026-03-07T00:00:00+08:00'));
      });

      it('says when a service is not handled at a centre, not bookable, or unknown', async () => {
        const c = await catalogue();
        const elsewhere = c.services.find((s) => s.bookable && !s.centres.includes('china-plaza'));
        if (elsewhere) {
          expect(
            refusal(
              await backend.availability({ serviceId: elsewhere.id, centreId: 'china-plaza', ...nextWeek() }),
            ),
          ).toEqual({ code: 'not-offered-here' });
        }
        const unbookable = c.services.find((s) => !s.bookable);
        if (unbookable) {
          const centreId = unbookable.centres[0]!;
          expect(
            refusal(await backend.availability({ serviceId: unbookable.id, centreId, ...nextWeek() })),
          ).toEqual({ code: 'not-bookable' });
        }
        expect(
          refusal(
            await backend.availability({
              serviceId: 'no-such-service',
              centreId: 'china-plaza',
              ...nextWeek(),
            }),
          ),
        ).toEqual({ code: 'not-found', subject: 'service' });
      });

      it('refuses a range longer than 31 days or upside down as outside the contract', async () => {
        const [service] = await bookableAt('china-plaza');
        for (const range of [
          { from: '2026-03-02', to: '2026-06-02' },
          { from: '2026-03-09', to: '2026-03-02' },
        ]) {
          const result = await backend.availability({
            serviceId: service!.id,
            centreId: 'china-plaza',
            ...range,
          });
          expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
        }
      });
    });

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
          const found = await backend.identifyResident({ method: 'document', documentKind, documentNumber });
          expect(value(found)).toEqual({ residentRef });
        }
        const token = await backend.identifyResident({ method: 'one-account', token: 'moa1:sample:R-0003' });
        expect(value(token)).toEqual({ residentRef: 'R-0003' });
      });

      it('does not find an unknown document, nor a known number under another kind', async () => {
        for (const request of [
          { method: 'document', documentKind: 'passport', documentNumber: 'ZZ0000000' },
          { method: 'document', documentKind: 'id-card', documentNumber: 'MB2345678' },
          { method: 'one-account', token: 'moa1:forged:R-0001' },
        ] as const) {
          expect(refusal(await backend.identifyResident(request))).toEqual({
            code: 'not-found',
            subject: 'resident',
          });
        }
      });

      it('refuses hostile input as outside the contract, without echoing it', async () => {
        const hostile = "MB2345678' OR '1'='1";
        const result = await backend.identifyResident({
          method: 'document',
          documentKind: 'passport',
          documentNumber: hostile,
        });
        expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
        expect(JSON.stringify(result)).not.toContain(hostile);
        const extra = await backend.identifyResident({
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
        return value(await backend.availability({ serviceId, centreId, ...nextWeek() })).slots;
      }
      async function firstFreeSlot(serviceId: string) {
        const [slot] = await freeSlotsNextWeek(serviceId);
        if (!slot) throw new Error(`no free slot for ${serviceId} at China Plaza next week`);
        return slot;
      }

      it('books a slot: a reference and a QR that both find it, and one place fewer', async () => {
        const [service] = await bookableAt('china-plaza');
        const slot = await firstFreeSlot(service!.id);
        const booking = value(
          await backend.createBooking({
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
        expect(value(await backend.findBooking({ booking: { reference: booking.reference } }))).toEqual(
          booking,
        );
        expect(value(await backend.findBooking({ booking: { qrText: booking.qrText } }))).toEqual(booking);
        const forged = `${booking.qrText.slice(0, -4)}AAAA`;
        if (forged !== booking.qrText) {
          expect(refusal(await backend.findBooking({ booking: { qrText: forged } }))).toMatchObject({
            code: 'not-found',
          });
        }
        expect(value(await backend.residentBookings({ residentRef: 'R-0003' })).bookings).toEqual([booking]);
        expect((await firstFreeSlot(service!.id)).free).toBe(slot.free - 1);
      });

      it('answers a replayed booking with the first answer and books once; a reused key is refused', async () => {
        const [service] = await bookableAt('china-plaza');
        const slot = await firstFreeSlot(service!.id);
        const request = {
          idempotencyKey: key(),
          serviceId: service!.id,
          centreId: 'china-plaza',
          slotId: slot.slotId,
          residentRef: 'R-0003',
        };
        const first = value(await backend.createBooking(request));
        const again = value(await backend.createBooking(request));
        expect(again).toEqual(first);
        expect(value(await backend.residentBookings({ residentRef: 'R-0003' })).bookings).toHaveLength(1);
        expect((await firstFreeSlot(service!.id)).free).toBe(slot.free - 1);
        const reused = await backend.createBooking({ ...request, residentRef: 'R-0002' });
        expect(refusal(reused)).toEqual({ code: 'idempotency-conflict' });
      });

      it('says a slot is taken when it filled up, with the next free ones at the same centre', async () => {
        const services = await bookableAt('china-plaza');
        const slot = await firstFreeSlot(services[0]!.id);
        expect(services.length).toBeGreaterThan(slot.free);
        for (let i = 0; i < slot.free; i++) {
          const booked = await backend.createBooking({
            idempotencyKey: key(),
            serviceId: services[i]!.id,
            centreId: 'china-plaza',
            slotId: slot.slotId,
            residentRef: 'R-0003',
          });
          expect(booked.ok).toBe(true);
        }
        const taken = refusal(
          await backend.createBooking({
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
        const [service] = await bookableAt('china-plaza');
        const slot = await firstFreeSlot(service!.id);
        const request = {
          serviceId: service!.id,
          centreId: 'china-plaza',
          slotId: slot.slotId,
          residentRef: 'R-0003',
        };
        const first = value(await backend.createBooking({ idempotencyKey: key(), ...request }));
        expect(refusal(await backend.createBooking({ idempotencyKey: key(), ...request }))).toEqual({
          code: 'already-booked',
          reference: first.reference,
        });
        const past = value(await backend.findBooking({ booking: { reference: 'SAMP-0001' } })).slotId;
        const other = (await bookableAt('china-plaza'))[1]!;
        expect(
          refusal(
            await backend.createBooking({
              idempotencyKey: key(),
              ...request,
              serviceId: other.id,
              slotId: past,
            }),
          ),
        ).toEqual({ code: 'slot-in-past' });
        const elsewhere = (await catalogue()).services.find(
          (s) => s.bookable && s.centres.includes('china-plaza') && s.centres.length > 1,
        );
        for (const centreId of elsewhere?.centres.filter((c) => c !== 'china-plaza') ?? []) {
          const [foreign] = await freeSlotsNextWeek(elsewhere!.id, centreId);
          if (!foreign) continue;
          const wrong = await backend.createBooking({
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
        const [service] = await bookableAt('china-plaza');
        const { slots } = value(
          await backend.availability({ serviceId: service!.id, centreId: 'china-plaza', ...nextWeek() }),
        );
        const [a, b] = slots;
        const booking = value(
          await backend.createBooking({
            idempotencyKey: key(),
            serviceId: service!.id,
            centreId: 'china-plaza',
            slotId: a!.slotId,
            residentRef: 'R-0003',
          }),
        );
        const moved = value(
          await backend.rescheduleBooking({
            idempotencyKey: key(),
            booking: { qrText: booking.qrText },
            slotId: b!.slotId,
          }),
        );
        expect(moved).toMatchObject({ reference: booking.reference, slotId: b!.slotId, status: 'booked' });
        const freeOf = async (slotId: string) =>
          value(
            await backend.availability({ serviceId: service!.id, centreId: 'china-plaza', ...nextWeek() }),
          ).slots.find((s) => s.slotId === slotId)?.free;
        expect(await freeOf(a!.slotId)).toBe(a!.free);
        expect(await freeOf(b!.slotId)).toBe(b!.free - 1);
        const cancelled = value(
          await backend.cancelBooking({ idempotencyKey: key(), booking: { reference: booking.reference } }),
        );
        expect(cancelled.status).toBe('cancelled');
        expect(await freeOf(b!.slotId)).toBe(b!.free);
        expect(
          refusal(
            await backend.cancelBooking({ idempotencyKey: key(), booking: { reference: booking.reference } }),
          ),
        ).toEqual({ code: 'cancelled' });
        expect(
          refusal(
            await backend.rescheduleBooking({
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
        const ticket = value(await backend.checkIn(request));
        expect(ticket.reference).toBe('SAMP-0001');
        expect(ticket.queueNumber).toMatch(/^[A-Z]\d{3}$/);
        expect(ticket.counterArea.en.length).toBeGreaterThan(0);
        expect(value(await backend.checkIn(request))).toEqual(ticket);
        expect(refusal(await backend.checkIn(at('SAMP-0001')))).toEqual({
          code: 'already-checked-in',
          queueNumber: ticket.queueNumber,
        });
        const booking = value(await backend.findBooking({ booking: { reference: 'SAMP-0001' } }));
        expect(booking).toMatchObject({ status: 'checked-in', queueTicket: ticket });
      });

      it('numbers the queue of a department in order', async () => {
        const first = value(await backend.checkIn(at('SAMP-0001')));
        // The same service, booked by another resident in the next slot of today.
        const { serviceId } = value(await backend.findBooking({ booking: { reference: 'SAMP-0001' } }));
        const { slots } = value(
          await backend.availability({
            serviceId,
            centreId: 'china-plaza',
            from: '2026-03-02',
            to: '2026-03-02',
          }),
        );
        // A centre whose counters are closed today has no slot to book: nothing to number.
        if (slots.length === 0) return;
        const booking = value(
          await backend.createBooking({
            idempotencyKey: key(),
            serviceId,
            centreId: 'china-plaza',
            slotId: slots[0]!.slotId,
            residentRef: 'R-0003',
          }),
        );
        const second = value(await backend.checkIn(at(booking.reference)));
        expect(Number(second.queueNumber.slice(1))).toBe(Number(first.queueNumber.slice(1)) + 1);
      });

      it('refuses with a reason: wrong centre, too early, too late, cancelled, unknown', async () => {
        expect(refusal(await backend.checkIn(at('SAMP-0001', 'islands')))).toEqual({
          code: 'wrong-centre',
          centreId: 'china-plaza',
        });
        const early = refusal(await backend.checkIn(at('SAMP-0002')));
        if (early.code !== 'too-early') throw new Error(early.code);
        const future = value(await backend.findBooking({ booking: { reference: 'SAMP-0002' } }));
        expect(Date.parse(early.opensAt)).toBe(Date.parse(future.start) - 30 * minute);
        clock.advance(20 * minute);
        const late = refusal(await backend.checkIn(at('SAMP-0001')));
        expect(late).toMatchObject({ code: 'too-late' });
        expect(refusal(await backend.checkIn(at('SAMP-0003')))).toEqual({ code: 'cancelled' });
        expect(refusal(await backend.checkIn(at('ZZZZ-ZZZZ')))).toEqual({
          code: 'not-found',
          subject: 'booking',
        });
      });
    });

    describe('collection', () => {
      const pin = (residentRef: string, value: string) => ({
        idempotencyKey: key(),
        residentRef,
        terminalId: 'MO-DEV-01',
        pin: value,
      });

      it('lists what waits for a resident at this terminal only', async () => {
        const atDev = value(await backend.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }));
        expect(atDev.documents.map((d) => d.kind)).toEqual(['bir-card']);
        expect(atDev.documents[0]).toMatchObject({ format: 'card', department: 'DSI' });
        const atHengqin = value(
          await backend.documentsReady({ residentRef: 'R-0001', terminalId: 'HQ-GSC-01' }),
        );
        expect(atHengqin.documents.map((d) => d.kind).sort()).toEqual(['bir-card', 'passport']);
        const other = value(await backend.documentsReady({ residentRef: 'R-0002', terminalId: 'MO-DEV-01' }));
        expect(other.documents.map((d) => d.kind)).toEqual(['passport']);
      });

      it('counts wrong PINs down to a lock-out, and a replayed attempt counts once', async () => {
        const wrong = pin('R-0001', '000000');
        expect(refusal(await backend.checkCollectionPin(wrong))).toEqual({
          code: 'wrong-pin',
          attemptsLeft: 2,
        });
        expect(refusal(await backend.checkCollectionPin(wrong))).toEqual({
          code: 'wrong-pin',
          attemptsLeft: 2,
        });
        expect(refusal(await backend.checkCollectionPin(pin('R-0001', '999999')))).toEqual({
          code: 'wrong-pin',
          attemptsLeft: 1,
        });
        const locked = refusal(await backend.checkCollectionPin(pin('R-0001', '111111')));
        if (locked.code !== 'locked') throw new Error(locked.code);
        expect(Date.parse(locked.lockedUntil)).toBeGreaterThan(clock.now());
        expect(refusal(await backend.checkCollectionPin(pin('R-0001', '123456')))).toMatchObject({
          code: 'locked',
        });
        clock.set(Date.parse(locked.lockedUntil) + 1000);
        expect(value(await backend.checkCollectionPin(pin('R-0001', '123456'))).authorisation).toBeTruthy();
      });

      it('releases a document once: PIN, reserve, confirm', async () => {
        const [document] = value(
          await backend.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }),
        ).documents;
        const { authorisation } = value(await backend.checkCollectionPin(pin('R-0001', '123456')));
        const hold = { collectionId: document!.collectionId, terminalId: 'MO-DEV-01', authorisation };
        const reserved = value(await backend.reserveCollection({ idempotencyKey: key(), ...hold }));
        expect(Date.parse(reserved.reservedUntil)).toBeGreaterThan(clock.now());
        expect(
          value(await backend.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' })).documents,
        ).toEqual([]);
        const confirm = {
          idempotencyKey: key(),
          collectionId: document!.collectionId,
          terminalId: 'MO-DEV-01',
        };
        const done = value(await backend.confirmCollection(confirm));
        expect(value(await backend.confirmCollection(confirm))).toEqual(done);
        expect(refusal(await backend.confirmCollection({ ...confirm, idempotencyKey: key() }))).toMatchObject(
          {
            code: 'already-used',
          },
        );
        expect(refusal(await backend.reserveCollection({ idempotencyKey: key(), ...hold }))).toMatchObject({
          code: 'already-used',
        });
      });

      it('refuses a reservation without the resident’s own fresh PIN, at another terminal, or while held', async () => {
        const [document] = value(
          await backend.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }),
        ).documents;
        const reserve = (authorisation: string, terminalId = 'MO-DEV-01') =>
          backend.reserveCollection({
            idempotencyKey: key(),
            collectionId: document!.collectionId,
            terminalId,
            authorisation,
          });
        expect(refusal(await reserve('A'.repeat(43)))).toEqual({ code: 'not-authorised' });
        const someoneElse = value(await backend.checkCollectionPin(pin('R-0002', '246810'))).authorisation;
        expect(refusal(await reserve(someoneElse))).toEqual({ code: 'not-authorised' });
        const own = value(await backend.checkCollectionPin(pin('R-0001', '123456'))).authorisation;
        expect(refusal(await reserve(own, 'HQ-GSC-01'))).toEqual({ code: 'wrong-terminal' });
        expect((await reserve(own)).ok).toBe(true);
        expect(refusal(await reserve(own))).toEqual({ code: 'reserved' });
        clock.advance(11 * minute);
        const fresh = value(await backend.checkCollectionPin(pin('R-0001', '123456'))).authorisation;
        expect((await reserve(fresh)).ok).toBe(true);
        clock.advance(16 * minute);
        expect(refusal(await reserve(fresh))).toEqual({ code: 'not-authorised' });
      });

      it('puts a document that was not taken back to ready', async () => {
        const [document] = value(
          await backend.documentsReady({ residentRef: 'R-0002', terminalId: 'MO-DEV-01' }),
        ).documents;
        const collectionId = document!.collectionId;
        const notTaken = { collectionId, terminalId: 'MO-DEV-01', reason: 'not-taken' as const };
        expect(refusal(await backend.reportNotCollected({ idempotencyKey: key(), ...notTaken }))).toEqual({
          code: 'not-reserved',
        });
        const { authorisation } = value(await backend.checkCollectionPin(pin('R-0002', '246810')));
        value(
          await backend.reserveCollection({
            idempotencyKey: key(),
            collectionId,
            terminalId: 'MO-DEV-01',
            authorisation,
          }),
        );
        expect(value(await backend.reportNotCollected({ idempotencyKey: key(), ...notTaken }))).toEqual({
          collectionId,
          status: 'ready',
        });
        const again = value(await backend.documentsReady({ residentRef: 'R-0002', terminalId: 'MO-DEV-01' }));
        expect(again.documents.map((d) => d.collectionId)).toEqual([collectionId]);
        expect(
          refusal(
            await backend.confirmCollection({ idempotencyKey: key(), collectionId, terminalId: 'MO-DEV-01' }),
          ),
        ).toEqual({ code: 'not-reserved' });
      });
    });

    describe('proofs of identity', () => {
      const facts = {
        documentType: 'bir' as const,
        documentNumberMasked: '1****567(8)',
        nameMasked: 'CHAN T** M**',
      };

      it('registers a proof, verifies it as genuine, revokes it once', async () => {
        const code = '7K3M-Q9XD-2FHR';
        const issuedAt = '2026-03-02T10:05:00+08:00';
        const request = {
          idempotencyKey: key(),
          verificationCode: code,
          terminalId: 'MO-DEV-01',
          issuedAt,
          facts,
        };
        value(await backend.registerProof(request));
        expect(value(await backend.registerProof(request)).verificationCode).toBe(code);
        expect(refusal(await backend.registerProof({ ...request, idempotencyKey: key() }))).toEqual({
          code: 'already-registered',
        });
        const genuine = value(await backend.verifyProof({ verificationCode: code }));
        expect(genuine).toMatchObject({ status: 'genuine', terminalId: 'MO-DEV-01', facts });
        if (genuine.status === 'genuine') expect(Date.parse(genuine.issuedAt)).toBe(Date.parse(issuedAt));
        const revoke = { verificationCode: code, staffId: 'S0002', reason: 'issued-in-error' as const };
        value(await backend.revokeProof({ idempotencyKey: key(), ...revoke }));
        expect(value(await backend.verifyProof({ verificationCode: code }))).toMatchObject({
          status: 'revoked',
          reason: 'issued-in-error',
        });
        expect(refusal(await backend.revokeProof({ idempotencyKey: key(), ...revoke }))).toMatchObject({
          code: 'already-used',
        });
      });

      it('answers unknown for a code it never registered', async () => {
        expect(value(await backend.verifyProof({ verificationCode: 'ABCD-EFGH-JKMN' }))).toEqual({
          status: 'unknown',
          verificationCode: 'ABCD-EFGH-JKMN',
        });
        expect(
          refusal(
            await backend.revokeProof({
              idempotencyKey: key(),
              verificationCode: 'ABCD-EFGH-JKMN',
              staffId: 'S0002',
              reason: 'fraud-suspected',
            }),
          ),
        ).toEqual({ code: 'not-found', subject: 'proof' });
      });
    });

    describe('Smart Locker', () => {
      const lockerService = async () => (await catalogue()).services.find((s) => s.lockerPickup)!;

      it('takes an application for a point with room, and counts the compartment as promised', async () => {
        const service = await lockerService();
        const [point] = value(await backend.lockerPoints({ nearCentreId: 'china-plaza' })).points;
        const application = value(
          await backend.applyForLocker({
            idempotencyKey: key(),
            serviceId: service.id,
            residentRef: 'R-0003',
            pointId: point!.pointId,
            size: 'small',
          }),
        );
        expect(application).toMatchObject({ status: 'submitted', pointId: point!.pointId, size: 'small' });
        expect(application.expectedReadyDate > '2026-03-02').toBe(true);
        const after = value(await backend.lockerPoints({ nearCentreId: 'china-plaza' })).points[0]!;
        expect(after.free.small).toBe(point!.free.small - 1);
        const mine = value(await backend.lockerApplications({ residentRef: 'R-0003' })).applications;
        expect(mine.map((a) => a.applicationId)).toContain(application.applicationId);
      });

      it('refuses a service without locker pickup and a full point', async () => {
        const c = await catalogue();
        const counter = c.services.find((s) => !s.lockerPickup);
        const service = await lockerService();
        const { points } = value(await backend.lockerPoints({}));
        const smallest = [...points]
          .sort((a, b) => a.free.small - b.free.small)
          .find((p) => p.free.small > 0)!;
        const apply = (serviceId: string) =>
          backend.applyForLocker({
            idempotencyKey: key(),
            serviceId,
            residentRef: 'R-0003',
            pointId: smallest.pointId,
            size: 'small',
          });
        if (counter) expect(refusal(await apply(counter.id))).toEqual({ code: 'no-locker-pickup' });
        for (let i = 0; i < smallest.free.small; i++) expect((await apply(service.id)).ok).toBe(true);
        expect(refusal(await apply(service.id))).toEqual({ code: 'point-full' });
      });

      it('finds a pickup by its digits or application and records it exactly once', async () => {
        const byDigits = value(await backend.findPickup({ digits: '12345678' }));
        expect(byDigits).toMatchObject({ applicationId: 'LA-SAMPLE-1', status: 'waiting', pickedUpAt: null });
        expect(value(await backend.findPickup({ applicationId: 'LA-SAMPLE-1' }))).toEqual(byDigits);
        const record = {
          idempotencyKey: key(),
          applicationId: 'LA-SAMPLE-1',
          pointId: byDigits.pointId,
          compartment: byDigits.compartment,
          terminalId: 'MO-DEV-01',
        };
        const done = value(await backend.recordPickup(record));
        expect(value(await backend.recordPickup(record))).toEqual(done);
        expect(refusal(await backend.recordPickup({ ...record, idempotencyKey: key() }))).toMatchObject({
          code: 'already-used',
        });
        expect(value(await backend.findPickup({ digits: '12345678' }))).toMatchObject({
          status: 'picked-up',
        });
        const applications = value(await backend.lockerApplications({ residentRef: 'R-0001' })).applications;
        expect(applications.find((a) => a.applicationId === 'LA-SAMPLE-1')?.status).toBe('collected');
      });

      it('refuses a pickup at the wrong station or compartment, an expired one and unknown digits', async () => {
        const waiting = value(await backend.findPickup({ digits: '12345678' }));
        const points = (await catalogue()).lockerPoints.map((p) => p.id);
        const otherPoint = points.find((p) => p !== waiting.pointId);
        const base = {
          applicationId: 'LA-SAMPLE-1',
          pointId: waiting.pointId,
          compartment: waiting.compartment,
        };
        if (otherPoint) {
          expect(
            refusal(
              await backend.recordPickup({
                idempotencyKey: key(),
                ...base,
                pointId: otherPoint,
                terminalId: 'MO-DEV-01',
              }),
            ),
          ).toEqual({ code: 'wrong-station', pointId: waiting.pointId });
        }
        expect(
          refusal(
            await backend.recordPickup({
              idempotencyKey: key(),
              ...base,
              compartment: 'Z99',
              terminalId: 'MO-DEV-01',
            }),
          ),
        ).toEqual({ code: 'wrong-compartment' });
        const expired = value(await backend.findPickup({ digits: '11223344' }));
        expect(expired.status).toBe('expired');
        expect(
          refusal(
            await backend.recordPickup({
              idempotencyKey: key(),
              applicationId: expired.applicationId,
              pointId: expired.pointId,
              compartment: expired.compartment,
              terminalId: 'MO-DEV-01',
            }),
          ),
        ).toMatchObject({ code: 'expired' });
        expect(refusal(await backend.findPickup({ digits: '00000000' }))).toEqual({
          code: 'not-found',
          subject: 'pickup',
        });
      });
    });

    describe('staff', () => {
      const check = (staffId: string, pinValue: string) =>
        backend.checkStaffPin({ idempotencyKey: key(), staffId, terminalId: 'MO-DEV-01', pin: pinValue });

      it('signs in the two seeded staff members with their roles', async () => {
        expect(value(await check('S0001', '135790'))).toEqual({ staffId: 'S0001', roles: ['technician'] });
        expect(value(await check('S0002', '246802'))).toEqual({ staffId: 'S0002', roles: ['supervisor'] });
        expect(refusal(await check('S9999', '135790'))).toEqual({ code: 'not-found', subject: 'staff' });
      });

      it('locks a staff member out after repeated wrong PINs, even with the right one', async () => {
        let last: Rejection | undefined;
        for (let i = 0; i < 10 && last?.code !== 'locked'; i++)
          last = refusal(await check('S0001', '000000'));
        expect(last?.code).toBe('locked');
        expect(refusal(await check('S0001', '135790'))).toMatchObject({ code: 'locked' });
        expect(value(await check('S0002', '246802')).staffId).toBe('S0002');
      });
    });

    describe('heartbeat', () => {
      const report = (sentAt: string, mode: 'in-service' | 'maintenance') => ({
        terminalId: 'MO-DEV-01',
        site: 'macau' as const,
        centreId: 'china-plaza',
        mode: { kind: mode },
        devices: [{ id: 'ticket-printer', kind: 'ticket-printer', state: 'ready' }],
        paper: [{ deviceId: 'ticket-printer', printedSinceRefill: 12 }],
        jobsHeld: 0,
        version: '0.1.0',
        uptimeSeconds: 3600,
        sentAt,
      });

      it('keeps the newest report per terminal, whatever order they arrive in', async () => {
        const newer = report('2026-03-02T10:06:00+08:00', 'maintenance');
        expect(value(await backend.reportHeartbeat({ idempotencyKey: key(), report: newer })).latest).toBe(
          true,
        );
        const older = report('2026-03-02T10:05:00+08:00', 'in-service');
        expect(value(await backend.reportHeartbeat({ idempotencyKey: key(), report: older })).latest).toBe(
          false,
        );
        const { terminals } = value(await backend.terminals({}));
        expect(terminals).toHaveLength(1);
        expect(terminals[0]).toMatchObject({ terminalId: 'MO-DEV-01', report: newer });
      });
    });

    it('keeps a PIN out of the answer to a request outside the contract', async () => {
      const result = await backend.checkCollectionPin({
        idempotencyKey: key(),
        residentRef: 'R-0001',
        terminalId: 'MO-DEV-01',
        pin: '12345X',
      });
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
      expect(JSON.stringify(result)).not.toContain('12345X');
    });
  });
}
