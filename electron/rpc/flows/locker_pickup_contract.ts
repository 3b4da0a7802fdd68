import { z } from 'zod';
import { type DomainMethods, noParams } from '../method_spec.js';
import { InstantSchema } from './booking_parts.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Smart Locker pickup, at a locker station: the resident scans the pickup QR (or types its 12 digits), the code is
 * checked (signature, expiry and station here; known and not yet used by the backend), the door opens (relay
 * read-back, then the door sensor), the resident takes the item and closes the door, and the pickup is recorded
 * once. State machine: electron/flows/locker_pickup/; screens: renderer/flows/locker_pickup/.
 *
 *   scan ⇄ type ──► checking ──► opening ──► open ──► recording ──► done
 *     ▲               │            │          └─(door left open: staff alerted)─► left-open ──► done
 *     └── refused ◄───┘            └──(no read-back, no sensor, after a retry: staff alerted)──► door-failed
 */

const service = { service: z.literal('locker-pickup') };

/**
 * Why a code does not open a door. The first six are the code's own (pickup_code.ts); `unavailable`: the
 * government services could not say whether the code was used, so no door opens; `too-many-tries`: typed codes
 * wait after repeated refusals (`retryAt`).
 */
export const PickupRefusalViewSchema = z.enum([
  'forged',
  'expired',
  'wrong-station',
  'used',
  'unknown',
  'malformed',
  'unavailable',
  'too-many-tries',
]);
export type PickupRefusalView = z.infer<typeof PickupRefusalViewSchema>;

export const PickupReceiptViewSchema = z.enum(['none', 'offered', 'printing', 'printed', 'not-printed']);
export type PickupReceiptView = z.infer<typeof PickupReceiptViewSchema>;

/** The door as the resident sees it: the compartment's label on the locker. */
const DoorLabelSchema = z.string().regex(/^[A-Z]\d{2}$/);

export const LockerPickupFlowViewSchema = z.discriminatedUnion('step', [
  z.object({ ...service, step: z.literal('scan') }),
  z.object({
    ...service,
    step: z.literal('type'),
    /** The digits typed did not pass their check digit: asked again, nothing sent. */
    mistyped: z.boolean(),
  }),
  z.object({ ...service, step: z.literal('checking') }),
  z.object({
    ...service,
    step: z.literal('refused'),
    reason: PickupRefusalViewSchema,
    /** The code was typed (so Try again leads back to the keypad). */
    typed: z.boolean(),
    /** When the keypad takes digits again after too many refused codes. */
    retryAt: InstantSchema.nullable(),
  }),
  z.object({ ...service, step: z.literal('opening'), compartment: DoorLabelSchema }),
  z.object({ ...service, step: z.literal('open'), compartment: DoorLabelSchema }),
  /** The door stayed open past the station's limit: staff were alerted; the resident is asked to close it. */
  z.object({ ...service, step: z.literal('left-open'), compartment: DoorLabelSchema }),
  z.object({ ...service, step: z.literal('recording'), compartment: DoorLabelSchema }),
  z.object({
    ...service,
    step: z.literal('done'),
    compartment: DoorLabelSchema,
    /**
     * `recorded`: the government services know; `later`: they could not be told yet, the kiosk tells them as soon as
     * it can; `staff`: they refused the record (someone recorded this pickup already) and staff were alerted.
     */
    record: z.enum(['recorded', 'later', 'staff']),
    /**
     * The pickup receipt, printed if the resident asks: `offered` (the station has a ticket printer; not asked yet),
     * `printing`, `printed`, `not-printed`, or `none` (no printer here).
     */
    receipt: PickupReceiptViewSchema,
  }),
  /** The door did not open, even on a retry: staff were alerted; the code is still good. */
  z.object({ ...service, step: z.literal('door-failed'), compartment: DoorLabelSchema }),
]);
export type LockerPickupFlowView = z.infer<typeof LockerPickupFlowViewSchema>;
export type LockerPickupStep = LockerPickupFlowView['step'];

export const lockerPickupFlowMethods = {
  /** `scan`: type the digits instead. */
  'locker-pickup.typeDigits': { params: noParams, result: IntentResultSchema },
  /** `type`: the digits as typed (spaces and dashes allowed). */
  'locker-pickup.submitDigits': {
    params: z
      .object({
        digits: z
          .string()
          .max(24)
          .regex(/^[\d\s-]*$/),
      })
      .strict(),
    result: IntentResultSchema,
  },
  /** `refused`: scan or type another code. */
  'locker-pickup.tryAgain': { params: noParams, result: IntentResultSchema },
  /** `type`, `refused`: back to scanning; `scan`: to the list of services; `done`, `door-failed`: finish. */
  'locker-pickup.back': { params: noParams, result: IntentResultSchema },
  /** Leave: back to the list of services (refused while a door is open; on `done`, `door-failed`: finish). */
  'locker-pickup.cancel': { params: noParams, result: IntentResultSchema },
  /** `done`, `refused`, `door-failed`: the resident is done; the session ends. */
  'locker-pickup.finish': { params: noParams, result: IntentResultSchema },
  /** `done` with the receipt `offered`: print the pickup receipt. */
  'locker-pickup.printReceipt': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'locker-pickup'>;
