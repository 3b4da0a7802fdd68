import { z } from 'zod';
import { type DomainMethods, noParams } from '../method_spec.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Staff sign-in: the door to maintenance. Opened by a hidden gesture on the attract (or out-of-service) screen, or
 * by a staff badge shown to the scanner; the badge (a signed QR) says who claims to be there, the PIN — checked by
 * the backend — proves it. State machine: electron/flows/staff_sign_in/; screens: renderer/flows/staff_sign_in/.
 *
 *   badge ──badge scanned──► pin ──enterPin──► checking ──► (maintenance flow)
 *     ▲                       │                  │  └────► waiting (a resident transaction runs) ──► (maintenance)
 *     └──────── back ─────────┘◄── wrong PIN ────┘
 *                             └──── locked (wrong PINs: the badge is locked out, the delay doubling)
 */

export const badgeRefusals = ['malformed', 'tampered', 'unknown-key', 'expired', 'unknown-staff'] as const;
export type BadgeRefusal = (typeof badgeRefusals)[number];

const staff = { staffName: z.string(), staffId: z.string() };

export const StaffSignInFlowViewSchema = z.discriminatedUnion('step', [
  z.object({
    service: z.literal('staff-sign-in'),
    step: z.literal('badge'),
    /** Why the last badge shown was refused, if it was. */
    refused: z.enum(badgeRefusals).nullable(),
  }),
  z.object({
    service: z.literal('staff-sign-in'),
    step: z.literal('pin'),
    ...staff,
    attemptsLeft: z.number().int().nonnegative(),
    /** The last PIN was wrong, or the backend could not check it (`unavailable`). */
    problem: z.enum(['wrong-pin', 'unavailable']).nullable(),
  }),
  z.object({ service: z.literal('staff-sign-in'), step: z.literal('checking'), ...staff }),
  z.object({
    service: z.literal('staff-sign-in'),
    step: z.literal('locked'),
    ...staff,
    /** ISO 8601: when the badge may try again. */
    until: z.string(),
  }),
  z.object({
    service: z.literal('staff-sign-in'),
    step: z.literal('waiting'),
    ...staff,
    /** Resident transactions still under way: maintenance starts when they end. */
    transactions: z.number().int().nonnegative(),
  }),
]);
export type StaffSignInFlowView = z.infer<typeof StaffSignInFlowViewSchema>;

export const staffSignInFlowMethods = {
  /** The hidden gesture: opens staff sign-in when no resident is using the kiosk. */
  'staff-sign-in.open': { params: noParams, result: IntentResultSchema },
  /** The PIN, once, when the pad's OK is pressed: never stored, logged or sent back. */
  'staff-sign-in.enterPin': {
    params: z.object({ pin: z.string().regex(/^\d{6}$/) }).strict(),
    result: IntentResultSchema,
  },
  /** From the PIN or lock-out step back to "show your badge" (another badge). */
  'staff-sign-in.back': { params: noParams, result: IntentResultSchema },
  'staff-sign-in.cancel': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'staff-sign-in'>;
