import { macauDate, macauIso, minuteMs } from '../../../lib/macau_time.js';
import { err, ok, type Result } from '../../../lib/result.js';
import type { Booking, BookingLocator } from '../contract/bookings.js';
import type { LocalisedText } from '../contract/common.js';
import type { Rejection } from '../contract/errors.js';
import type { EmbeddedContext, Handler } from './embedded_context.js';
import { residentExists } from './resident_handlers.js';
import { randomCrockford } from './secrets.js';
import { findSlot, freeSlots, type SlotRow, slotOfRow } from './slots.js';

/**
 * Bookings: one place in a slot per booking, taken and given back in the same transaction as the booking's own
 * change. Check-in is open from 30 minutes before the slot starts until 15 minutes after.
 */

export const checkInOpensBeforeMs = 30 * minuteMs;
export const checkInClosesAfterMs = 15 * minuteMs;

interface BookingRow {
  reference: string;
  qr_token: string;
  service_id: string;
  centre_id: string;
  slot_id: string;
  resident_id: string;
  status: Booking['status'];
  created_at: number;
  queue_number: string | null;
  checked_in_at: number | null;
}

function qrTextOf(row: BookingRow): string {
  return `MOBK1:${row.reference}:${row.qr_token}`;
}

function counterArea(ctx: EmbeddedContext, serviceId: string): LocalisedText {
  const department = ctx.catalogue.departments.get(ctx.catalogue.services.get(serviceId)?.department ?? '');
  const name = department?.name;
  if (!name) return { 'zh-Hant': '服務櫃台', 'zh-Hans': '服务柜台', pt: 'Balcões', en: 'Service counters' };
  return {
    'zh-Hant': `${name['zh-Hant']}櫃台`,
    'zh-Hans': `${name['zh-Hans']}柜台`,
    pt: `Balcões — ${name.pt}`,
    en: `${name.en} counters`,
  };
}

function bookingOf(ctx: EmbeddedContext, row: BookingRow): Booking {
  const slot = findSlot(ctx.db, row.slot_id)!;
  return {
    reference: row.reference,
    qrText: qrTextOf(row),
    serviceId: row.service_id,
    centreId: row.centre_id,
    slotId: row.slot_id,
    start: macauIso(slot.starts_at),
    end: macauIso(slot.ends_at),
    status: row.status,
    createdAt: macauIso(row.created_at),
    queueTicket:
      row.status === 'checked-in' && row.queue_number !== null && row.checked_in_at !== null
        ? {
            reference: row.reference,
            serviceId: row.service_id,
            centreId: row.centre_id,
            queueNumber: row.queue_number,
            counterArea: counterArea(ctx, row.service_id),
            slotStart: macauIso(slot.starts_at),
            checkedInAt: macauIso(row.checked_in_at),
          }
        : null,
  };
}

function locate(ctx: EmbeddedContext, locator: BookingLocator): Result<BookingRow, Rejection> {
  const reference = 'reference' in locator ? locator.reference : locator.qrText.split(':')[1]!;
  const row = ctx.db.prepare('SELECT * FROM bookings WHERE reference = ?').get(reference) as
    | BookingRow
    | undefined;
  // A QR text whose token does not match was forged from a reference: it finds nothing.
  if (!row || ('qrText' in locator && qrTextOf(row) !== locator.qrText)) {
    return err({ code: 'not-found', subject: 'booking' });
  }
  return ok(row);
}

/** A slot of this centre, in the future, with a free place; or why not. */
function takeSlot(ctx: EmbeddedContext, centreId: string, slotId: string): Result<SlotRow, Rejection> {
  const slot = findSlot(ctx.db, slotId);
  if (!slot) return err({ code: 'not-found', subject: 'slot' });
  if (slot.centre_id !== centreId) return err({ code: 'not-offered-here' });
  if (slot.starts_at <= ctx.now()) return err({ code: 'slot-in-past' });
  if (slot.booked >= slot.capacity) {
    const next = freeSlots(ctx.db, centreId, slot.starts_at + 1, Number.MAX_SAFE_INTEGER, 3);
    return err({ code: 'slot-taken', nextFreeSlots: next.map(slotOfRow) });
  }
  ctx.db.prepare('UPDATE slots SET booked = booked + 1 WHERE id = ?').run(slotId);
  return ok(slot);
}

function releaseSlot(ctx: EmbeddedContext, slotId: string): void {
  ctx.db.prepare('UPDATE slots SET booked = booked - 1 WHERE id = ? AND booked > 0').run(slotId);
}

function newReference(ctx: EmbeddedContext): string {
  for (;;) {
    const reference = `${randomCrockford(4)}-${randomCrockford(4)}`;
    if (!ctx.db.prepare('SELECT 1 FROM bookings WHERE reference = ?').get(reference)) return reference;
  }
}

