import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PrinterState } from '../../devices/device_status.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { KioskConfig } from '../config/config_schema.js';
import type { AuditAppendError, AuditLog } from '../journal/audit_log.js';
import { failureReasonOf, holdReasonOf, type StaffJobReason } from '../journal/print_job_reasons.js';
import { type PrinterCounters, type PrintJobRow, PrintJobStore } from '../journal/print_job_store.js';
import {
  PrintPipeline,
  type PrintPipelineEvent,
  type RecoveryReport,
  type StaffActionResult,
} from '../journal/print_pipeline.js';
import type { AcknowledgeError, StaffAlert, StaffAlertStore } from '../journal/staff_alerts.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import { type DocumentPrintError, DocumentPrintService } from '../printed/document_print_service.js';
import type { RenderedDocument, TemplateId } from '../printed/document_renderer.js';
import { sampleInput } from '../printed/samples/sample_inputs.js';
import { paperOfJob } from '../printed/template_ids.js';
import { generateSigningKey, type TerminalSigningKey } from '../printed/verification/document_signing.js';
import type { EventBus } from '../rpc/event_bus.js';
import type { StaffJob } from '../rpc/flows/maintenance_views.js';
import type { PrintJobView } from '../rpc/print_contract.js';
import type { Clock } from './clock.js';
import type { DeviceHub } from './device_hub.js';
import type { SessionService } from './session_service.js';

type JobState = PrintJobView['state'];
type JobReason = PrintJobView['reason'];

const reasonOf = (state: PrinterState['state'] | string): JobReason => {
  switch (state) {
    case 'no-paper':
    case 'cover-open':
    case 'disconnected':
    case 'timeout':
      return state;
    default:
      return 'error';
  }
};

/** The spooler's faults the resident is told about by name (a printer error code, or a job's failure reason). */
function notPrintedReason(failure: string | undefined): JobReason {
  return failure === 'queue-stopped' || failure === 'job-aborted' || failure === 'spooler-unavailable'
    ? failure
    : null;
}

