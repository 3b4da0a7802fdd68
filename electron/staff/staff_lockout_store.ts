/**
 * The badge lock-out state (badge_lockout.ts) of each staff id, kept in the journal so a restart does not give a
 * locked badge fresh attempts. Staff ids and counts only.
 */
import type Database from 'better-sqlite3';
import { type BadgeLockoutState, unlockedBadge } from './badge_lockout.js';

interface Row {
  failures: number;
  lockouts: number;
  locked_until: number | null;
  last_failure_at: number | null;
}

export class StaffLockoutStore {
  constructor(private readonly db: Database.Database) {}

  get(staffId: string): BadgeLockoutState {
    const row = this.db
      .prepare(
        'SELECT failures, lockouts, locked_until, last_failure_at FROM staff_lockouts WHERE staff_id = ?',
      )
      .get(staffId) as Row | undefined;
    if (!row) return unlockedBadge;
    return {
      failures: row.failures,
      lockouts: row.lockouts,
      lockedUntil: row.locked_until,
      lastFailureAt: row.last_failure_at,
    };
  }

  put(staffId: string, state: BadgeLockoutState): void {
    if (
      state === unlockedBadge ||
      (state.failures === 0 && state.lockouts === 0 && state.lockedUntil === null)
    ) {
      this.db.prepare('DELETE FROM staff_lockouts WHERE staff_id = ?').run(staffId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO staff_lockouts (staff_id, failures, lockouts, locked_until, last_failure_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (staff_id) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts,
           locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`,
      )
      .run(staffId, state.failures, state.lockouts, state.lockedUntil, state.lastFailureAt);
  }
}
