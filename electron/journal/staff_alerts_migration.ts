/**
 * Things a member of staff must come and deal with: a document that could not be printed at all (a character no
 * font covers), a print job whose outcome is unknown. Rows carry no personal data: a kind, a template name,
 * counts, ids of print jobs.
 */
import type { Migration } from './migrations.js';

export const staffAlertsMigration: Migration = {
  id: 20,
  name: 'staff-alerts',
  up(db) {
    db.exec(`
      CREATE TABLE staff_alerts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('document-not-printable', 'print-needs-attention')),
        detail TEXT NOT NULL,
        print_job_id INTEGER REFERENCES print_jobs(id),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        acknowledged_at TEXT,
        acknowledged_by TEXT
      );
      CREATE INDEX staff_alerts_open ON staff_alerts (acknowledged_at, id);
    `);
  },
};
