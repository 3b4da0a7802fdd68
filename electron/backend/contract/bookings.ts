import { z } from 'zod';
import {
  CalendarDateSchema,
  CentreIdSchema,
  IdempotencyKeySchema,
  LocalisedTextSchema,
  orNull,
  ResidentRefSchema,
  ServiceIdSchema,
  TerminalIdSchema,
  TimestampSchema,
} from './common.js';

/**
 * Appointment availability, bookings and check-in. A booking holds one place in a centre's time slot; its
 * reference is what a resident types, its QR text what the slip carries. Check-in turns a booking into a queue
 * number for the counters, inside a window around the slot's start that the backend decides (on its own clock:
 * a kiosk's clock is never trusted with a time limit).
 */

export const SlotIdSchema = z
  .string()
  .regex(/^[a-z0-9-]+\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  .meta({ id: 'SlotId' });

export const SlotSchema = z
  .strictObject({
    slotId: SlotIdSchema,
    centreId: CentreIdSchema,
    start: TimestampSchema,
    end: TimestampSchema,
    capacity: z.int().positive(),
    free: z.int().nonnegative(),
  })
  .meta({ id: 'Slot' });
export type Slot = z.infer<typeof SlotSchema>;

/** At most this many days per availability query. */
export const maxAvailabilityDays = 31;

export const AvailabilityRequestSchema = z
  .strictObject({
    serviceId: ServiceIdSchema,
    centreId: CentreIdSchema,
    /** First and last calendar day, inclusive, in Macau. */
    from: CalendarDateSchema,
    to: CalendarDateSchema,
  })
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) < maxAvailabilityDays * 86_400_000, {
    message: `at most ${maxAvailabilityDays} days`,
    path: ['to'],
  });
export const AvailabilityReplySchema = z
  .strictObject({
    /** Future slots with at least one free place, earliest first. */
    slots: z.array(SlotSchema),
  })
  .meta({ id: 'Availability' });

export const BookingReferenceSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, 'XXXX-XXXX')
  .meta({ id: 'BookingReference' });
/** What the appointment slip's QR code carries. */
export const BookingQrTextSchema = z
  .string()
  .regex(/^MOBK1:[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}:[A-Za-z0-9_-]{16}$/)
  .meta({ id: 'BookingQrText' });

export const BookingStatusSchema = z
  .enum(['booked', 'cancelled', 'checked-in'])
  .meta({ id: 'BookingStatus' });

export const QueueTicketSchema = z
  .strictObject({
    reference: BookingReferenceSchema,
    serviceId: ServiceIdSchema,
    centreId: CentreIdSchema,
    /** e.g. `D017`: what the ticket shows and the counters call. */
    queueNumber: z.string().regex(/^[A-Z]\d{3}$/),
    /** Where to wait, in the resident's language. */
    counterArea: LocalisedTextSchema,
    slotStart: TimestampSchema,
    checkedInAt: TimestampSchema,
  })
  .meta({ id: 'QueueTicket' });

export const BookingSchema = z
  .strictObject({
    reference: BookingReferenceSchema,
    qrText: BookingQrTextSchema,
    serviceId: ServiceIdSchema,
    centreId: CentreIdSchema,
    slotId: SlotIdSchema,
    start: TimestampSchema,
    end: TimestampSchema,
    status: BookingStatusSchema,
    createdAt: TimestampSchema,
    /** Present once checked in. */
    queueTicket: orNull(QueueTicketSchema),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof BookingSchema>;

export const CreateBookingRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  serviceId: ServiceIdSchema,
  centreId: CentreIdSchema,
  slotId: SlotIdSchema,
  residentRef: ResidentRefSchema,
});

/** A booking is found by the reference a resident types or by the QR text of the slip. */
export const BookingLocatorSchema = z
  .union([
    z.strictObject({ reference: BookingReferenceSchema }),
    z.strictObject({ qrText: BookingQrTextSchema }),
  ])
  .meta({ id: 'BookingLocator' });
export type BookingLocator = z.infer<typeof BookingLocatorSchema>;

export const FindBookingRequestSchema = z.strictObject({ booking: BookingLocatorSchema });

export const ResidentBookingsRequestSchema = z.strictObject({ residentRef: ResidentRefSchema });
export const ResidentBookingsReplySchema = z
  .strictObject({ bookings: z.array(BookingSchema) })
  .meta({ id: 'ResidentBookings' });

export const RescheduleBookingRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  booking: BookingLocatorSchema,
  /** A slot at the booking's own centre. */
  slotId: SlotIdSchema,
});

export const CancelBookingRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  booking: BookingLocatorSchema,
});

export const CheckInRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  booking: BookingLocatorSchema,
  /** Where the resident is: a booking is checked in at its own centre only. */
  centreId: CentreIdSchema,
  terminalId: TerminalIdSchema,
});
