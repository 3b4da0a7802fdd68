/**
 * The print pipeline: records a job, sends it through the printer interface, and keeps it through faults.
 *
 * Rules (the journal is the source of truth; the printer interface is the only way to paper):
 * - A job is committed `queued`, then `sending` BEFORE any byte leaves, then `sent` when the driver reports the
 *   printer's confirmation, then `confirmed` (bytes dropped, counters bumped).
 * - The printer not ready (no paper, cover open, unplugged): the job stays `queued` and `job-waiting` is emitted.
 * - The printer fails mid-job with no-paper / cover-open / disconnected: the job becomes `failed{reason}` (the
 *   driver knows it did not complete) and `job-blocked` is emitted; when the printer reports a usable state the
 *   job is re-queued (`job-resumed`) and printed again whole.
 * - A timeout or unrecognised error means the outcome is unknown: `needs-attention`, never an automatic retry.
 * - The spooler stopped its queue, ended the job without printing it (the driver cancelled it there), or cannot be
 *   reached: not printed, and not to be printed later by itself — `needs-attention`, the reason kept for staff.
 * - Recovery at start: `sending` → `needs-attention` (outcome unknown: staff look at the tray and reprint or void);
 *   `sent` → `confirmed` (the printer had confirmed it); `queued`/`failed` → `needs-attention` too, because the
 *   resident's session ended with the restart and a document printed into an unattended tray would expose their
 *   data. Staff reprint or void. Nothing is ever printed twice without a recorded request.
 * - Staff actions (reprint, void) and the retention limit's voids are written to the audit log with who and why,
 *   in the same database transaction as the change they record.
 * - Retention: bytes (personal data) live only until `confirmed` or `voided`. A job nobody resolves is voided
 *   (`expired`) by `expireUnresolved` once it has waited longer than the retention limit; the print service runs
 *   it on a schedule (`journal.unresolvedPayloadHours`).
 * - The constructor only records its arguments; `start()` subscribes to the printers and `close()` lets go.
 * - Logs carry job ids, printer ids, template names and reasons only — never the bytes or what they show.
 */
import { randomUUID } from 'node:crypto';
import type { PrinterState } from '../../devices/device_status.js';
import type { PrintOutcome } from '../../devices/printer/index.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { AuditLog } from './audit_log.js';
import type { PrintJobHoldReason } from './print_job_reasons.js';
import type { PrintJobRow, PrintJobStatus, PrintJobStore, PrintPayload } from './print_job_store.js';
import type {
  PipelineError,
  PrintPipelineEvent,
  PrintRequest,
  RecoveryReport,
  StaffActionResult,
  SubmitOutcome,
  SubmitResult,
} from './print_pipeline_types.js';
import {
  attentionReason,
  type PrinterRegistration,
  resumableReasons,
  sendToPrinter,
  usable,
} from './printer_registration.js';

export type * from './print_pipeline_types.js';
export type { PrinterRegistration } from './printer_registration.js';

export interface PrintPipelineOptions {
  store: PrintJobStore;
  printers: readonly PrinterRegistration[];
  audit: AuditLog;
  logger: KioskLogger;
}

export class PrintPipeline {
  private readonly store: PrintJobStore;
  private readonly audit: AuditLog;
  private readonly logger: KioskLogger;
  private readonly printers = new Map<string, PrinterRegistration>();
  private readonly listeners = new Set<(event: PrintPipelineEvent) => void>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly unsubscribes: (() => void)[] = [];
  private readonly lastState = new Map<string, PrinterState['state']>();

  constructor(options: PrintPipelineOptions) {
    this.store = options.store;
    this.audit = options.audit;
    this.logger = options.logger;
    for (const registration of options.printers) this.printers.set(registration.id, registration);
  }

  /** Follows the printers' states: resumes blocked jobs when a printer is usable again, counts paper changes. */
  start(): void {
    if (this.unsubscribes.length > 0) return;
    for (const registration of this.printers.values()) {
      this.lastState.set(registration.id, registration.printer.status().state);
      this.unsubscribes.push(
        registration.printer.onStatus((state) => this.onPrinterStatus(registration.id, state)),
      );
    }
  }

