/**
 * Staff alerts grow two kinds — a print job whose bytes were dropped at the retention limit, a transaction that
 * recovery could not settle — and a link to the transaction. Who acknowledged an alert moves to the audit log
 * (`alert-acknowledged`), so the column that held it goes. SQLite cannot widen a CHECK in place: the table is
 * rebuilt and its rows copied (acknowledgers recorded before this migration are not carried over; no kiosk was
 * in service yet).
 */
import type { Migration } from './migrations.js';

export const staffAlertsSubjectsMigration: Migration = {
  id: 50,
  name: 'staff-alerts-subjects',
  up(db) {
    db.exec(`
      CREATE TABLE staff_alerts_rebuilt (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('document-not-printable', 'print-needs-attention', 'print-job-expired',
          'transaction-needs-staff')),
        detail TEXT NOT NULL,
        print_job_id INTEGER REFERENCES print_jobs(id),
        transaction_id INTEGER REFERENCES transactions(id),
        created_at TEXT NOT NULL,
        acknowledged_at TEXT
      ) STRICT;
      INSERT INTO staff_alerts_rebuilt (id, kind, detail, print_job_id, created_at, acknowledged_at)
        SELECT id, kind, detail, print_job_id, created_at, acknowledged_at FROM staff_alerts;
      DROP TABLE staff_alerts;
      ALTER TABLE staff_alerts_rebuilt RENAME TO staff_alerts;
      CREATE INDEX staff_alerts_open ON staff_alerts (acknowledged_at, id);
    `);
  },
};
