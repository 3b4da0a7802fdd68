import { z } from 'zod';
import { LocalisedTextSchema } from '../localised_text_schema.js';
import { type DomainMethods, noParams } from '../method_spec.js';
import {
  AppointmentViewSchema,
  BackendProblemSchema,
  BookingViewSchema,
  chooseDateParams,
  chooseSlotParams,
  InstantSchema,
  PrintOutcomeSchema,
  slotStepSchemas,
  WorkingTaskSchema,
} from './booking_parts.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Checking in for a booking, and seeing, rescheduling or cancelling one. State machine:
 * electron/flows/booking/check_in_flow.ts; screens: renderer/flows/booking/.
 *
 *   scan ──(QR scanned, or `reference` typed)──► working ─┬─► ticket             (checked in: the ticket prints)
 *     │                                                  └─► booking ─┬─► date ─► slot ─► confirm-reschedule ─► rescheduled
 *   manage (see, change or cancel instead of checking in)             └─► confirm-cancel ─► cancelled
 *
 * On the `booking` step a refusal says why check-in did not happen (too early, too late, wrong centre,
 * cancelled), with what the resident can do. `problem` when the government system does not answer.
 */
const service = z.literal('check-in');

export const CheckInPurposeSchema = z.enum(['check-in', 'manage']);
export type CheckInPurpose = z.infer<typeof CheckInPurposeSchema>;

/** Why the scan or reference step asks again. */
export const LookupNoticeSchema = z.enum(['not-found', 'not-a-booking-code', 'scan-failed']).nullable();
export type LookupNotice = z.infer<typeof LookupNoticeSchema>;

export const CheckInRefusalSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('too-early'), opensAt: InstantSchema }),
  z.object({ reason: z.literal('too-late'), closedAt: InstantSchema }),
  /** The booking's own centre is in the booking. */
  z.object({ reason: z.literal('wrong-centre') }),
  z.object({ reason: z.literal('cancelled') }),
]);
export type CheckInRefusal = z.infer<typeof CheckInRefusalSchema>;

export const QueueTicketViewSchema = z.object({
  queueNumber: z.string().regex(/^[A-Z]\d{3}$/),
  counterArea: LocalisedTextSchema,
  appointment: AppointmentViewSchema,
  checkedInAt: InstantSchema,
});
export type QueueTicketView = z.infer<typeof QueueTicketViewSchema>;

export const CheckInFlowViewSchema = z.discriminatedUnion('step', [
  z.object({ service, step: z.literal('scan'), purpose: CheckInPurposeSchema, notice: LookupNoticeSchema }),
  z.object({
    service,
    step: z.literal('reference'),
    purpose: CheckInPurposeSchema,
    notice: LookupNoticeSchema,
  }),
  z.object({ service, step: z.literal('working'), task: WorkingTaskSchema }),
  z.object({
    service,
    step: z.literal('ticket'),
    ticket: QueueTicketViewSchema,
    /** `earlier`: the booking was checked in before; the number is shown again, not printed again. */
    when: z.enum(['now', 'earlier']),
    slip: PrintOutcomeSchema,
  }),
  z.object({
    service,
    step: z.literal('booking'),
    booking: BookingViewSchema,
    refusal: CheckInRefusalSchema.nullable(),
    /** Whether it can still be rescheduled or cancelled (booked, not checked in, not cancelled). */
    canChange: z.boolean(),
  }),
  ...slotStepSchemas('check-in'),
  z.object({
    service,
    step: z.literal('confirm-reschedule'),
    booking: BookingViewSchema,
    to: z.object({ start: InstantSchema, end: InstantSchema }),
  }),
  z.object({ service, step: z.literal('rescheduled'), booking: BookingViewSchema, slip: PrintOutcomeSchema }),
  z.object({ service, step: z.literal('confirm-cancel'), booking: BookingViewSchema }),
  z.object({ service, step: z.literal('cancelled'), booking: BookingViewSchema }),
  z.object({ service, step: z.literal('problem'), problem: BackendProblemSchema }),
]);
export type CheckInFlowView = z.infer<typeof CheckInFlowViewSchema>;
export type CheckInStep = CheckInFlowView['step'];

export const checkInFlowMethods = {
  /** `scan`: type the reference instead of scanning. */
  'check-in.typeReference': { params: noParams, result: IntentResultSchema },
  /** `reference`: what was typed; the flow reads it as a resident would write it (case, spaces, O for 0). */
  'check-in.submitReference': {
    params: z.object({ reference: z.string().max(20) }).strict(),
    result: IntentResultSchema,
  },
  /** `scan`: see, change or cancel a booking rather than check in. */
  'check-in.manage': { params: noParams, result: IntentResultSchema },
  /** `booking`: choose a new date and time. */
  'check-in.reschedule': { params: noParams, result: IntentResultSchema },
  'check-in.chooseDate': { params: chooseDateParams, result: IntentResultSchema },
  'check-in.chooseSlot': { params: chooseSlotParams, result: IntentResultSchema },
  /** `booking`: cancel it (a confirmation step follows). */
  'check-in.cancelBooking': { params: noParams, result: IntentResultSchema },
  /** `confirm-reschedule` or `confirm-cancel`: yes, do it. */
  'check-in.confirm': { params: noParams, result: IntentResultSchema },
  'check-in.retry': { params: noParams, result: IntentResultSchema },
  'check-in.back': { params: noParams, result: IntentResultSchema },
  /** Leave: back to the list of services. */
  'check-in.cancel': { params: noParams, result: IntentResultSchema },
  'check-in.finish': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'check-in'>;
