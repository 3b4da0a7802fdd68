/**
 * A print job names the resident session it was printed for in a column of its own (it used to be read from a
 * prefix of the idempotency key), and a voided job says why (`voided-by-staff`, `expired`). Who asked for a
 * reprint and why is a staff action: it now lives in the audit log, so those two columns go.
 */
import type { Migration } from './migrations.js';

export const printJobsSessionsMigration: Migration = {
  id: 60,
  name: 'print-jobs-sessions',
  up(db) {
    db.exec(`
      ALTER TABLE print_jobs ADD COLUMN session_id TEXT;
      ALTER TABLE print_jobs ADD COLUMN void_reason TEXT;
      ALTER TABLE print_jobs DROP COLUMN requested_by;
      ALTER TABLE print_jobs DROP COLUMN request_reason;
      CREATE INDEX print_jobs_by_session ON print_jobs (session_id, status) WHERE session_id IS NOT NULL;
    `);
  },
};
