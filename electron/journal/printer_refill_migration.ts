/**
 * A printer's counters remember where they stood at the last paper refill, so staff and the heartbeat see how much
 * was printed on the roll or tray in the printer now; staff reset it from maintenance after a refill.
 */
import type { Migration } from './migrations.js';

export const printerRefillMigration: Migration = {
  id: 131,
  name: 'printer-counters-refill',
  up(db) {
    db.exec(`
      ALTER TABLE printer_counters ADD COLUMN pages_at_refill INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE printer_counters ADD COLUMN tickets_at_refill INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE printer_counters ADD COLUMN refilled_at TEXT;
    `);
  },
};
