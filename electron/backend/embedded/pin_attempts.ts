import { macauIso, minuteMs } from '../../../lib/macau_time.js';
import { err, ok, type Result } from '../../../lib/result.js';
import type { Rejection } from '../contract/errors.js';
import type { EmbeddedContext } from './embedded_context.js';
import { pinMatches } from './secrets.js';

/**
 * One PIN check with lock-out, for residents (collection PIN) and staff alike: a locked account is refused without
 * looking at the PIN; a wrong PIN counts, and the attempt that uses the last one locks the account; a right PIN
 * clears the count. The rows differ (residents, staff), the rule is the same.
 */

export interface LockoutPolicy {
  table: 'residents' | 'staff';
  maxAttempts: number;
  lockMs: number;
}

export const residentPinPolicy: LockoutPolicy = { table: 'residents', maxAttempts: 3, lockMs: 30 * minuteMs };
export const staffPinPolicy: LockoutPolicy = { table: 'staff', maxAttempts: 5, lockMs: 15 * minuteMs };

interface PinRow {
  pin_hash: string;
  pin_failures: number;
  pin_locked_until: number | null;
}

export function checkPinWithLockout(
  ctx: EmbeddedContext,
  policy: LockoutPolicy,
  id: string,
  pin: string,
  subject: 'resident' | 'staff',
): Result<void, Rejection> {
  const row = ctx.db
    .prepare(`SELECT pin_hash, pin_failures, pin_locked_until FROM ${policy.table} WHERE id = ?`)
    .get(id) as PinRow | undefined;
  if (!row) return err({ code: 'not-found', subject });
  const now = ctx.now();
  if (row.pin_locked_until !== null && row.pin_locked_until > now) {
    return err({ code: 'locked', lockedUntil: macauIso(row.pin_locked_until) });
  }
  const update = ctx.db.prepare(
    `UPDATE ${policy.table} SET pin_failures = ?, pin_locked_until = ? WHERE id = ?`,
  );
  if (pinMatches(pin, row.pin_hash)) {
    update.run(0, null, id);
    return ok();
  }
  // A lock that has run out starts a fresh count.
  const failures = (row.pin_locked_until !== null ? 0 : row.pin_failures) + 1;
  if (failures >= policy.maxAttempts) {
    const until = now + policy.lockMs;
    update.run(0, until, id);
    return err({ code: 'locked', lockedUntil: macauIso(until) });
  }
  update.run(failures, null, id);
  return err({ code: 'wrong-pin', attemptsLeft: policy.maxAttempts - failures });
}
