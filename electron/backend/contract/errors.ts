import { z } from 'zod';
import { SlotSchema } from './bookings.js';
import { CentreIdSchema, LockerPointIdSchema, TimestampSchema } from './common.js';

/**
 * How a backend call fails. A `rejected` error is the backend's answer (the request was understood and refused:
 * the slot was taken, the PIN was wrong); every other kind means no answer was had. Flows map each rejection code
 * to a message in the resident's language, and the other kinds to "this service is not available right now".
 */

export const NotFoundSubjectSchema = z.enum([
  'service',
  'centre',
  'slot',
  'booking',
  'resident',
  'terminal',
  'collection',
  'proof',
  'locker-point',
  'application',
  'pickup',
  'staff',
  'key',
  'publication',
  'payment',
  'vending-slot',
]);

export const RejectionSchema = z
  .discriminatedUnion('code', [
    z.strictObject({ code: z.literal('not-found'), subject: NotFoundSubjectSchema }),
    /** The slot filled up meanwhile; the next free ones at the same centre come with it. */
    z.strictObject({ code: z.literal('slot-taken'), nextFreeSlots: z.array(SlotSchema).max(5) }),
    z.strictObject({ code: z.literal('slot-in-past') }),
    z.strictObject({ code: z.literal('not-bookable') }),
    /** The service is not handled at that centre (or the slot belongs to another centre). */
    z.strictObject({ code: z.literal('not-offered-here') }),
    /** The resident already holds an active booking for this service. */
    z.strictObject({ code: z.literal('already-booked'), reference: z.string() }),
    z.strictObject({ code: z.literal('too-early'), opensAt: TimestampSchema }),
    z.strictObject({ code: z.literal('too-late'), closedAt: TimestampSchema }),
    z.strictObject({ code: z.literal('wrong-centre'), centreId: CentreIdSchema }),
    z.strictObject({ code: z.literal('cancelled') }),
    z.strictObject({ code: z.literal('already-checked-in'), queueNumber: z.string() }),
    z.strictObject({ code: z.literal('wrong-pin'), attemptsLeft: z.int().positive() }),
    z.strictObject({ code: z.literal('locked'), lockedUntil: TimestampSchema }),
    /** The PIN authorisation is missing, expired or belongs to another resident. */
    z.strictObject({ code: z.literal('not-authorised') }),
    /** Already collected, picked up or revoked: the thing can be used once. */
    z.strictObject({ code: z.literal('already-used'), at: TimestampSchema }),
    /** Another flow holds this document right now. */
    z.strictObject({ code: z.literal('reserved') }),
    z.strictObject({ code: z.literal('not-reserved') }),
    /** The document waits at another terminal. */
    z.strictObject({ code: z.literal('wrong-terminal') }),
    z.strictObject({ code: z.literal('wrong-station'), pointId: LockerPointIdSchema }),
    z.strictObject({ code: z.literal('wrong-compartment') }),
    z.strictObject({ code: z.literal('expired'), at: TimestampSchema }),
    z.strictObject({ code: z.literal('no-locker-pickup') }),
    z.strictObject({ code: z.literal('point-full') }),
    /** The verification code is registered already (by another request). */
    z.strictObject({ code: z.literal('already-registered') }),
    /** The idempotency key was used before for a different request. */
    z.strictObject({ code: z.literal('idempotency-conflict') }),
    /** The wallet refused the charge (blocked, expired or invalid payment code). */
    z.strictObject({ code: z.literal('payment-declined') }),
    z.strictObject({ code: z.literal('insufficient-funds') }),
    /** A basket price or total differs from the catalogue's: nothing was charged. */
    z.strictObject({ code: z.literal('price-changed') }),
    /** A slot holds fewer items than the basket asks for. */
    z.strictObject({ code: z.literal('out-of-stock'), publicationId: z.string() }),
    /** The gateway refuses the refund (more than was charged and not yet refunded, or the payment is too old). */
    z.strictObject({ code: z.literal('refund-refused') }),
  ])
  .meta({ id: 'Rejection' });
export type Rejection = z.infer<typeof RejectionSchema>;
export type RejectionCode = Rejection['code'];

/** The body of an HTTP 422 answer. */
export const RejectedReplySchema = z.strictObject({ rejection: RejectionSchema }).meta({ id: 'Rejected' });
/** The body of an HTTP 400 answer: the request is outside the contract. */
export const InvalidRequestReplySchema = z
  .strictObject({ issues: z.array(z.string()).min(1) })
  .meta({ id: 'InvalidRequest' });

export type BackendError =
  /**
   * Nothing answered (connection refused or reset, DNS, TLS). `neverSent` when the request certainly never reached
   * the backend: the circuit was open, or every attempt failed before a connection existed (refused, no such host,
   * no route). Then the backend cannot have acted, and the resident is told so rather than "we do not know".
   */
  | { kind: 'unreachable'; detail: string; neverSent: boolean }
  | { kind: 'timeout'; afterMs: number }
  /** The backend answered 5xx on every attempt. */
  | { kind: 'server-error'; status: number }
  /** An answer outside the contract: not JSON, a shape the schema refuses, a status the contract does not use. */
  | { kind: 'invalid-reply'; detail: string }
  /** The request itself is outside the contract (refused before or by the backend): a bug or hostile input. */
  | { kind: 'invalid-request'; issues: string[] }
  | { kind: 'rejected'; rejection: Rejection };

export function rejected(rejection: Rejection): BackendError {
  return { kind: 'rejected', rejection };
}

/** Worth asking again (same request, same idempotency key): nothing answered, or the backend failed. */
export function isRetryable(error: BackendError): boolean {
  switch (error.kind) {
    case 'unreachable':
    case 'timeout':
    case 'server-error':
      return true;
    case 'invalid-reply':
    case 'invalid-request':
    case 'rejected':
      return false;
  }
}

/**
 * For a state change: whether the backend may have acted although no usable answer came back. The journal keeps
 * the idempotency key of such a call and asks again later; the same key can never act twice.
 */
export function outcomeUnknown(error: BackendError): boolean {
  switch (error.kind) {
    case 'unreachable':
      // Refused before a connection, or the circuit open: the request was never sent.
      return !error.neverSent;
    case 'timeout':
    case 'server-error':
    case 'invalid-reply':
      return true;
    case 'invalid-request':
    case 'rejected':
      return false;
  }
}
