/**
 * Staff alerts gain `resident-help`: a resident pressed Help → "Call a member of staff". SQLite cannot change a
 * CHECK constraint in place, so the table is rebuilt with its rows (ids and acknowledgements kept).
 */
import type { Migration } from './migrations.js';

export const staffAlertsHelpMigration: Migration = {
  id: 24,
  name: 'staff-alerts-resident-help',
  up(db) {
    db.exec(`
      CREATE TABLE staff_alerts_next (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('document-not-printable', 'print-needs-attention', 'resident-help')),
        detail TEXT NOT NULL,
        print_job_id INTEGER REFERENCES print_jobs(id),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        acknowledged_at TEXT,
        acknowledged_by TEXT
      );
      INSERT INTO staff_alerts_next SELECT id, kind, detail, print_job_id, created_at, acknowledged_at, acknowledged_by
        FROM staff_alerts;
      DROP TABLE staff_alerts;
      ALTER TABLE staff_alerts_next RENAME TO staff_alerts;
      CREATE INDEX staff_alerts_open ON staff_alerts (acknowledged_at, id);
    `);
  },
};
