/**
 * Where the station's typed-code limit (typed_code_limiter.ts) lives between sessions and across restarts: the
 * journal's `typed_code_lockouts` table (migration 150), one row per locker point (and one for typed proof codes,
 * electron/flows/check_proof/typed_code_limit.ts). Counts and times only.
 */
import type Database from 'better-sqlite3';
import { type BadgeLockoutState, unlockedBadge } from '../staff/badge_lockout.js';

type Stored = Record<keyof BadgeLockoutState, number | null>;

export class TypedCodeLockoutStore {
  readonly #read: Database.Statement<[string], Stored>;
  readonly #write: Database.Statement<[string, number, number, number | null, number | null]>;
  readonly #clear: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.#read = db.prepare(
      `SELECT failures, lockouts, locked_until AS lockedUntil, last_failure_at AS lastFailureAt
       FROM typed_code_lockouts WHERE point_id = ?`,
    );
    this.#write = db.prepare(
      `INSERT OR REPLACE INTO typed_code_lockouts (point_id, failures, lockouts, locked_until, last_failure_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.#clear = db.prepare('DELETE FROM typed_code_lockouts WHERE point_id = ?');
  }

  load(pointId: string): BadgeLockoutState {
    const row = this.#read.get(pointId);
    if (row === undefined) return unlockedBadge;
    return {
      failures: row.failures ?? 0,
      lockouts: row.lockouts ?? 0,
      lockedUntil: row.lockedUntil,
      lastFailureAt: row.lastFailureAt,
    };
  }

  save(pointId: string, state: BadgeLockoutState): void {
    if (state.failures === 0 && state.lockouts === 0 && state.lockedUntil === null) {
      this.#clear.run(pointId);
      return;
    }
    this.#write.run(pointId, state.failures, state.lockouts, state.lockedUntil, state.lastFailureAt);
  }
}
