import { z } from 'zod';
import { PublicKeyTableSchema } from '../keys/key_table.js';
import { defaultLockoutPolicy } from './badge_lockout.js';

/**
 * The configuration's `staff` section: who may sign in for maintenance, and how. Staff present a badge (a QR signed
 * by a staff office, checked against `badgeKeys`) and then type their PIN, which the backend checks.
 */

/**
 * The development issuing key's public key (config/dev/dev-staff-badge.key.json, committed so developers and tests
 * can make badges). A production configuration that trusts it is refused: anyone with the repository could sign in.
 */
export const developmentBadgeKey = '5XgBZbTvYxuwZEtMAiQ+n0r5MrKHMq4Hymt4jevUZ0M=';

const LockoutPolicySchema = z
  .object({
    attempts: z.number().int().min(1).max(10).default(defaultLockoutPolicy.attempts),
    firstSeconds: z.number().int().min(5).max(3600).default(defaultLockoutPolicy.firstSeconds),
    maxSeconds: z.number().int().min(5).max(86_400).default(defaultLockoutPolicy.maxSeconds),
    forgetAfterHours: z.number().min(1).max(720).default(defaultLockoutPolicy.forgetAfterHours),
  })
  .strict()
  .refine((policy) => policy.maxSeconds >= policy.firstSeconds, {
    message: 'maxSeconds must be at least firstSeconds',
    path: ['maxSeconds'],
  });

export const StaffConfigSchema = z
  .object({
    /** Staff-badge issuer id → Ed25519 public key (electron/keys/key_table.ts); `balcao staff new-badge-key`. */
    badgeKeys: PublicKeyTableSchema.default({}),
    /** A staff session ends after this long without a touch (the idle warning comes first, as for residents). */
    sessionIdleSeconds: z.number().int().min(60).max(3600).default(300),
    /** Wrong PINs lock the badge with a doubling delay (electron/staff/badge_lockout.ts). */
    lockout: LockoutPolicySchema.default(defaultLockoutPolicy),
    /**
     * The staff test card (a specimen passport, never a resident's document) for the document reader's test read on
     * a reader without an OCR window: the values BAC needs, as a technician would type them. A reader with an OCR
     * window (the simulated one) reads them off the card itself.
     */
    testCard: z
      .object({
        documentNumber: z.string().regex(/^[A-Z0-9<]{1,22}$/),
        birthDate: z.string().regex(/^\d{6}$/, 'YYMMDD'),
        expiryDate: z.string().regex(/^\d{6}$/, 'YYMMDD'),
      })
      .strict()
      .optional(),
  })
  .strict();
export type StaffConfig = z.infer<typeof StaffConfigSchema>;

export const defaultStaffConfig: StaffConfig = {
  badgeKeys: {},
  sessionIdleSeconds: 300,
  lockout: defaultLockoutPolicy,
};

/**
 * The production rule of the section: never the development key. (A terminal without any badge key still serves
 * residents, but no one can sign in for maintenance: start-up logs `staff-badge-keys-missing`.)
 */
export function staffConfigIssues(staff: StaffConfig): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  for (const [issuer, key] of Object.entries(staff.badgeKeys))
    if (key.trim() === developmentBadgeKey)
      issues.push({
        path: ['staff', 'badgeKeys', issuer],
        message: 'is the development key (config/dev): never trusted in production',
      });
  return issues;
}