  onEvent(listener: (event: PrintPipelineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Run once at start, before accepting new jobs. See the module comment for the rule. */
  recover(): RecoveryReport {
    const report: RecoveryReport = { needsAttention: [], confirmed: [] };
    for (const job of this.store.withStatus('sent')) {
      if (this.store.markConfirmed(job.id).ok) {
        report.confirmed.push(job.id);
        this.emit({ type: 'job-confirmed', jobId: job.id, printerId: job.printerId });
      }
    }
    // Sending: the outcome is unknown (staff check the printer's output); queued or failed: the session has ended.
    const unfinished: [PrintJobStatus, PrintJobHoldReason][] = [
      ['sending', 'interrupted-while-sending'],
      ['queued', 'not-printed-before-restart'],
      ['failed', 'not-printed-before-restart'],
    ];
    for (const [status, reason] of unfinished) {
      for (const job of this.store.withStatus(status)) {
        if (this.store.markNeedsAttention(job.id, reason).ok) {
          report.needsAttention.push(job.id);
          this.logger.log('print-job-needs-attention', {
            jobId: job.id,
            printerId: job.printerId,
            from: status,
            cause: 'restart',
          });
          this.emit({ type: 'job-needs-attention', jobId: job.id, printerId: job.printerId, reason });
        }
      }
    }
    return report;
  }

  /** Records the job (or finds it by idempotency key) and prints it if the printer can. */
  async submit(request: PrintRequest): Promise<SubmitResult> {
    const registration = this.printers.get(request.printerId);
    if (!registration) return err({ code: 'unknown-printer', printerId: request.printerId });
    const expected: PrintPayload['format'] = registration.kind === 'ticket-printer' ? 'mono-bitmap' : 'pdf';
    if (request.payload.format !== expected) {
      return {
        ok: false,
        error: { code: 'payload-mismatch', printerId: request.printerId, expected: registration.kind },
      };
    }
    const { job, created } = this.store.insert({
      ...request,
      sessionId: request.sessionId ?? null,
      printerKind: registration.kind,
    });
    if (!created) {
      this.logger.log('print-job-duplicate-ignored', { jobId: job.id, status: job.status });
      return ok(this.outcome(job.id, true));
    }
    this.logger.log('print-job-queued', { jobId: job.id, printerId: job.printerId, template: job.template });
    this.emit({ type: 'job-queued', jobId: job.id, printerId: job.printerId, template: job.template });
    await this.drain(request.printerId);
    return ok(this.outcome(job.id, false));
  }

  /**
   * The resident this job was for has gone (their session ended) before it printed: it must not print into an
   * unattended tray later. Queued or failed jobs go to staff (`needs-attention`); a job mid-print is left alone.
   */
  holdForStaff(jobId: number, reason: PrintJobHoldReason): boolean {
    const job = this.store.get(jobId);
    if (!job || (job.status !== 'queued' && job.status !== 'failed')) return false;
    if (!this.store.markNeedsAttention(jobId, reason).ok) return false;
    this.logger.log('print-job-held-for-staff', { jobId, printerId: job.printerId });
    this.emit({ type: 'job-needs-attention', jobId, printerId: job.printerId, reason });
    return true;
  }

  /** Staff reprint of a `needs-attention` job with its kept bytes. */
  async reprint(jobId: number, staffId: string, reason: string): Promise<StaffActionResult> {
    const moved = this.audit.recorded(
      { staffId },
      () => this.store.requestReprint(jobId),
      () => ({ kind: 'print-job-reprinted', printJobId: jobId, reason }),
    );
    if (!moved.ok) return moved;
    const job = this.store.get(jobId);
    if (!job) return err({ code: 'job-not-found', jobId });
    this.logger.log('print-job-reprint-requested', { jobId, printerId: job.printerId });
    await this.drain(job.printerId);
    return ok(this.outcome(jobId, false));
  }

  /** A reprint of a finished job: its bytes are gone, so the caller renders again; recorded as a new job. */
  async reprintConfirmed(
    originalJobId: number,
    payload: PrintPayload,
    staffId: string,
    reason: string,
  ): Promise<StaffActionResult> {
    const inserted = this.audit.recorded(
      { staffId },
      (): Result<PrintJobRow, PipelineError> => {
        const original = this.store.get(originalJobId);
        if (!original) return err({ code: 'job-not-found', jobId: originalJobId });
        if (original.status !== 'confirmed')
          return err({ code: 'wrong-status', jobId: originalJobId, status: original.status });
        const { job } = this.store.insert(
          {
            idempotencyKey: `reprint:${randomUUID()}`,
            printerId: original.printerId,
            printerKind: original.printerKind,
            template: original.template,
            jobName: original.jobName,
            sessionId: null,
            payload,
          },
          originalJobId,
        );
        return ok(job);
      },
      (job) => ({ kind: 'print-job-reprinted', printJobId: originalJobId, newPrintJobId: job.id, reason }),
    );
    if (!inserted.ok) return inserted;
    const job = inserted.value;
    this.emit({ type: 'job-queued', jobId: job.id, printerId: job.printerId, template: job.template });
    await this.drain(job.printerId);
    return ok(this.outcome(job.id, false));
  }

  voidJob(jobId: number, staffId: string, reason: string): StaffActionResult {
    const moved = this.store.scrubbing(() =>
      this.audit.recorded(
        { staffId },
        () => this.store.void(jobId, 'voided-by-staff'),
        () => ({ kind: 'print-job-voided', printJobId: jobId, reason }),
      ),
    );
    if (!moved.ok) return moved;
    const job = this.store.get(jobId);
    if (job) this.emit({ type: 'job-voided', jobId, printerId: job.printerId });
    return ok(this.outcome(jobId, false));
  }

  /**
   * Voids (`expired`) every job still holding bytes whose last change is older than the retention limit, each
   * with its audit record, and clears the bytes from the files. Returns the expired jobs' ids.
   */
  expireUnresolved(now: Date, retentionHours: number): number[] {
    const cutoff = new Date(now.getTime() - retentionHours * 3_600_000);
    const expired = this.store.scrubbing(() =>
      this.store.unfinishedSince(cutoff).filter(
        (job) =>
          this.audit.recorded(
            'system',
            () => this.store.void(job.id, 'expired'),
            () => ({ kind: 'print-job-expired', printJobId: job.id, retentionHours }),
          ).ok,
      ),
    );
    for (const job of expired) {
      this.logger.log('print-job-expired', { jobId: job.id, printerId: job.printerId, retentionHours });
      this.emit({ type: 'job-expired', jobId: job.id, printerId: job.printerId, retentionHours });
    }
    return expired.map((job) => job.id);
  }

  /** The job recorded under an idempotency key, if any (lets callers skip rendering a duplicate). */
  jobByKey(idempotencyKey: string): PrintJobRow | undefined {
    return this.store.byKey(idempotencyKey);
  }

  /** Waits for every printer's queue to go idle (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  close(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes.length = 0;
    this.listeners.clear();
  }

  private outcome(jobId: number, duplicate: boolean): SubmitOutcome {
    const job = this.store.get(jobId);
    return { jobId, duplicate, status: job?.status ?? 'voided', failureReason: job?.failureReason ?? null };
  }

  private emit(event: PrintPipelineEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private onPrinterStatus(printerId: string, state: PrinterState): void {
    const previous = this.lastState.get(printerId);
    this.lastState.set(printerId, state.state);
    if (previous === 'no-paper' && usable(state)) {
      this.store.recordPaperChange(printerId);
      this.emit({ type: 'paper-changed', printerId });
    }
    if (!usable(state)) return;
    const failed = this.store.withStatus('failed', printerId);
    for (const job of failed) {
      if (this.store.requeue(job.id, 'printer ready').ok)
        this.emit({ type: 'job-resumed', jobId: job.id, printerId });
    }
    if (failed.length > 0 || this.store.withStatus('queued', printerId).length > 0)
      void this.drain(printerId);
  }

  /** One send at a time per printer, in job order. */
  private drain(printerId: string): Promise<void> {
    const previous = this.chains.get(printerId) ?? Promise.resolve();
    const next = previous.then(() => this.drainNow(printerId));
    this.chains.set(printerId, next);
    return next;
  }

  private async drainNow(printerId: string): Promise<void> {
    const registration = this.printers.get(printerId);
    if (!registration) return;
    for (;;) {
      const job = this.store.withStatus('queued', printerId)[0];
      if (!job) return;
      const state = registration.printer.status();
      if (!usable(state)) {
        for (const waiting of this.store.withStatus('queued', printerId)) {
          this.emit({
            type: 'job-waiting',
            jobId: waiting.id,
            printerId,
            printerState: state.state,
            ...(state.state === 'error' ? { printerCode: state.code } : {}),
          });
        }
        return;
      }
      if (!(await this.send(registration, job))) return;
    }
  }

  /** Sends one job; true if the printer can take the next one. */
  private async send(registration: PrinterRegistration, job: PrintJobRow): Promise<boolean> {
    const payload = this.store.payload(job.id);
    if (!payload) {
      this.store.markNeedsAttention(job.id, 'payload-missing');
      return true;
    }
    if (!this.store.markSending(job.id).ok) return true;
    let outcome: PrintOutcome;
    try {
      outcome = await sendToPrinter(registration, payload, job.jobName);
    } catch (error) {
      // Drivers must not throw; if one does, the outcome is unknown.
      outcome = err({ reason: 'error', detail: error instanceof Error ? error.name : 'thrown' });
    }
    if (outcome.ok) {
      this.store.markSent(job.id);
      this.store.markConfirmed(job.id);
      this.logger.log('print-job-confirmed', { jobId: job.id, printerId: job.printerId });
      this.emit({ type: 'job-confirmed', jobId: job.id, printerId: job.printerId });
      return true;
    }
    const failure = outcome.error;
    // Drivers push their state too; reading it here keeps paper-change counting right if that event is late.
    this.lastState.set(job.printerId, registration.printer.status().state);
    if (resumableReasons.has(failure.reason)) {
      this.store.markFailed(job.id, failure.reason);
      this.logger.log('print-job-blocked', {
        jobId: job.id,
        printerId: job.printerId,
        reason: failure.reason,
      });
      this.emit({ type: 'job-blocked', jobId: job.id, printerId: job.printerId, reason: failure.reason });
      return false;
    }
    const reason = attentionReason(failure);
    this.store.markNeedsAttention(job.id, reason);
    this.logger.log('print-job-needs-attention', {
      jobId: job.id,
      printerId: job.printerId,
      reason: failure.reason,
      // The printer's or spooler's own words (an errno, an IPP status), which the held reason does not keep.
      ...('detail' in failure ? { detail: failure.detail } : {}),
    });
    this.emit({
      type: 'job-needs-attention',
      jobId: job.id,
      printerId: job.printerId,
      reason,
      failure: failure.reason,
    });
    return false;
  }
}
