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
 *   data. Staff reprint (recorded who/why) or void. Nothing is ever printed twice without a recorded request.
 * - Retention: bytes (personal data) live only until `confirmed` or `voided`. A job nobody resolves is voided
 *   by `expireUnresolved` after `maxAgeMs` (24 h by default; the maintenance loop calls it), bytes and all.
 * - Logs carry job ids, printer ids, template names and reasons only — never the bytes or what they show.
 */
import type { PrinterState } from '../../devices/device_status.js';
import type {
  DocumentPrinter,
  PrintFailure,
  PrintOutcome,
  TicketPrinter,
} from '../../devices/printer/printer.js';
import type {
  PrinterKind,
  PrintJobRow,
  PrintJobStatus,
  PrintJobStore,
  PrintPayload,
} from './print_job_store.js';

export type PrinterRegistration =
  | { id: string; kind: 'ticket'; printer: TicketPrinter }
  | { id: string; kind: 'document'; printer: DocumentPrinter };

export interface PrintRequest {
  idempotencyKey: string;
  printerId: string;
  template: string;
  /** Names the job in the spooler and in logs: never personal data. */
  jobName: string;
  payload: PrintPayload;
}

export type PrintPipelineEvent =
  | { type: 'job-queued'; jobId: number; printerId: string; template: string }
  | {
      type: 'job-waiting';
      jobId: number;
      printerId: string;
      printerState: PrinterState['state'];
      /** The printer's error code when it is in `error` (e.g. `queue-stopped` for a stopped CUPS queue). */
      printerCode?: string;
    }
  | { type: 'job-blocked'; jobId: number; printerId: string; reason: PrintFailure['reason'] }
  | { type: 'job-resumed'; jobId: number; printerId: string }
  | { type: 'job-confirmed'; jobId: number; printerId: string }
  | {
      type: 'job-needs-attention';
      jobId: number;
      printerId: string;
      reason: string;
      /** The driver's failure, when the job came back from the printer (absent for session holds, recovery). */
      failure?: PrintFailure['reason'];
    }
  | { type: 'job-voided'; jobId: number; printerId: string }
  | { type: 'paper-changed'; printerId: string };

export interface PipelineLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export type PipelineError =
  | { code: 'unknown-printer'; printerId: string }
  | { code: 'payload-mismatch'; printerId: string; expected: PrinterKind }
  | { code: 'job-not-found'; jobId: number }
  | { code: 'wrong-status'; jobId: number; status: PrintJobStatus };

export interface SubmitOutcome {
  jobId: number;
  /** True when the idempotency key was already known: nothing new was printed. */
  duplicate: boolean;
  status: PrintJobStatus;
  failureReason: string | null;
}

export type SubmitResult = { ok: true; value: SubmitOutcome } | { ok: false; error: PipelineError };

export interface RecoveryReport {
  needsAttention: number[];
  confirmed: number[];
}

/** How long the bytes of a job nobody resolved may stay on disk. */
export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

const resumableReasons = new Set<PrintFailure['reason']>(['no-paper', 'cover-open', 'disconnected']);

