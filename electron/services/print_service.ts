import type Database from 'better-sqlite3';
import type { PrinterState } from '../../devices/device_status.js';
import type { KioskConfig } from '../config/config_schema.js';
import { type PrinterCounters, PrintJobStore } from '../journal/print_job_store.js';
import { type PipelineLogger, PrintPipeline, type PrintPipelineEvent } from '../journal/print_pipeline.js';
import { type StaffAlert, StaffAlertStore } from '../journal/staff_alerts.js';
import { DocumentPrintService } from '../printed/document_print_service.js';
import type { TemplateId } from '../printed/document_renderer.js';
import { sampleInput } from '../printed/samples/sample_inputs.js';
import { generateSigningKey, type TerminalSigningKey } from '../printed/verification/document_signing.js';
import type { EventBus } from '../rpc/event_bus.js';
import type { PrintJobView, StaffActionResult, StaffPrintJob } from '../rpc/print_contract.js';
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
      return { state: 'voided', reason: null };
    case 'paper-changed':
      return null;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/**
 * The kiosk's printing: documents rendered and journalled through the print pipeline, each job tied to the
 * resident session that asked for it. The session's own jobs are pushed to its screen as they move on; a job
 * still unprinted when its session ends goes to staff (never into an unattended tray later).
 */
export class KioskPrintService {
  readonly pipeline: PrintPipeline;
  readonly #store: PrintJobStore;
  readonly #alerts: StaffAlertStore;
  readonly #documents: DocumentPrintService;
  readonly #printerIds: string[];
  readonly #terminalId: string;
  #nextSessionJob = 1;

  constructor(
    db: Database.Database,
    config: KioskConfig,
    devices: DeviceHub,
    private readonly session: SessionService,
    private readonly bus: EventBus,
    private readonly logger?: PipelineLogger,
    /** The terminal's key (see terminal_key_file.ts); an ephemeral one when none is given (tests). */
    signingKey: TerminalSigningKey = generateSigningKey(config.terminal.id),
  ) {
    this.#terminalId = config.terminal.id;
    this.#store = new PrintJobStore(db);
    this.#alerts = new StaffAlertStore(db);
    const printers = devices.printers();
    this.#printerIds = printers.map((p) => p.id);
    this.pipeline = new PrintPipeline(this.#store, printers, logger);
    this.#documents = new DocumentPrintService(this.pipeline, {
      ticketPrinterId: printers.find((p) => p.kind === 'ticket')?.id ?? '',
      documentPrinterId: printers.find((p) => p.kind === 'document')?.id ?? '',
      signingKey,
      fonts: config.documents.fonts,
      mask: config.documents.documentNumberMask,
    });
    this.pipeline.onEvent((event) => this.#forward(event));
    session.onSessionEnd((sessionId) => this.#holdUnprinted(sessionId));
    const recovered = this.pipeline.recover();
    if (recovered.needsAttention.length > 0) {
      logger?.warn({ jobs: recovered.needsAttention }, 'print jobs need staff attention after restart');
    }
  }

  /** Renders and prints a document for the running session; resolves when the pipeline has it. */
  async printForSession(
    template: TemplateId,
    input: unknown,
  ): Promise<{ ok: true; jobId: number } | { ok: false; error: string }> {
    const sessionId = this.session.activeSessionId;
    if (!sessionId) return { ok: false, error: 'no session' };
    // The key ties the job to its session (for the screen and for the hold at session end); never personal data.
    const key = `session:${sessionId}:${this.#nextSessionJob++}`;
    const result = await this.#documents.print(template, input, key);
    if (result.ok) return { ok: true, jobId: result.value.jobId };
    const error = result.error;
    if (
      error.code === 'missing-glyphs' ||
      error.code === 'layout-overflow' ||
      error.code === 'no-font-available'
    ) {
      // Never a missing-glyph box on an official document: nothing is printed, the resident is told where to go,
      // staff are alerted. The alert names the template and how many characters, never the characters themselves.
      const detail =
        error.code === 'missing-glyphs'
          ? `${template}: ${error.codePoints.length} character(s) without a glyph in any configured font`
          : `${template}: ${error.code}`;
      this.#alerts.raise('document-not-printable', detail);
      this.logger?.warn({ template, reason: error.code }, 'document not printable');
      this.bus.emit('print.failed', {
        reason: error.code === 'missing-glyphs' ? 'missing-glyphs' : 'cannot-render',
      });
    }
    return { ok: false, error: error.code };
  }

  /** The dev dock's sample of a template, in the session's language (optionally with an unprintable name). */
  printSample(
    template: TemplateId,
    unprintableName = false,
  ): Promise<{ ok: true; jobId: number } | { ok: false; error: string }> {
    const view = this.session.view();
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

  acknowledgeAlert(alertId: number, staffId: string): StaffActionResult {
    return this.#alerts.acknowledge(alertId, staffId) ? { ok: true } : { ok: false, error: 'alert-not-open' };
  }

  staffJobs(): StaffPrintJob[] {
    const statuses = [
      'needs-attention',
      'failed',
      'queued',
      'sending',
      'sent',
      'confirmed',
      'voided',
    ] as const;
    return statuses
      .flatMap((status) => this.#store.withStatus(status))
      .sort((a, b) => b.id - a.id)
      .slice(0, 100)
      .map((job) => ({
        jobId: job.id,
        printerId: job.printerId,
        template: job.template,
        status: job.status,
        reason: job.attentionReason ?? job.failureReason,
        canReprint: job.status === 'needs-attention' && job.hasPayload,
        createdAt: job.createdAt,
      }));
  }

  counters(): PrinterCounters[] {
    return this.#printerIds.map((id) => this.#store.counters(id));
  }

  async reprint(jobId: number, staffId: string, reason: string): Promise<StaffActionResult> {
    const result = await this.pipeline.reprint(jobId, staffId, reason);
    return result.ok ? { ok: true } : { ok: false, error: result.error.code };
  }

  voidJob(jobId: number, staffId: string, reason: string): StaffActionResult {
    const result = this.pipeline.voidJob(jobId, staffId, reason);
    return result.ok ? { ok: true } : { ok: false, error: result.error.code };
  }

  close(): void {
    this.pipeline.close();
  }

  #forward(event: PrintPipelineEvent): void {
    if (event.type === 'paper-changed') return;
    if (event.type === 'job-needs-attention') {
      this.#alerts.raise('print-needs-attention', `print job ${event.jobId}: ${event.reason}`, event.jobId);
    }
    const sessionId = this.session.activeSessionId;
    const job = this.#store.get(event.jobId);
    if (!sessionId || !job?.idempotencyKey.startsWith(`session:${sessionId}:`)) return;
    const view = viewOf(event);
    if (!view) return;
    this.bus.emit('print.jobChanged', { jobId: event.jobId, printerKind: job.printerKind, ...view });
  }

  #holdUnprinted(sessionId: string): void {
    const prefix = `session:${sessionId}:`;
    for (const status of ['queued', 'failed'] as const) {
      for (const job of this.#store.withStatus(status)) {
        if (job.idempotencyKey.startsWith(prefix)) {
          this.pipeline.holdForStaff(job.id, 'resident-session-ended-before-printing');
        }
      }
    }
  }
}
