/**
 * The kiosk's lock-out of staff badges after wrong PINs (electron/staff/badge_lockout.ts), one row per staff id, so a
 * restart does not hand a locked badge fresh attempts. Staff ids and counts only: never a PIN.
 */
import type { Migration } from './migrations.js';

export const staffLockoutsMigration: Migration = {
  id: 130,
  name: 'staff-lockouts',
  up(db) {
    db.exec(`
      CREATE TABLE staff_lockouts (
        staff_id TEXT PRIMARY KEY,
        failures INTEGER NOT NULL CHECK (failures >= 0),
        lockouts INTEGER NOT NULL CHECK (lockouts >= 0),
        locked_until INTEGER,
        last_failure_at INTEGER
      ) STRICT;
    `);
  },
};
