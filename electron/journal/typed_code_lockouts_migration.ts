/**
 * The locker station's limit on typed pickup codes (electron/lockers/typed_code_limiter.ts), kept in the journal so
 * a restart does not hand the keypad fresh attempts. One row per locker point the terminal served as; counts and
 * times only: never a typed digit.
 */
import type { Migration } from './migrations.js';

export const typedCodeLockoutsMigration: Migration = {
  id: 150,
  name: 'typed-code-lockouts',
  up(db) {
    db.exec(`
      CREATE TABLE typed_code_lockouts (
        point_id TEXT PRIMARY KEY,
        failures INTEGER NOT NULL CHECK (failures >= 0),
        lockouts INTEGER NOT NULL CHECK (lockouts >= 0),
        locked_until INTEGER,
        last_failure_at INTEGER
      ) STRICT;
    `);
  },
};
