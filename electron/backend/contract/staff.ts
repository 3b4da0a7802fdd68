import { z } from 'zod';
import { IdempotencyKeySchema, PinSchema, StaffIdSchema, TerminalIdSchema } from './common.js';

/**
 * Staff sign-in: the badge (signed, checked on the kiosk) says who claims to be there; the backend checks the PIN
 * and counts wrong attempts per staff member, locking the account for a while after too many. The kiosk adds its
 * own doubling delay on top (electron/flows/maintenance).
 */

export const StaffRoleSchema = z.enum(['technician', 'supervisor']).meta({ id: 'StaffRole' });

export const CheckStaffPinRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  staffId: StaffIdSchema,
  terminalId: TerminalIdSchema,
  pin: PinSchema,
});
export const StaffMemberSchema = z
  .strictObject({ staffId: StaffIdSchema, roles: z.array(StaffRoleSchema).min(1) })
  .meta({ id: 'StaffMember' });
