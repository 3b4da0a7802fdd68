/**
 * The print-job table as a state machine:
 *
 *   queued → sending → sent → confirmed
 *              │
 *              ├→ failed{reason}  → queued (resumed when the printer is ready again)
 *              └→ needs-attention → queued (staff chose reprint) | voided (staff chose not to)
 *
 * Every transition is a conditional UPDATE on the expected current status in one transaction with its event
 * row, so two callers can never move one job twice. Bytes are dropped in the transaction that confirms or voids,
 * and that transaction is a scrubbing one (journal_database.ts): once it commits, the bytes are gone from the
 * database file and its write-ahead log too.
 *
 * Who asked for a reprint or a void, and why, is not kept here: staff actions go to the audit log.
 */
import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../lib/result.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import { scrubbingTransaction } from './journal_database.js';
import type { PrintJobHoldReason } from './print_job_reasons.js';
import {
  decodePayload,
  encodePayload,
  type NewPrintJob,
  type PrinterCounters,
  type PrintJobRow,
  type PrintJobStatus,
  type PrintPayload,
  printerKindColumn,
  type RawRow,
  rowColumns,
  toRow,
  type VoidReason,
} from './print_job_rows.js';

export type {
  NewPrintJob,
  PrinterCounters,
  PrinterKind,
  PrintJobRow,
  PrintJobStatus,
  PrintPayload,
  VoidReason,
} from './print_job_rows.js';

export type TransitionError =
  | { code: 'job-not-found'; jobId: number }
  | { code: 'wrong-status'; jobId: number; status: PrintJobStatus };
export type TransitionResult = Result<void, TransitionError>;