export const createBooking: Handler<'createBooking'> = (ctx, request) => {
  const service = ctx.catalogue.services.get(request.serviceId);
  if (!service) return err({ code: 'not-found', subject: 'service' });
  if (!ctx.catalogue.centres.has(request.centreId)) return err({ code: 'not-found', subject: 'centre' });
  if (!residentExists(ctx, request.residentRef)) return err({ code: 'not-found', subject: 'resident' });
  if (!service.bookable) return err({ code: 'not-bookable' });
  if (!service.centres.includes(request.centreId)) return err({ code: 'not-offered-here' });
  const existing = ctx.db
    .prepare("SELECT reference FROM bookings WHERE resident_id = ? AND service_id = ? AND status = 'booked'")
    .get(request.residentRef, request.serviceId) as { reference: string } | undefined;
  if (existing) return err({ code: 'already-booked', reference: existing.reference });
  const slot = takeSlot(ctx, request.centreId, request.slotId);
  if (!slot.ok) return slot;
  const reference = newReference(ctx);
  ctx.db
    .prepare(
      `INSERT INTO bookings (reference, qr_token, service_id, centre_id, slot_id, resident_id, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'booked', ?)`,
    )
    .run(
      reference,
      randomCrockford(16),
      request.serviceId,
      request.centreId,
      request.slotId,
      request.residentRef,
      ctx.now(),
    );
  return findBooking(ctx, { booking: { reference } });
};

export const findBooking: Handler<'findBooking'> = (ctx, request) => {
  const row = locate(ctx, request.booking);
  return row.ok ? ok(bookingOf(ctx, row.value)) : row;
};

export const residentBookings: Handler<'residentBookings'> = (ctx, { residentRef }) => {
  if (!residentExists(ctx, residentRef)) return err({ code: 'not-found', subject: 'resident' });
  const rows = ctx.db
    .prepare(
      `SELECT b.* FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.resident_id = ?
       ORDER BY s.starts_at DESC`,
    )
    .all(residentRef) as BookingRow[];
  return ok({ bookings: rows.map((row) => bookingOf(ctx, row)) });
};

/** Why a booking can no longer change, if it cannot. */
function unchangeable(row: BookingRow): Rejection | undefined {
  switch (row.status) {
    case 'booked':
      return undefined;
    case 'cancelled':
      return { code: 'cancelled' };
    case 'checked-in':
      return { code: 'already-checked-in', queueNumber: row.queue_number ?? '' };
  }
}

export const rescheduleBooking: Handler<'rescheduleBooking'> = (ctx, request) => {
  const row = locate(ctx, request.booking);
  if (!row.ok) return row;
  const refusal = unchangeable(row.value);
  if (refusal) return err(refusal);
  if (request.slotId === row.value.slot_id) return ok(bookingOf(ctx, row.value));
  const slot = takeSlot(ctx, row.value.centre_id, request.slotId);
  if (!slot.ok) return slot;
  releaseSlot(ctx, row.value.slot_id);
  ctx.db
    .prepare('UPDATE bookings SET slot_id = ? WHERE reference = ?')
    .run(request.slotId, row.value.reference);
  return findBooking(ctx, { booking: { reference: row.value.reference } });
};

export const cancelBooking: Handler<'cancelBooking'> = (ctx, request) => {
  const row = locate(ctx, request.booking);
  if (!row.ok) return row;
  const refusal = unchangeable(row.value);
  if (refusal) return err(refusal);
  releaseSlot(ctx, row.value.slot_id);
  ctx.db.prepare("UPDATE bookings SET status = 'cancelled' WHERE reference = ?").run(row.value.reference);
  return findBooking(ctx, { booking: { reference: row.value.reference } });
};

/** `D017`: the department's initial and the day's count at this centre for that initial. */
function nextQueueNumber(ctx: EmbeddedContext, centreId: string, serviceId: string): string {
  const code = ctx.catalogue.services.get(serviceId)?.department ?? 'X';
  const prefix = code.startsWith('HQ-') ? 'H' : code.charAt(0);
  const day = macauDate(ctx.now());
  ctx.db
    .prepare(
      `INSERT INTO queue_counters (centre_id, day, prefix, last) VALUES (?, ?, ?, 1)
       ON CONFLICT (centre_id, day, prefix) DO UPDATE SET last = last + 1`,
    )
    .run(centreId, day, prefix);
  const { last } = ctx.db
    .prepare('SELECT last FROM queue_counters WHERE centre_id = ? AND day = ? AND prefix = ?')
    .get(centreId, day, prefix) as { last: number };
  return `${prefix}${String(last % 1000).padStart(3, '0')}`;
}

export const checkIn: Handler<'checkIn'> = (ctx, request) => {
  const located = locate(ctx, request.booking);
  if (!located.ok) return located;
  const row = located.value;
  const refusal = unchangeable(row);
  if (refusal) return err(refusal);
  if (row.centre_id !== request.centreId) return err({ code: 'wrong-centre', centreId: row.centre_id });
  const slot = findSlot(ctx.db, row.slot_id)!;
  const now = ctx.now();
  if (now < slot.starts_at - checkInOpensBeforeMs) {
    return err({ code: 'too-early', opensAt: macauIso(slot.starts_at - checkInOpensBeforeMs) });
  }
  if (now > slot.starts_at + checkInClosesAfterMs) {
    return err({ code: 'too-late', closedAt: macauIso(slot.starts_at + checkInClosesAfterMs) });
  }
  const queueNumber = nextQueueNumber(ctx, row.centre_id, row.service_id);
  ctx.db
    .prepare(
      "UPDATE bookings SET status = 'checked-in', queue_number = ?, checked_in_at = ? WHERE reference = ?",
    )
    .run(queueNumber, now, row.reference);
  const booking = bookingOf(ctx, {
    ...row,
    status: 'checked-in',
    queue_number: queueNumber,
    checked_in_at: now,
  });
  return ok(booking.queueTicket!);
};
