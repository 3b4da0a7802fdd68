import { z } from 'zod';
import { type DomainMethods, noParams } from '../method_spec.js';
import {
  AppointmentViewSchema,
  BackendProblemSchema,
  BookingViewSchema,
  CatalogueServiceIdSchema,
  CentreIdSchema,
  CentreViewSchema,
  chooseDateParams,
  chooseSlotParams,
  DepartmentCodeSchema,
  DepartmentViewSchema,
  PrintOutcomeSchema,
  ServiceDetailsSchema,
  ServiceItemSchema,
  SiteKindSchema,
  slotStepSchemas,
  WorkingTaskSchema,
} from './booking_parts.js';
import { IdentifyMethodSchema, IdentifyViewSchema } from './identify_contract.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Booking an appointment for one of the catalogue's services. State machine:
 * electron/flows/booking/book_appointment_flow.ts; screens: renderer/flows/booking/.
 *
 *   site ─► departments ─┬─► services ─► service ─► centre ─► date ─► slot ─► identify ─► confirm ─► working ─► booked
 *                        └─► search ────────┘                          ▲                    │  (slot taken: back to
 *                                                                      └────────────────────┘  slot, next free ones)
 * `identify` embeds the shared identification (a document on the reader, a Macao One Account QR, the residence
 * permit at Hengqin; electron/rpc/flows/identify_contract.ts); once identified, a resident who goes back to choose
 * another time is not asked again.
 * `problem` when the government system does not answer; `already-booked` when the resident holds a booking for
 * the service already. Every step has Back (`back`) and Cancel (`cancel`: back to the list of services).
 */
const service = z.literal('book-appointment');

export const maxSearchText = 100;
export const maxSearchResults = 20;

/** Pinyin as typed on the keyboard's pinyin layer (ü as v). */
export const PinyinSchema = z.string().regex(/^[a-z]{1,24}$/);
/** Words for a pinyin string, best first: full syllables or initials (`sfz`). */
export const CandidatesSchema = z.array(z.string().min(1).max(16)).max(12);

export const BookAppointmentFlowViewSchema = z.discriminatedUnion('step', [
  /** Macau or Hengqin; `home` is where this terminal stands (listed first). */
  z.object({ service, step: z.literal('site'), home: SiteKindSchema }),
  z.object({
    service,
    step: z.literal('departments'),
    site: SiteKindSchema,
    departments: z.array(DepartmentViewSchema.extend({ services: z.int().positive() })),
  }),
  z.object({
    service,
    step: z.literal('search'),
    site: SiteKindSchema,
    /** What the resident typed (kept by the flow, so a reload shows it; wiped with the session). */
    query: z.string().max(maxSearchText),
    /**
     * Pinyin being composed on the keyboard and not yet turned into characters (searched with the query, so `sfz`
     * finds 身份證 before a candidate is chosen), and the keyboard's candidates for it: the catalogue's words in the
     * session's script. Both absent while nothing is composed. With the results, so one answer to a keystroke
     * draws the results and the candidate bar together.
     */
    composing: PinyinSchema.optional(),
    candidates: CandidatesSchema.optional(),
    results: z.array(ServiceItemSchema).max(maxSearchResults),
  }),
  z.object({
    service,
    step: z.literal('services'),
    site: SiteKindSchema,
    department: DepartmentViewSchema,
    services: z.array(ServiceItemSchema),
  }),
  z.object({ service, step: z.literal('service'), details: ServiceDetailsSchema }),
  z.object({
    service,
    step: z.literal('centre'),
    about: ServiceItemSchema,
    centres: z.array(CentreViewSchema),
  }),
  ...slotStepSchemas('book-appointment'),
  z.object({ service, step: z.literal('identify'), identify: IdentifyViewSchema }),
  z.object({
    service,
    step: z.literal('confirm'),
    appointment: AppointmentViewSchema,
    /** Who the booking is for: how they identified, and their masked name (none from a One Account code). */
    resident: z.object({ method: IdentifyMethodSchema, maskedName: z.string().min(1).max(80).nullable() }),
  }),
  z.object({ service, step: z.literal('working'), task: WorkingTaskSchema }),
  z.object({ service, step: z.literal('booked'), booking: BookingViewSchema, slip: PrintOutcomeSchema }),
  /** The resident already holds a booking for this service: it is shown instead of a second one. */
  z.object({ service, step: z.literal('already-booked'), booking: BookingViewSchema }),
  z.object({ service, step: z.literal('problem'), problem: BackendProblemSchema }),
]);
export type BookAppointmentFlowView = z.infer<typeof BookAppointmentFlowViewSchema>;
export type BookAppointmentStep = BookAppointmentFlowView['step'];

export const bookAppointmentFlowMethods = {
  'book-appointment.chooseSite': {
    params: z.object({ site: SiteKindSchema }).strict(),
    result: IntentResultSchema,
  },
  'book-appointment.chooseDepartment': {
    params: z.object({ code: DepartmentCodeSchema }).strict(),
    result: IntentResultSchema,
  },
  'book-appointment.openSearch': { params: noParams, result: IntentResultSchema },
  /**
   * The search after a keystroke: the text typed, and the pinyin being composed if any. The results (and the
   * pinyin's candidates) come with the step.
   */
  'book-appointment.search': {
    params: z.object({ text: z.string().max(maxSearchText), composing: PinyinSchema.optional() }).strict(),
    result: IntentResultSchema,
  },
  'book-appointment.chooseService': {
    params: z.object({ serviceId: CatalogueServiceIdSchema }).strict(),
    result: IntentResultSchema,
  },
  'book-appointment.startBooking': { params: noParams, result: IntentResultSchema },
  'book-appointment.chooseCentre': {
    params: z.object({ centreId: CentreIdSchema }).strict(),
    result: IntentResultSchema,
  },
  'book-appointment.chooseDate': { params: chooseDateParams, result: IntentResultSchema },
  'book-appointment.chooseSlot': { params: chooseSlotParams, result: IntentResultSchema },
  'book-appointment.confirm': { params: noParams, result: IntentResultSchema },
  /** `problem`: ask the government system again (the same change, with the same key). */
  'book-appointment.retry': { params: noParams, result: IntentResultSchema },
  'book-appointment.back': { params: noParams, result: IntentResultSchema },
  /** Leave the booking: back to the list of services, everything chosen forgotten. */
  'book-appointment.cancel': { params: noParams, result: IntentResultSchema },
  /** `booked`: the resident is done; the session ends. */
  'book-appointment.finish': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'book-appointment'>;
