import { z } from 'zod';
import { LocalisedTextSchema } from '../localised_text_schema.js';
import { type DomainMethods, noParams } from '../method_spec.js';
import {
  CalendarDateSchema,
  CatalogueServiceIdSchema,
  DepartmentViewSchema,
  PrintOutcomeSchema,
} from './booking_parts.js';
import { IdentifyViewSchema } from './identify_contract.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Smart Locker ("Easy Pickup", 智取易) application at a service kiosk: the resident chooses a service whose item can
 * be collected from a Smart Locker, identifies (document chip and PIN), chooses the pickup point (nearest to this
 * centre first; a point without a free compartment of the item's size is shown, with why, but cannot be chosen),
 * confirms, and the application is sent to the government services. The done screen and a printed slip say from
 * when the item can be picked up and that the pickup code comes through Macao One Account. State machine:
 * electron/flows/locker_apply/; screens: renderer/flows/locker_apply/.
 *
 *   loading ─► service ──choose──► identify ──► loading ─► point ──choose──► confirm ──apply──► sending ─► done
 *                 ▲                   │                      ▲                  │                 └─► failed
 *                 └───────back────────┘                      └──────back────────┘   (nothing applied: try again)
 */

const service = { service: z.literal('locker-apply') };

/** The compartment an item needs (the catalogue's `lockerSize`). */
export const CompartmentSizeViewSchema = z.enum(['small', 'medium', 'large']);
export type CompartmentSizeView = z.infer<typeof CompartmentSizeViewSchema>;

const PointIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/);

/** A service with locker pickup, as the list shows it. */
export const LockerServiceViewSchema = z.object({
  serviceId: CatalogueServiceIdSchema,
  name: LocalisedTextSchema,
  department: DepartmentViewSchema,
  size: CompartmentSizeViewSchema,
});
export type LockerServiceView = z.infer<typeof LockerServiceViewSchema>;

/** A Smart Locker point, as the resident chooses among them. */
export const LockerPointViewSchema = z.object({
  pointId: PointIdSchema,
  name: LocalisedTextSchema,
  address: LocalisedTextSchema,
  /** `24h`, or the hours as the catalogue writes them (`08:00-22:00`). */
  hours: z.string().max(80),
  /** From this kiosk's centre, great-circle; null when the catalogue does not place the centre. */
  distanceMetres: z.int().nonnegative().nullable(),
  /** Free compartments of the item's size. */
  free: z.int().nonnegative(),
  /** Why it cannot be chosen: `full`, no free compartment of the item's size; null when it can. */
  unavailable: z.enum(['full']).nullable(),
});
export type LockerPointView = z.infer<typeof LockerPointViewSchema>;

/**
 * Why the flow stopped:
 * - `unavailable`: the government services could not be reached; nothing was applied for (try again);
 * - `outcome-unknown`: the application was sent but no answer came; Try again sends it once more with the same key,
 *   so it cannot be made twice;
 * - `point-full`: the last compartment of the size went meanwhile: choose another point;
 * - `refused`: the government services refused the application (the service no longer offers locker pickup);
 * - `no-services`: no service with locker pickup is offered at this kiosk.
 */
export const ApplyProblemSchema = z.enum([
  'unavailable',
  'outcome-unknown',
  'point-full',
  'refused',
  'no-services',
]);
export type ApplyProblem = z.infer<typeof ApplyProblemSchema>;

export const LockerApplyFlowViewSchema = z.discriminatedUnion('step', [
  z.object({ ...service, step: z.literal('loading'), what: z.enum(['services', 'points']) }),
  z.object({ ...service, step: z.literal('service'), services: z.array(LockerServiceViewSchema).max(500) }),
  z.object({ ...service, step: z.literal('identify'), identify: IdentifyViewSchema }),
  z.object({
    ...service,
    step: z.literal('point'),
    chosen: LockerServiceViewSchema,
    points: z.array(LockerPointViewSchema).max(200),
  }),
  z.object({
    ...service,
    step: z.literal('confirm'),
    chosen: LockerServiceViewSchema,
    point: LockerPointViewSchema,
  }),
  z.object({ ...service, step: z.literal('sending') }),
  z.object({
    ...service,
    step: z.literal('done'),
    applicationId: z.string().regex(/^LA-[A-Z0-9-]{1,40}$/),
    chosen: LockerServiceViewSchema,
    point: LockerPointViewSchema,
    /** From when the item can be picked up (the backend's expected date; the code comes with it). */
    readyFrom: CalendarDateSchema,
    slip: PrintOutcomeSchema,
  }),
  z.object({
    ...service,
    step: z.literal('failed'),
    problem: ApplyProblemSchema,
    /** Try again can help (`unavailable`, `outcome-unknown`, `point-full`). */
    canRetry: z.boolean(),
  }),
]);
export type LockerApplyFlowView = z.infer<typeof LockerApplyFlowViewSchema>;
export type LockerApplyStep = LockerApplyFlowView['step'];

export const lockerApplyFlowMethods = {
  /** `service`: apply for this service (one of the list). */
  'locker-apply.chooseService': {
    params: z.object({ serviceId: CatalogueServiceIdSchema }).strict(),
    result: IntentResultSchema,
  },
  /** `point`: pick up at this point (refused when it has no free compartment of the size). */
  'locker-apply.choosePoint': {
    params: z.object({ pointId: PointIdSchema }).strict(),
    result: IntentResultSchema,
  },
  /** `confirm`: send the application. */
  'locker-apply.apply': { params: noParams, result: IntentResultSchema },
  /** `failed`: try again (the points again for `point-full`; the same application for the others). */
  'locker-apply.tryAgain': { params: noParams, result: IntentResultSchema },
  /** The step before; on `done` and `failed`, finish. */
  'locker-apply.back': { params: noParams, result: IntentResultSchema },
  /** Leave for the list of services (refused while the application is on its way). */
  'locker-apply.cancel': { params: noParams, result: IntentResultSchema },
  /** `done`, `failed`: the resident is done; the session ends. */
  'locker-apply.finish': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'locker-apply'>;
