/**
 * A journal for print tests: opened on a file (so WAL, checkpoints and secure delete behave as on a kiosk), with
 * the store, the audit log and a pipeline over the given printers, started as the print service starts it.
 */
import type Database from 'better-sqlite3';
import { AuditLog } from '../../electron/journal/audit_log.js';
import { openJournal } from '../../electron/journal/journal_database.js';
import { PrintJobStore } from '../../electron/journal/print_job_store.js';
import { type PrinterRegistration, PrintPipeline } from '../../electron/journal/print_pipeline.js';
import { recordingLogger } from '../support/recording_logger.js';

export interface PrintTestJournal {
  db: Database.Database;
  store: PrintJobStore;
  audit: AuditLog;
  pipeline: PrintPipeline;
  /** What the store and the pipeline logged. */
  logger: ReturnType<typeof recordingLogger>;
  close(): void;
}

export function openPrintTestJournal(
  path: string,
  printers: readonly PrinterRegistration[],
  now: () => number = () => Date.now(),
): PrintTestJournal {
  const opened = openJournal(path);
  if (!opened.ok) throw new Error(`journal: ${opened.error.code}`);
  const db = opened.value;
  const logger = recordingLogger();
  const store = new PrintJobStore(db, logger, () => new Date(now()));
  const audit = new AuditLog(db, { now });
  const pipeline = new PrintPipeline({ store, printers, audit, logger });
  pipeline.start();
  return {
    db,
    store,
    audit,
    pipeline,
    logger,
    close() {
      pipeline.close();
      if (db.open) db.close();
    },
  };
}