/** What staff read for a job that needs them (the details are spooler states and codes, never personal data). */
function attentionReason(failure: PrintFailure): string {
  switch (failure.reason) {
    case 'error':
      return `printer-error: ${failure.detail}`;
    case 'timeout':
      return 'printer-timeout: outcome unknown';
    case 'queue-stopped':
      return 'queue-stopped: not printed';
    case 'job-aborted':
      return `job-aborted: not printed (${failure.detail})`;
    case 'spooler-unavailable':
      return `spooler-unavailable: not printed (${failure.detail})`;
    case 'no-paper':
    case 'cover-open':
    case 'disconnected':
      return `printer-${failure.reason}`;
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/** Busy still takes jobs (the driver serialises them); paper-low still prints. */
function usable(state: PrinterState): boolean {
  return state.state === 'ready' || state.state === 'paper-low' || state.state === 'busy';
}

export class PrintPipeline {
  private readonly printers = new Map<string, PrinterRegistration>();
  private readonly listeners = new Set<(event: PrintPipelineEvent) => void>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly unsubscribes: (() => void)[] = [];
  private readonly lastState = new Map<string, PrinterState['state']>();

  constructor(
    private readonly store: PrintJobStore,
    printers: readonly PrinterRegistration[],
    private readonly logger?: PipelineLogger,
  ) {
    for (const registration of printers) {
      this.printers.set(registration.id, registration);
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
    const unfinished: [PrintJobStatus, string][] = [
      ['sending', 'interrupted-while-sending: outcome unknown, check the printer output'],
      ['queued', 'not-printed-before-restart: the resident session ended'],
      ['failed', 'not-printed-before-restart: the resident session ended'],
    ];
    for (const [status, reason] of unfinished) {
      for (const job of this.store.withStatus(status)) {
        if (this.store.markNeedsAttention(job.id, reason).ok) {
          report.needsAttention.push(job.id);
          this.logger?.warn(
            { jobId: job.id, printerId: job.printerId, from: status },
            'print job needs attention after restart',
          );
          this.emit({ type: 'job-needs-attention', jobId: job.id, printerId: job.printerId, reason });
        }
      }
    }
    return report;
  }

  /** Records the job (or finds it by idempotency key) and prints it if the printer can. */
  async submit(request: PrintRequest): Promise<SubmitResult> {
    const registration = this.printers.get(request.printerId);
    if (!registration) return { ok: false, error: { code: 'unknown-printer', printerId: request.printerId } };
    const expected: PrintPayload['format'] = registration.kind === 'ticket' ? 'mono-bitmap' : 'pdf';
    if (request.payload.format !== expected) {
      return {
        ok: false,
        error: { code: 'payload-mismatch', printerId: request.printerId, expected: registration.kind },
      };
    }
    const { job, created } = this.store.insert({ ...request, printerKind: registration.kind });
    if (!created) {
      this.logger?.info({ jobId: job.id, status: job.status }, 'duplicate print request ignored');
      return { ok: true, value: this.outcome(job.id, true) };
    }
    this.logger?.info(
      { jobId: job.id, printerId: job.printerId, template: job.template },
      'print job queued',
    );
    this.emit({ type: 'job-queued', jobId: job.id, printerId: job.printerId, template: job.template });
    await this.drain(request.printerId);
    return { ok: true, value: this.outcome(job.id, false) };
  }

  /**
   * The resident this job was for has gone (their session ended) before it printed: it must not print into an
   * unattended tray later. Queued or failed jobs go to staff (`needs-attention`); a job mid-print is left alone.
   */
  holdForStaff(jobId: number, reason: string): boolean {
    const job = this.store.get(jobId);
    if (!job || (job.status !== 'queued' && job.status !== 'failed')) return false;
    if (!this.store.markNeedsAttention(jobId, reason).ok) return false;
    this.logger?.warn({ jobId, printerId: job.printerId }, 'print job held for staff');
    this.emit({ type: 'job-needs-attention', jobId, printerId: job.printerId, reason });
    return true;
  }

  /** Staff reprint of a `needs-attention` job with its kept bytes. */
  async reprint(jobId: number, by: string, reason: string): Promise<SubmitResult> {
    const moved = this.store.requestReprint(jobId, by, reason);
    if (!moved.ok) return moved;
    const job = this.store.get(jobId);
    if (!job) return { ok: false, error: { code: 'job-not-found', jobId } };
    this.logger?.info({ jobId, printerId: job.printerId }, 'reprint requested by staff');
    await this.drain(job.printerId);
    return { ok: true, value: this.outcome(jobId, false) };
  }

  /** A reprint of a finished job: its bytes are gone, so the caller renders again; recorded as a new job. */
  async reprintConfirmed(
    originalJobId: number,
    payload: PrintPayload,
    by: string,
    reason: string,
  ): Promise<SubmitResult> {
    const original = this.store.get(originalJobId);
    if (!original) return { ok: false, error: { code: 'job-not-found', jobId: originalJobId } };
    if (original.status !== 'confirmed')
      return { ok: false, error: { code: 'wrong-status', jobId: originalJobId, status: original.status } };
    const { job } = this.store.insert(
      {
        idempotencyKey: `${original.idempotencyKey}#reprint-${Date.now()}`,
        printerId: original.printerId,
        printerKind: original.printerKind,
        template: original.template,
        jobName: original.jobName,
        payload,
      },
      { of: originalJobId, by, reason },
    );
    this.emit({ type: 'job-queued', jobId: job.id, printerId: job.printerId, template: job.template });
    await this.drain(job.printerId);
    return { ok: true, value: this.outcome(job.id, false) };
  }

  voidJob(jobId: number, by: string, reason: string): SubmitResult {
    const moved = this.store.void(jobId, `voided by ${by}: ${reason}`);
    if (!moved.ok) return moved;
    const job = this.store.get(jobId);
    if (job) this.emit({ type: 'job-voided', jobId, printerId: job.printerId });
    return { ok: true, value: this.outcome(jobId, false) };
  }

  /** Voids jobs left unresolved longer than the retention limit, dropping their bytes. Returns their ids. */
  expireUnresolved(now: Date = new Date(), maxAgeMs: number = DEFAULT_RETENTION_MS): number[] {
    const expired: number[] = [];
    for (const job of this.store.unfinishedSince(new Date(now.getTime() - maxAgeMs))) {
      if (
        this.store.void(
          job.id,
          `retention limit: unresolved for more than ${Math.round(maxAgeMs / 3_600_000)} h`,
        ).ok
      ) {
        expired.push(job.id);
        this.logger?.info({ jobId: job.id, printerId: job.printerId }, 'unresolved print job expired');
        this.emit({ type: 'job-voided', jobId: job.id, printerId: job.printerId });
      }
    }
    return expired;
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
      outcome = await this.callPrinter(registration, payload, job.jobName);
    } catch (error) {
      // Drivers must not throw; if one does, the outcome is unknown.
      outcome = {
        ok: false,
        failure: { reason: 'error', detail: error instanceof Error ? error.name : 'thrown' },
      };
    }
    if (outcome.ok) {
      this.store.markSent(job.id);
      this.store.markConfirmed(job.id);
      this.logger?.info({ jobId: job.id, printerId: job.printerId }, 'print job confirmed');
      this.emit({ type: 'job-confirmed', jobId: job.id, printerId: job.printerId });
      return true;
    }
    const { failure } = outcome;
    // Drivers push their state too; reading it here keeps paper-change counting right if that event is late.
    this.lastState.set(job.printerId, registration.printer.status().state);
    if (resumableReasons.has(failure.reason)) {
      this.store.markFailed(job.id, failure.reason);
      this.logger?.warn(
        { jobId: job.id, printerId: job.printerId, reason: failure.reason },
        'print job blocked',
      );
      this.emit({ type: 'job-blocked', jobId: job.id, printerId: job.printerId, reason: failure.reason });
      return false;
    }
    const reason = attentionReason(failure);
    this.store.markNeedsAttention(job.id, reason);
    this.logger?.warn(
      { jobId: job.id, printerId: job.printerId, reason: failure.reason },
      'print job needs attention',
    );
    this.emit({
      type: 'job-needs-attention',
      jobId: job.id,
      printerId: job.printerId,
      reason,
      failure: failure.reason,
    });
    return false;
  }

  private callPrinter(
    registration: PrinterRegistration,
    payload: PrintPayload,
    jobName: string,
  ): Promise<PrintOutcome> {
    switch (registration.kind) {
      case 'ticket':
        if (payload.format !== 'mono-bitmap')
          return Promise.resolve({ ok: false, failure: { reason: 'error', detail: 'payload-mismatch' } });
        return registration.printer.printRaster(payload.bitmap);
      case 'document':
        if (payload.format !== 'pdf')
          return Promise.resolve({ ok: false, failure: { reason: 'error', detail: 'payload-mismatch' } });
        return registration.printer.printPdf(payload.pdf, jobName);
      default: {
        const unreachable: never = registration;
        throw new Error(`unknown printer ${JSON.stringify(unreachable)}`);
      }
    }
  }
}
