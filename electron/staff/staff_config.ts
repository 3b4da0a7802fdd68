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

const MrzLineSchema = z.string().regex(/^[A-Z0-9<]{30,44}$/, 'an MRZ line: A–Z, 0–9 and <');

export const StaffConfigSchema = z
  .object({
    /** Staff-badge issuer id → Ed25519 public key (electron/keys/key_table.ts); `balcao staff new-badge-key`. */
    badgeKeys: PublicKeyTableSchema.default({}),
    /** A staff session ends after this long without a touch (the idle warning comes first, as for residents). */
    sessionIdleSeconds: z.number().int().min(60).max(3600).default(300),
    /** Wrong PINs lock the badge with a doubling delay (electron/staff/badge_lockout.ts). */
    lockout: LockoutPolicySchema.default(defaultLockoutPolicy),
    /**
     * The staff test card the document reader's test read uses: its printed MRZ (the chip's access key) and the
     * CSCA certificates its chip is checked against. A specimen, never a resident's document. In development and
     * test the simulated readers' sample (`passport-macao`) and their test CSCA are used when this is absent.
     */
    testCard: z
      .object({
        mrz: z.array(MrzLineSchema).min(2).max(3),
        cscaFiles: z.array(z.string().min(1)).default([]),
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

/** The production rules of the section: someone must be able to sign in, and never with the development key. */
export function staffConfigIssues(staff: StaffConfig): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const entries = Object.entries(staff.badgeKeys);
  if (entries.length === 0)
    issues.push({
      path: ['staff', 'badgeKeys'],
      message: 'needs at least one staff-badge public key in production ("balcao staff new-badge-key")',
    });
  for (const [issuer, key] of entries)
    if (key.trim() === developmentBadgeKey)
      issues.push({
        path: ['staff', 'badgeKeys', issuer],
        message: 'is the development key (config/dev): never trusted in production',
      });
  return issues;
}
