import { z } from 'zod';
import { LocalisedTextSchema } from '../localised_text_schema.js';

/**
 * What the booking family of flows (book an appointment; check in and manage a booking) shows of the catalogue
 * and of a booking: plain data for a screen, in all four languages, so a language switch redraws without asking
 * again. Nothing here says who the resident is: a booking is shown by its reference, a resident by the masked
 * name the identify step gives.
 *
 * The date and slot steps are shared by booking and rescheduling ("the same flow from the date step"), so both
 * flows' contracts build them with `slotStepSchemas(service)`.
 */

export const SiteKindSchema = z.enum(['macau', 'hengqin']);
export type SiteKind = z.infer<typeof SiteKindSchema>;

const slug = /^[a-z0-9][a-z0-9-]{1,63}$/;
/** A catalogue service's id (`dsi-bir-renewal`); not a kiosk tile's id. */
export const CatalogueServiceIdSchema = z.string().regex(slug);
export const CentreIdSchema = z.string().regex(slug);
export const DepartmentCodeSchema = z.string().regex(/^[A-Z][A-Z0-9-]{1,11}$/);
export const SlotIdSchema = z.string().regex(/^[a-z0-9-]+\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
export const CalendarDateSchema = z.iso.date();
export const InstantSchema = z.iso.datetime({ offset: true });
/** What a resident types: `XXXX-XXXX`, Crockford's alphabet (no I, L, O, U). */
export const BookingReferenceSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

/** What a service asks the resident to bring (the catalogue's list). */
export const RequirementSchema = z.enum([
  'identity-document',
  'travel-document',
  'residence-permit',
  'photo',
  'application-form',
  'proof-of-address',
  'fee',
  'appointment-slip',
]);
export type Requirement = z.infer<typeof RequirementSchema>;

export const DepartmentViewSchema = z.object({
  code: DepartmentCodeSchema,
  name: LocalisedTextSchema,
  /** A Mainland authority of the Hengqin services rather than a Macau department. */
  mainland: z.boolean(),
});
export type DepartmentView = z.infer<typeof DepartmentViewSchema>;

/** A service in a list (a department's, or search results). */
export const ServiceItemSchema = z.object({
  serviceId: CatalogueServiceIdSchema,
  name: LocalisedTextSchema,
  department: DepartmentViewSchema,
  bookable: z.boolean(),
});
export type ServiceItem = z.infer<typeof ServiceItemSchema>;

export const ServiceDetailsSchema = ServiceItemSchema.extend({
  requirements: z.array(RequirementSchema),
  /** 0 when free; 1 pataca = 100 avos. */
  feeAvos: z.int().nonnegative(),
  appointmentMinutes: z.int().positive(),
});
export type ServiceDetails = z.infer<typeof ServiceDetailsSchema>;

export const CentreViewSchema = z.object({
  centreId: CentreIdSchema,
  name: LocalisedTextSchema,
  address: LocalisedTextSchema,
  /** The centre this kiosk stands in. */
  here: z.boolean(),
});
export type CentreView = z.infer<typeof CentreViewSchema>;

export const SlotViewSchema = z.object({
  slotId: SlotIdSchema,
  start: InstantSchema,
  end: InstantSchema,
  /** Places still free when the kiosk asked. */
  free: z.int().nonnegative(),
});
export type SlotView = z.infer<typeof SlotViewSchema>;

export const DateViewSchema = z.object({ date: CalendarDateSchema, freeSlots: z.int().positive() });

/** One appointment: what, where, when. */
export const AppointmentViewSchema = z.object({
  service: ServiceItemSchema,
  centre: CentreViewSchema,
  start: InstantSchema,
  end: InstantSchema,
});
export type AppointmentView = z.infer<typeof AppointmentViewSchema>;

export const BookingViewSchema = z.object({
  reference: BookingReferenceSchema,
  status: z.enum(['booked', 'cancelled', 'checked-in']),
  appointment: AppointmentViewSchema,
});
export type BookingView = z.infer<typeof BookingViewSchema>;

/** How far the slip or ticket of this step got: the print overlay says why it waits. */
export const PrintOutcomeSchema = z.enum(['printing', 'printed', 'not-printed']);
export type PrintOutcome = z.infer<typeof PrintOutcomeSchema>;

/**
 * Why a flow stopped on its `problem` step:
 * - `unavailable`: the government system did not answer (or the kiosk knows it is down): nothing was changed;
 * - `outcome-unknown`: a change was sent but no answer came back; "Try again" asks once more with the same key,
 *   so it cannot be made twice.
 */
export const BackendProblemSchema = z.enum(['unavailable', 'outcome-unknown']);
export type BackendProblem = z.infer<typeof BackendProblemSchema>;

/** Why the slot step shows a notice: the time chosen was taken meanwhile, or has started. */
export const SlotNoticeSchema = z
  .object({ kind: z.enum(['slot-taken', 'slot-in-past']), nextFree: z.array(SlotViewSchema).max(5) })
  .nullable();
export type SlotNotice = z.infer<typeof SlotNoticeSchema>;

/** Background work a `working` step waits for. */
export const WorkingTaskSchema = z.enum([
  'catalogue',
  'availability',
  'finding',
  'booking',
  'checking-in',
  'rescheduling',
  'cancelling',
]);
export type WorkingTask = z.infer<typeof WorkingTaskSchema>;

/** The date and slot steps of `service`: the same for a new booking and a rescheduled one. */
export function slotStepSchemas<const S extends string>(service: S) {
  return [
    z.object({
      service: z.literal(service),
      step: z.literal('date'),
      about: ServiceItemSchema,
      centre: CentreViewSchema,
      /** Days with a free place, earliest first; empty when none in the weeks the kiosk asked about. */
      dates: z.array(DateViewSchema),
    }),
    z.object({
      service: z.literal(service),
      step: z.literal('slot'),
      about: ServiceItemSchema,
      centre: CentreViewSchema,
      date: CalendarDateSchema,
      slots: z.array(SlotViewSchema),
      notice: SlotNoticeSchema,
    }),
  ] as const;
}

export type DateStepView<S extends string> = {
  service: S;
  step: 'date';
  about: ServiceItem;
  centre: CentreView;
  dates: z.infer<typeof DateViewSchema>[];
};
export type SlotStepView<S extends string> = {
  service: S;
  step: 'slot';
  about: ServiceItem;
  centre: CentreView;
  date: string;
  slots: SlotView[];
  notice: SlotNotice;
};

/** The params of the date and slot steps' intents, the same in both flows. */
export const chooseDateParams = z.object({ date: CalendarDateSchema }).strict();
export const chooseSlotParams = z.object({ slotId: SlotIdSchema }).strict();
