/**
 * Two things a flow that releases documents needs of the journal:
 *
 * - `transactions.subject`: what a transaction is about, as the backend names it (a collection id, a booking
 *   reference, an application id). An opaque id, never personal data; recovery needs it to ask the backend again
 *   about the right thing after a crash.
 * - a staff alert kind `device-needs-staff`: a device stopped a resident's transaction and only a person can put it
 *   right (a dispenser jammed or empty, a locker door that would not open). SQLite cannot widen a CHECK in place:
 *   the alerts table is rebuilt and its rows copied, as migrations 50 and 70 did (numbered after the staff lock-out, printer refill and heartbeat queue migrations of 130–132).
 */
import type { Migration } from './migrations.js';

export const transactionSubjectsMigration: Migration = {
  id: 140,
  name: 'transaction-subjects-device-alerts',
  up(db) {
    db.exec(`
      ALTER TABLE transactions ADD COLUMN subject TEXT;

      CREATE TABLE staff_alerts_rebuilt (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('document-not-printable', 'print-needs-attention', 'print-job-expired',
          'transaction-needs-staff', 'resident-help', 'device-needs-staff')),
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