/** Which renderer state each pipeline event means for the resident waiting at the kiosk. */
function viewOf(event: PrintPipelineEvent): { state: JobState; reason: JobReason } | null {
  switch (event.type) {
    case 'job-queued':
    case 'job-resumed':
      return { state: 'printing', reason: null };
    case 'job-waiting':
      return {
        state: 'waiting',
        reason: notPrintedReason(event.printerCode) ?? reasonOf(event.printerState),
      };
    case 'job-blocked':
      return { state: 'blocked', reason: reasonOf(event.reason) };
    case 'job-confirmed':
      return { state: 'done', reason: null };
    case 'job-needs-attention':
      return { state: 'needs-attention', reason: notPrintedReason(event.failure) };
    case 'job-voided':
    case 'job-expired':
      return { state: 'voided', reason: null };
    case 'paper-changed':
      return null;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** The reason that goes with the job's current status, as a code staff screens translate. */
function reasonForStaff(job: PrintJobRow): StaffJobReason | null {
  switch (job.status) {
    case 'voided':
      return job.voidReason === null ? null : { kind: 'voided', code: job.voidReason };
    case 'needs-attention':
      return job.attentionReason === null ? null : { kind: 'held', code: holdReasonOf(job.attentionReason) };
    case 'failed':
      return job.failureReason === null ? null : { kind: 'failed', code: failureReasonOf(job.failureReason) };
    case 'queued':
    case 'sending':
    case 'sent':
    case 'confirmed':
      return null;
    default: {
      const unreachable: never = job.status;
      return unreachable;
    }
  }
}

/** Why a session's print request printed nothing. */
export type SessionPrintError = { code: 'no-session' } | DocumentPrintError;

/** How often the retention limit is checked: often enough that bytes outlive it by a fraction of it at most. */
export function retentionCheckMs(retentionHours: number): number {
  return Math.min(10 * 60_000, (retentionHours * 3_600_000) / 4);
}

export interface KioskPrintServiceOptions {
  db: Database.Database;
  config: Pick<KioskConfig, 'terminal' | 'documents' | 'journal'>;
  devices: Pick<DeviceHub, 'printers'>;
  session: SessionService;
  bus: EventBus;
  audit: AuditLog;
  alerts: StaffAlertStore;
  /** Timestamps and the retention schedule run on it (a fake clock in tests). */
  clock: Clock;
  logger: KioskLogger;
  /** The terminal's key (see terminal_key_file.ts); an ephemeral one when none is given (tests). */
  signingKey?: TerminalSigningKey;
}

/**
 * The kiosk's printing: documents rendered and journalled through the print pipeline, each job tied to the
 * resident session that asked for it (a column of the job). The session's own jobs are pushed to its screen as
 * they move on; a job still unprinted when its session ends goes to staff (never into an unattended tray later).
 *
 * Lifecycle: the constructor only builds; `start()` recovers the jobs an earlier run left, follows the printers
 * and the session, and runs the retention limit now and then on the clock; `close()` stops all of it.
 */
export class KioskPrintService {
  readonly pipeline: PrintPipeline;
  readonly #store: PrintJobStore;
  readonly #alerts: StaffAlertStore;
  readonly #audit: AuditLog;
  readonly #documents: DocumentPrintService;
  readonly #printerIds: string[];
  readonly #terminalId: string;
  readonly #retentionHours: number;
  readonly #session: SessionService;
  readonly #bus: EventBus;
  readonly #clock: Clock;
  readonly #logger: KioskLogger;
  readonly #stops: (() => void)[] = [];

  constructor(options: KioskPrintServiceOptions) {
    const { config } = options;
    this.#terminalId = config.terminal.id;
    this.#retentionHours = config.journal.unresolvedPayloadHours;
    this.#session = options.session;
    this.#bus = options.bus;
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#alerts = options.alerts;
    this.#audit = options.audit;
    this.#store = new PrintJobStore(options.db, options.logger, () => new Date(options.clock.now()));
    const printers = options.devices.printers();
    this.#printerIds = printers.map((p) => p.id);
    this.pipeline = new PrintPipeline({
      store: this.#store,
      printers,
      audit: options.audit,
      logger: options.logger,
    });
    this.#documents = new DocumentPrintService(this.pipeline, {
      ticketPrinterId: printers.find((p) => p.kind === 'ticket-printer')?.id ?? '',
      documentPrinterId: printers.find((p) => p.kind === 'document-printer')?.id ?? '',
      signingKey: options.signingKey ?? generateSigningKey(config.terminal.id),
      fonts: config.documents.fonts,
      mask: config.documents.documentNumberMask,
    });
  }

  /** Recovers what an earlier run left, then follows printers and sessions and keeps the retention limit. */
  start(): RecoveryReport {
    if (this.#stops.length > 0) return { needsAttention: [], confirmed: [] };
    this.#stops.push(this.pipeline.onEvent((event) => this.#forward(event)));
    this.#stops.push(this.#session.onSessionEnd((sessionId) => this.#holdUnprinted(sessionId)));
    const recovered = this.pipeline.recover();
    if (recovered.needsAttention.length > 0) {
      this.#logger.log('print-jobs-recovered', { jobs: recovered.needsAttention });
    }
    this.pipeline.start();
    this.#keepRetentionLimit();
    return recovered;
  }

  /** Renders and prints a document for the running session; resolves when the pipeline has it. */
  async printForSession(
    template: TemplateId,
    input: unknown,
    options: { idempotencyKey?: string } = {},
  ): Promise<Result<{ jobId: number }, SessionPrintError>> {
    const sessionId = this.#session.activeSessionId;
    if (!sessionId) return err({ code: 'no-session' });
    const job = { idempotencyKey: options.idempotencyKey ?? randomUUID(), sessionId };
    const result = await this.#documents.print(template, input, job);
    if (result.ok) return ok({ jobId: result.value.jobId });
    const error = result.error;
    this.#notPrintable(template, error);
    return err(error);
  }

  /**
   * Renders a document without printing it, for a preview the resident checks first; a document that cannot be
   * rendered is reported as `printForSession` reports it (staff alerted, the resident told).
   */
  async render(template: TemplateId, input: unknown): Promise<Result<RenderedDocument, SessionPrintError>> {
    const rendered = await this.#documents.render(template, input);
    if (!rendered.ok) this.#notPrintable(template, rendered.error);
    return rendered;
  }

  /** Prints, for the running session, a document `render` made: the very bytes the resident previewed. */
  async printRenderedForSession(
    document: RenderedDocument,
    options: { idempotencyKey: string },
  ): Promise<Result<{ jobId: number }, SessionPrintError>> {
    const sessionId = this.#session.activeSessionId;
    if (!sessionId) return err({ code: 'no-session' });
    const result = await this.#documents.submitRendered(document, { ...options, sessionId });
    return result.ok ? ok({ jobId: result.value.jobId }) : err(result.error);
  }

  /** The dev dock's sample of a template, in the session's language (optionally with an unprintable name). */
  printSample(
    template: TemplateId,
    unprintableName = false,
  ): Promise<Result<{ jobId: number }, SessionPrintError>> {
    const view = this.#session.view();
    const input: Record<string, unknown> = {
      ...sampleInput(template, view.phase === 'active' ? view.language : 'zh-Hant'),
    };
    // The samples name a real centre's terminal; the document must name (and be signed by) this one.
    if ('terminalId' in input) input.terminalId = this.#terminalId;
    // U+E000 is a Private Use Area code point: no font the kiosk ships has a glyph for it.
    for (const field of ['nameChinese', 'nameOnDocument', 'holderName', 'name']) {
      if (unprintableName && typeof input[field] === 'string') input[field] = `${input[field]}\u{E000}`;
    }
    return this.printForSession(template, input);
  }

  alerts(): StaffAlert[] {
    return this.#alerts.list();
  }

  acknowledgeAlert(alertId: number, staffId: string): Result<void, AcknowledgeError> {
    return this.#alerts.acknowledge(alertId, staffId);
  }

  /** The newest hundred jobs, as staff see them in maintenance. */
  staffJobs(): StaffJob[] {
    return this.#store.recent(100).map((job) => ({
      jobId: job.id,
      printerId: job.printerId,
      template: job.template,
      status: job.status,
      reason: reasonForStaff(job),
      canReprint: job.status === 'needs-attention' && job.hasPayload,
      canVoid: job.status === 'queued' || job.status === 'failed' || job.status === 'needs-attention',
      createdAt: job.createdAt,
    }));
  }

  counters(): PrinterCounters[] {
    return this.#printerIds.map((id) => this.#store.counters(id));
  }

  /**
   * Staff refilled a printer's paper: its count since the refill starts again from zero, recorded in the audit log
   * with who did it and what the count had reached.
   */
  resetPaperCounter(
    printerId: string,
    staffId: string,
  ): Result<PrinterCounters, { code: 'unknown-printer' } | AuditAppendError> {
    if (!this.#printerIds.includes(printerId)) return err({ code: 'unknown-printer' });
    const reset = this.#audit.recorded(
      { staffId },
      (): Result<{ before: number; after: PrinterCounters }, never> => {
        const before = this.#store.counters(printerId).printedSinceRefill;
        return ok({ before, after: this.#store.resetPaperCounter(printerId) });
      },
      ({ before }) => ({ kind: 'paper-counter-reset', deviceId: printerId, printedSinceRefill: before }),
    );
    return reset.ok ? ok(reset.value.after) : reset;
  }

  /** A maintenance test print used paper outside any job: counted with the printer's pages or tickets. */
  recordTestPrint(printerId: string, printed: { pages: number } | { tickets: number }): void {
    if (this.#printerIds.includes(printerId)) this.#store.recordTestPrint(printerId, printed);
  }

  reprint(jobId: number, staffId: string, reason: string): Promise<StaffActionResult> {
    return this.pipeline.reprint(jobId, staffId, reason);
  }

  voidJob(jobId: number, staffId: string, reason: string): StaffActionResult {
    return this.pipeline.voidJob(jobId, staffId, reason);
  }

  /** Voids the jobs left unresolved past `journal.unresolvedPayloadHours`; staff are alerted by `#forward`. */
  expireUnresolved(): number[] {
    return this.pipeline.expireUnresolved(new Date(this.#clock.now()), this.#retentionHours);
  }

  close(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.pipeline.close();
  }

  /** Runs the retention limit now (a job may have waited through the restart) and then on the clock. */
  /**
   * Never a missing-glyph box on an official document: nothing is printed, the resident is told where to go,
   * staff are alerted. The alert names the template and how many characters, never the characters themselves.
   */
  #notPrintable(template: TemplateId, error: SessionPrintError): void {
    if (
      error.code !== 'missing-glyphs' &&
      error.code !== 'layout-overflow' &&
      error.code !== 'no-font-available'
    )
      return;
    this.#alerts.raise(
      'document-not-printable',
      error.code === 'missing-glyphs'
        ? { code: 'missing-glyphs', template, characters: error.codePoints.length }
        : { code: 'cannot-render', template, reason: error.code },
    );
    this.#logger.log('document-not-printable', { template, reason: error.code });
    this.#bus.emit('print.failed', {
      reason: error.code === 'missing-glyphs' ? 'missing-glyphs' : 'cannot-render',
    });
  }

  #keepRetentionLimit(): void {
    let cancel = (): void => {};
    const check = (): void => {
      this.expireUnresolved();
      cancel = this.#clock.setTimeout(check, retentionCheckMs(this.#retentionHours));
    };
    this.#stops.push(() => cancel());
    check();
  }

  #forward(event: PrintPipelineEvent): void {
    if (event.type === 'paper-changed') return;
    if (event.type === 'job-needs-attention') {
      this.#alerts.raise(
        'print-needs-attention',
        { code: 'print-job-held', printJobId: event.jobId, reason: event.reason },
        { printJobId: event.jobId },
      );
    }
    if (event.type === 'job-expired') {
      this.#alerts.raise(
        'print-job-expired',
        { code: 'print-job-expired', printJobId: event.jobId, hours: event.retentionHours },
        { printJobId: event.jobId },
      );
    }
    const sessionId = this.#session.activeSessionId;
    const job = this.#store.get(event.jobId);
    if (!sessionId || job?.sessionId !== sessionId) return;
    const view = viewOf(event);
    if (!view) return;
    this.#bus.emit('print.jobChanged', {
      jobId: event.jobId,
      paper: paperOfJob(job.template, job.printerKind),
      ...view,
    });
  }

  #holdUnprinted(sessionId: string): void {
    for (const job of this.#store.unprintedForSession(sessionId)) {
      this.pipeline.holdForStaff(job.id, 'resident-session-ended-before-printing');
    }
  }
}
