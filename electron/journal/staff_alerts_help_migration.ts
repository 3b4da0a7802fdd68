/**
 * Staff alerts gain `resident-help`: a resident pressed Help → "Call a member of staff" (electron/services/
 * staff_help.ts). SQLite cannot widen a CHECK constraint in place, so the table is rebuilt with its rows (ids,
 * subjects and acknowledgement times kept; who acknowledged lives in the audit log and is untouched).
 */
import type { Migration } from './migrations.js';

export const staffAlertsHelpMigration: Migration = {
  id: 70,
  name: 'staff-alerts-resident-help',
  up(db) {
    db.exec(`
      CREATE TABLE staff_alerts_rebuilt (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('document-not-printable', 'print-needs-attention', 'print-job-expired',
          'transaction-needs-staff', 'resident-help')),
        detail TEXT NOT NULL,
        print_job_id INTEGER REFERENCES print_jobs(id),
        transaction_id INTEGER REFERENCES transactions(id),
        created_at TEXT NOT NULL,
        acknowledged_at TEXT
      ) STRICT;
      INSERT INTO staff_alerts_rebuilt (id, kind, detail, print_job_id, transaction_id, created_at, acknowledged_at)
        SELECT id, kind, detail, print_job_id, transaction_id, created_at, acknowledged_at FROM staff_alerts;
      DROP TABLE staff_alerts;
      ALTER TABLE staff_alerts_rebuilt RENAME TO staff_alerts;
      CREATE INDEX staff_alerts_open ON staff_alerts (acknowledged_at, id);
    `);
  },
};
