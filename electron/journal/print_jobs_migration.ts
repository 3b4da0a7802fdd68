/**
 * Print jobs, their transitions, and per-printer counters.
 *
 * Retention: `payload` holds the bytes sent to the printer (a raster or a PDF: personal data). It is kept only
 * while the job may still need to be printed — `queued`, `sending`, `failed`, `needs-attention` — and set to
 * NULL in the same transaction that marks the job `confirmed` or `voided`. Rows themselves carry no personal
 * data (ids, template names, reasons, counts) and stay for the audit trail.
 */
import type { Migration } from './migrations.js';

export const printJobsMigration: Migration = {
  id: 10,
  name: 'print-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        printer_id TEXT NOT NULL,
        printer_kind TEXT NOT NULL CHECK (printer_kind IN ('ticket', 'document')),
        template TEXT NOT NULL,
        job_name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN
          ('queued', 'sending', 'sent', 'confirmed', 'failed', 'needs-attention', 'voided')),
        failure_reason TEXT,
        attention_reason TEXT,
        payload BLOB,
        payload_format TEXT NOT NULL CHECK (payload_format IN ('mono-bitmap', 'pdf')),
        bitmap_width INTEGER,
        bitmap_height INTEGER,
        pages INTEGER NOT NULL DEFAULT 1,
        attempts INTEGER NOT NULL DEFAULT 0,
        reprint_of INTEGER REFERENCES print_jobs(id),
        requested_by TEXT,
        request_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        confirmed_at TEXT,
        CHECK (payload IS NULL OR status NOT IN ('confirmed', 'voided'))
      ) STRICT;
      CREATE INDEX print_jobs_by_status ON print_jobs (status, printer_id);

      CREATE TABLE print_job_events (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES print_jobs(id),
        at TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        detail TEXT
      ) STRICT;
      CREATE INDEX print_job_events_by_job ON print_job_events (job_id);

      CREATE TABLE printer_counters (
        printer_id TEXT PRIMARY KEY,
        pages INTEGER NOT NULL DEFAULT 0,
        tickets INTEGER NOT NULL DEFAULT 0,
        paper_changes INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
