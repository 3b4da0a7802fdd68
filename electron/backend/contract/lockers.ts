import { z } from 'zod';
import { hasValidDammCheckDigit } from '../../keys/check_digit.js';
import { CompartmentSizeSchema } from './catalogue.js';
import {
  CalendarDateSchema,
  IdempotencyKeySchema,
  LockerPointIdSchema,
  orNull,
  ResidentRefSchema,
  ServiceIdSchema,
  StaffIdSchema,
  TerminalIdSchema,
  TimestampSchema,
} from './common.js';

/**
 * Smart Locker ("Easy Pickup", 智取易). A resident applies for a service with locker pickup and chooses a point;
 * when the item is ready the back office places it in a compartment and a pickup record exists: the signed code
 * (issued on the kiosk side, electron/flows/locker) names the application, and the short digits a resident can
 * type map to the same record. A pickup is recorded exactly once.
 */

export const ApplicationIdSchema = z
  .string()
  .regex(/^LA-[A-Z0-9-]{1,40}$/)
  .meta({ id: 'LockerApplicationId' });
/**
 * What a resident types at the locker: 12 digits, the last a Damm check digit (electron/keys/check_digit.ts), so a
 * mistyped digit or two swapped neighbours are caught before anything is asked of the backend.
 */
export const PickupDigitsSchema = z
  .string()
  .regex(/^\d{12}$/)
  .refine(hasValidDammCheckDigit, 'the last digit is not the check digit of the others')
  .meta({ id: 'PickupDigits' });
export const CompartmentSchema = z
  .string()
  .regex(/^[A-Z]\d{2}$/)
  .meta({ id: 'Compartment' });

export const LockerApplicationSchema = z
  .strictObject({
    applicationId: ApplicationIdSchema,
    serviceId: ServiceIdSchema,
    pointId: LockerPointIdSchema,
    size: CompartmentSizeSchema,
    status: z.enum(['submitted', 'ready', 'collected', 'expired']),
    submittedAt: TimestampSchema,
    expectedReadyDate: CalendarDateSchema,
  })
  .meta({ id: 'LockerApplication' });
export type LockerApplication = z.infer<typeof LockerApplicationSchema>;

export const ApplyForLockerRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  serviceId: ServiceIdSchema,
  residentRef: ResidentRefSchema,
  pointId: LockerPointIdSchema,
  size: CompartmentSizeSchema,
});

export const LockerApplicationsRequestSchema = z.strictObject({ residentRef: ResidentRefSchema });
export const LockerApplicationsReplySchema = z
  .strictObject({ applications: z.array(LockerApplicationSchema) })
  .meta({ id: 'LockerApplications' });

export const FindPickupRequestSchema = z
  .union([
    z.strictObject({ applicationId: ApplicationIdSchema }),
    z.strictObject({ digits: PickupDigitsSchema }),
  ])
  .meta({ id: 'FindPickupRequest' });
export const PickupRecordSchema = z
  .strictObject({
    applicationId: ApplicationIdSchema,
    pointId: LockerPointIdSchema,
    compartment: CompartmentSchema,
    expiresAt: TimestampSchema,
    /** `expired` once `expiresAt` has passed without a pickup. */
    status: z.enum(['waiting', 'picked-up', 'expired']),
    pickedUpAt: orNull(TimestampSchema),
  })
  .meta({ id: 'PickupRecord' });
export type PickupRecord = z.infer<typeof PickupRecordSchema>;

export const RecordPickupRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  applicationId: ApplicationIdSchema,
  /** The station the code was used at, and the compartment whose door opened. */
  pointId: LockerPointIdSchema,
  compartment: CompartmentSchema,
  terminalId: TerminalIdSchema,
});
export const PickupRecordedSchema = z
  .strictObject({ applicationId: ApplicationIdSchema, pickedUpAt: TimestampSchema })
  .meta({ id: 'PickupRecorded' });

/**
 * Staff at a locker station put a ready item into a compartment: the pickup record is created (its digits go to
 * the resident through Macao One Account, never to the kiosk) and the application becomes ready.
 */
export const PlaceInLockerRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  applicationId: ApplicationIdSchema,
  pointId: LockerPointIdSchema,
  compartment: CompartmentSchema,
  staffId: StaffIdSchema,
  terminalId: TerminalIdSchema,
  /**
   * The digits of the signed pickup code the issuer made for this placement (`balcao locker issue-code` prints
   * them), so the typed digits and the QR name the same record. Absent: the backend draws digits of its own and
   * sends them to the resident with the code.
   */
  digits: PickupDigitsSchema.optional(),
});
