/**
 * The journal's costs on a real file (WAL, synchronous FULL, secure_delete): what a print job's confirmation costs
 * now that it scrubs the bytes from the file and truncates the WAL, how large the files stay, how fast the audit
 * log appends and verifies, and what a whole resident transaction costs in journal writes.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrintOutcome } from '../devices/printer/printer.js';
import { AuditLog } from '../electron/journal/audit_log.js';
import { checkpointJournal, openJournal } from '../electron/journal/journal_database.js';
import { PrintJobStore } from '../electron/journal/print_job_store.js';
import { PrintPipeline } from '../electron/journal/print_pipeline.js';
import { StaffAlertStore } from '../electron/journal/staff_alerts.js';
import { TransactionJournal } from '../electron/journal/transaction_journal.js';
import { createKioskLogger } from '../electron/logging/kiosk_logger.js';
import { ok } from '../lib/result.js';
import type { BenchResult } from './bench_result.js';

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

function timings(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

const ms = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e6;
const size = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** A printer that confirms at once: the figures are the journal's, not a device's. */
const instantPrinter = {
  status: () => ({ state: 'ready' as const }),
  onStatus: () => () => {},
  printPdf: async (): Promise<PrintOutcome> => ok(),
  printRaster: async (): Promise<PrintOutcome> => ok(),
};

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-journal-'));
  const path = join(dir, 'journal.sqlite');
  try {
    const opened = openJournal(path);
    if (!opened.ok) throw new Error(opened.error.code);
    const db = opened.value;
    const clock = { now: () => Date.now(), setTimeout: () => () => {} };
    const audit = new AuditLog(db, clock);
    // A real logger that writes nothing: the bench times the journal, not the log's stream.
    const logger = createKioskLogger({ level: 'silent' });
    const store = new PrintJobStore(db, logger);
    const pipeline = new PrintPipeline({
      store,
      audit,
      logger,
      printers: [{ id: 'a4', kind: 'document-printer', printer: instantPrinter }],
    });

    // 1. An A4 proof of identity (a 60 KB PDF) from submit to confirmed, bytes scrubbed and the WAL truncated.
    const pdf = new Uint8Array(60_000).map((_, i) => (i * 31) & 0xff);
    const jobs = 300;
    const confirmSamples: number[] = [];
    for (let i = 0; i < jobs; i++) {
      const started = process.hrtime.bigint();
      const printed = await pipeline.submit({
        idempotencyKey: `bench-${i}`,
        printerId: 'a4',
        template: 'identity-proof',
        jobName: 'balcao-identity-proof',
        payload: { format: 'pdf', pdf, pages: 1 },
      });
      confirmSamples.push(ms(started));
      if (!printed.ok || printed.value.status !== 'confirmed') throw new Error('bench job did not confirm');
    }
    const confirm = timings(confirmSamples);
    const sizesAfterJobs = { db: size(path), wal: size(`${path}-wal`) };

    // The checkpoint alone, after one more unscrubbed write of the same size (the part the fix adds).
    const checkpointSamples: number[] = [];
    for (let i = 0; i < 50; i++) {
      db.prepare('CREATE TABLE IF NOT EXISTS scratch (b BLOB)').run();
      db.prepare('INSERT INTO scratch VALUES (?)').run(Buffer.from(pdf));
      db.prepare('DELETE FROM scratch').run();
      const started = process.hrtime.bigint();
      checkpointJournal(db);
      checkpointSamples.push(ms(started));
    }
    const checkpoint = timings(checkpointSamples);

    // 2. The audit log: appends (each its own durable transaction), then a full verification.
    const appendSamples: number[] = [];
    const auditRows = 10_000;
    for (let i = 0; i < auditRows; i++) {
      const started = process.hrtime.bigint();
      audit.append({ staffId: 'staff-042' }, { kind: 'alert-acknowledged', alertId: i + 1 });
      appendSamples.push(ms(started));
    }
    const append = timings(appendSamples);
    const verifyStarted = process.hrtime.bigint();
    const verified = audit.verify();
    const verifyMs = ms(verifyStarted);
    if (!verified.ok) throw new Error('bench audit log did not verify');

    // 3. A whole collection transaction: start, identify, key, reserve, dispense, key, confirm.
    const alerts = new StaffAlertStore(db, { clock, audit, logger });
    const transactions = new TransactionJournal(db, { clock, audit, alerts });
    const txSamples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = process.hrtime.bigint();
      const tx = transactions.start('collection', 'bench-session');
      if (!tx.ok) throw new Error('start');
      const id = tx.value.id;
      transactions.advance(id, 'identified');
      transactions.recordCall(id, 'reserve');
      transactions.advance(id, 'reserved');
      transactions.advance(id, 'dispensed');
      transactions.recordCall(id, 'confirm');
      transactions.advance(id, 'confirmed');
      txSamples.push(ms(started));
    }
    const transaction = timings(txSamples);
    db.close();

    return [
      {
        name: 'print job submit → confirmed, 60 KB PDF scrubbed (p95)',
        value: confirm.p95,
        unit: 'ms',
        details: { p50: confirm.p50, jobs },
      },
      {
        name: 'WAL truncating checkpoint after a 60 KB drop (p95)',
        value: checkpoint.p95,
        unit: 'ms',
        details: checkpoint,
      },
      {
        name: `database file after ${jobs} confirmed A4 jobs`,
        value: sizesAfterJobs.db,
        unit: 'bytes',
        details: { walBytes: sizesAfterJobs.wal },
      },
      { name: 'audit append, durable (p95)', value: append.p95, unit: 'ms', details: { p50: append.p50 } },
      {
        name: `audit verify of ${auditRows} rows`,
        value: verifyMs,
        unit: 'ms',
        details: { rowsPerSecond: Math.round(auditRows / (verifyMs / 1000)) },
      },
      {
        name: 'collection transaction, 7 journal writes (p95)',
        value: transaction.p95,
        unit: 'ms',
        details: { p50: transaction.p50 },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