export class PrintJobStore {
  constructor(
    private readonly db: Database.Database,
    /** Only for what the store does on its own: a checkpoint that could not finish. */
    private readonly logger: KioskLogger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records a job as `queued`, or returns the existing job with the same idempotency key. */
  insert(job: NewPrintJob, reprintOf: number | null = null): { job: PrintJobRow; created: boolean } {
    return this.db.transaction(() => {
      const existing = this.byKey(job.idempotencyKey);
      if (existing) return { job: existing, created: false };
      const at = this.now().toISOString();
      const { blob, width, height, pages } = encodePayload(job.payload);
      const result = this.db
        .prepare(
          `INSERT INTO print_jobs (idempotency_key, printer_id, printer_kind, template, job_name, session_id, status,
             payload, payload_format, bitmap_width, bitmap_height, pages, reprint_of, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          job.idempotencyKey,
          job.printerId,
          printerKindColumn(job.printerKind),
          job.template,
          job.jobName,
          job.sessionId,
          blob,
          job.payload.format,
          width,
          height,
          pages,
          reprintOf,
          at,
          at,
        );
      const id = Number(result.lastInsertRowid);
      this.event(id, null, 'queued', reprintOf === null ? null : `reprint of ${reprintOf}`, at);
      return { job: this.mustGet(id), created: true };
    })();
  }

  get(id: number): PrintJobRow | undefined {
    return this.select('WHERE id = ?', id)[0];
  }

  byKey(idempotencyKey: string): PrintJobRow | undefined {
    return this.select('WHERE idempotency_key = ?', idempotencyKey)[0];
  }

  /** The newest jobs first, in one query: what staff see in maintenance. */
  recent(limit: number): PrintJobRow[] {
    return this.select('ORDER BY id DESC LIMIT ?', limit);
  }

  /** A session's jobs that have not started printing (queued, or failed and waiting for the printer). */
  unprintedForSession(sessionId: string): PrintJobRow[] {
    return this.select("WHERE session_id = ? AND status IN ('queued', 'failed') ORDER BY id", sessionId);
  }

  withStatus(status: PrintJobStatus, printerId?: string): PrintJobRow[] {
    return printerId === undefined
      ? this.select('WHERE status = ? ORDER BY id', status)
      : this.select('WHERE status = ? AND printer_id = ? ORDER BY id', status, printerId);
  }

  payload(id: number): PrintPayload | undefined {
    const raw = this.db
      .prepare(
        'SELECT payload, payload_format, bitmap_width, bitmap_height, pages FROM print_jobs WHERE id = ?',
      )
      .get(id) as Parameters<typeof decodePayload>[0] | undefined;
    return raw ? decodePayload(raw) : undefined;
  }

  events(id: number): { fromStatus: string | null; toStatus: string; detail: string | null }[] {
    return (
      this.db
        .prepare('SELECT from_status, to_status, detail FROM print_job_events WHERE job_id = ? ORDER BY id')
        .all(id) as {
        from_status: string | null;
        to_status: string;
        detail: string | null;
      }[]
    ).map((e) => ({ fromStatus: e.from_status, toStatus: e.to_status, detail: e.detail }));
  }

  /** Commits `sending` (and counts the attempt) before a single byte goes to the printer. */
  markSending(id: number): TransitionResult {
    return this.move(id, ['queued'], 'sending', { attempts: true });
  }

  markSent(id: number): TransitionResult {
    return this.move(id, ['sending'], 'sent');
  }

  /** Confirms, drops the bytes and counts paper used, in one (scrubbing) transaction. */
  markConfirmed(id: number): TransitionResult {
    return this.scrubbing((): TransitionResult => {
      const moved = this.move(id, ['sent'], 'confirmed', { dropPayload: true, confirmed: true });
      if (!moved.ok) return moved;
      const job = this.mustGet(id);
      this.bumpCounters(
        job.printerId,
        job.printerKind === 'document-printer' ? { pages: job.pages } : { tickets: 1 },
      );
      return moved;
    });
  }

  markFailed(id: number, reason: string): TransitionResult {
    return this.move(id, ['sending'], 'failed', { failureReason: reason });
  }

  markNeedsAttention(id: number, reason: PrintJobHoldReason): TransitionResult {
    return this.move(id, ['sending', 'queued', 'failed'], 'needs-attention', { attentionReason: reason });
  }

  /** Back to the queue: a resumable failure after the printer recovered, or staff asked for a reprint. */
  requeue(id: number, detail: string, from: PrintJobStatus[] = ['failed']): TransitionResult {
    return this.move(id, from, 'queued', { detail });
  }

  /** Voids a job that has not printed, dropping its bytes (a scrubbing transaction). */
  void(id: number, reason: VoidReason): TransitionResult {
    return this.scrubbing(() =>
      this.move(id, ['needs-attention', 'failed', 'queued'], 'voided', {
        dropPayload: true,
        voidReason: reason,
      }),
    );
  }

  /** Staff's reprint of a job whose bytes are still here (needs-attention); the audit log says who and why. */
  requestReprint(id: number): TransitionResult {
    return this.move(id, ['needs-attention'], 'queued', { detail: 'reprint requested by staff' });
  }

  /**
   * Runs `body` in one transaction and, once it has committed, clears dropped bytes from the files. For callers
   * that join a drop with other writes (a void and its audit record).
   */
  scrubbing<T>(body: () => T): T {
    return scrubbingTransaction(this.db, this.logger, body);
  }

  /** Jobs still holding bytes whose last change is older than `before`: candidates for the retention limit. */
  unfinishedSince(before: Date): PrintJobRow[] {
    return this.select(
      "WHERE status IN ('queued', 'failed', 'needs-attention') AND updated_at < ? ORDER BY id",
      before.toISOString(),
    );
  }

  counters(printerId: string): PrinterCounters {
    const raw = this.db
      .prepare(
        `SELECT pages, tickets, paper_changes, pages_at_refill, tickets_at_refill, refilled_at
         FROM printer_counters WHERE printer_id = ?`,
      )
      .get(printerId) as
      | {
          pages: number;
          tickets: number;
          paper_changes: number;
          pages_at_refill: number;
          tickets_at_refill: number;
          refilled_at: string | null;
        }
      | undefined;
    return {
      printerId,
      pages: raw?.pages ?? 0,
      tickets: raw?.tickets ?? 0,
      paperChanges: raw?.paper_changes ?? 0,
      printedSinceRefill: raw ? raw.pages - raw.pages_at_refill + raw.tickets - raw.tickets_at_refill : 0,
      refilledAt: raw?.refilled_at ?? null,
    };
  }

  /** Staff refilled the paper: the count since the refill starts again from zero (the totals are kept). */
  resetPaperCounter(printerId: string): PrinterCounters {
    this.bumpCounters(printerId, {});
    this.db
      .prepare(
        `UPDATE printer_counters SET pages_at_refill = pages, tickets_at_refill = tickets, refilled_at = ?
         WHERE printer_id = ?`,
      )
      .run(this.now().toISOString(), printerId);
    return this.counters(printerId);
  }

  /** A maintenance test print: paper used outside any job, counted all the same. */
  recordTestPrint(printerId: string, printed: { pages: number } | { tickets: number }): void {
    this.bumpCounters(printerId, printed);
  }

  recordPaperChange(printerId: string): void {
    this.bumpCounters(printerId, { paperChanges: 1 });
  }

  private bumpCounters(
    printerId: string,
    by: { pages?: number; tickets?: number; paperChanges?: number },
  ): void {
    this.db
      .prepare(
        `INSERT INTO printer_counters (printer_id, pages, tickets, paper_changes, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (printer_id) DO UPDATE SET pages = pages + excluded.pages, tickets = tickets + excluded.tickets,
           paper_changes = paper_changes + excluded.paper_changes, updated_at = excluded.updated_at`,
      )
      .run(printerId, by.pages ?? 0, by.tickets ?? 0, by.paperChanges ?? 0, this.now().toISOString());
  }

  private move(
    id: number,
    from: PrintJobStatus[],
    to: PrintJobStatus,
    options: {
      attempts?: boolean;
      dropPayload?: boolean;
      confirmed?: boolean;
      failureReason?: string;
      attentionReason?: string;
      voidReason?: VoidReason;
      detail?: string;
    } = {},
  ): TransitionResult {
    return this.db.transaction((): TransitionResult => {
      const current = this.get(id);
      if (!current) return err({ code: 'job-not-found', jobId: id });
      if (!from.includes(current.status))
        return err({ code: 'wrong-status', jobId: id, status: current.status });
      const at = this.now().toISOString();
      this.db
        .prepare(
          `UPDATE print_jobs SET status = ?, updated_at = ?,
             attempts = attempts + ?,
             payload = CASE WHEN ? THEN NULL ELSE payload END,
             confirmed_at = CASE WHEN ? THEN ? ELSE confirmed_at END,
             failure_reason = CASE WHEN ? = 'failed' THEN ? ELSE failure_reason END,
             attention_reason = CASE WHEN ? = 'needs-attention' THEN ? ELSE attention_reason END,
             void_reason = CASE WHEN ? = 'voided' THEN ? ELSE void_reason END
           WHERE id = ? AND status = ?`,
        )
        .run(
          to,
          at,
          options.attempts ? 1 : 0,
          options.dropPayload ? 1 : 0,
          options.confirmed ? 1 : 0,
          at,
          to,
          options.failureReason ?? null,
          to,
          options.attentionReason ?? null,
          to,
          options.voidReason ?? null,
          id,
          current.status,
        );
      this.event(
        id,
        current.status,
        to,
        options.failureReason ?? options.attentionReason ?? options.voidReason ?? options.detail ?? null,
        at,
      );
      return ok();
    })();
  }

  private event(
    jobId: number,
    from: PrintJobStatus | null,
    to: PrintJobStatus,
    detail: string | null,
    at: string,
  ): void {
    this.db
      .prepare(
        'INSERT INTO print_job_events (job_id, at, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?)',
      )
      .run(jobId, at, from, to, detail);
  }

  private select(clause: string, ...params: (string | number)[]): PrintJobRow[] {
    const raws = this.db.prepare(`SELECT ${rowColumns} FROM print_jobs ${clause}`).all(...params) as RawRow[];
    return raws.map(toRow);
  }

  private mustGet(id: number): PrintJobRow {
    const row = this.get(id);
    if (!row) throw new Error(`print job ${id} vanished inside its own transaction`);
    return row;
  }
}
