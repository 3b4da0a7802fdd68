/**
 * A4 printing through the OS spooler (CUPS). The PDF goes to `lp -d <queue> -t <jobName> -` on stdin; the job is
 * then followed with `lpstat` until CUPS reports it completed, or until the printer reports a fault. A job that
 * cannot finish (no paper, cover open, queue stopped) is cancelled, so it does not print later for nobody.
 */
import type { PrinterState } from '../../device_status.js';
import { failureOfState } from '../failure_states.js';
import type { DocumentPrinter, PrintFailure, PrintOutcome } from '../printer.js';
import { SerialQueue } from '../serial_queue.js';
import { StatusListeners } from '../status_listeners.js';
import type { CommandResult, CommandRunner } from './command_runner.js';
import {
  type CupsPrinterLine,
  parseLpRequestId,
  parseLpstatJobs,
  parseLpstatPrinter,
} from './cups_output.js';

export interface CupsDocumentPrinterOptions {
  queue: string;
  runner: CommandRunner;
  /** Timeout of each command. */
  commandTimeoutMs?: number;
  /** Longest a job may take from submission to completion. */
  jobTimeoutMs?: number;
  pollIntervalMs?: number;
}

/** A printer-state-reason as a fault that stops the job, or a warning state; `undefined` when harmless. */
export function stateOfPrinterReasons(printer: CupsPrinterLine): PrinterState | undefined {
  const reasons = printer.alerts.filter((r) => r !== 'none');
  const has = (prefix: string): boolean => reasons.some((r) => r.startsWith(prefix));
  if (has('media-empty') || has('media-needed')) return { state: 'no-paper' };
  if (has('cover-open') || has('door-open') || has('interlock-open')) return { state: 'cover-open' };
  if (has('offline') || has('connecting-to-device')) return { state: 'disconnected' };
  if (has('media-jam')) return { state: 'error', code: 'media-jam' };
  if (printer.state === 'disabled') return { state: 'error', code: 'queue-stopped', detail: printer.message };
  const error = reasons.find((r) => r.endsWith('-error'));
  if (error) return { state: 'error', code: error };
  if (has('media-low')) return { state: 'paper-low' };
  return undefined;
}

/** job-state-reasons that mean a completed job did not print properly. */
function failureOfCompletedJob(alerts: readonly string[]): PrintFailure | undefined {
  if (alerts.includes('job-completed-successfully')) return undefined;
  const reason = alerts.find(
    (a) => a.startsWith('job-canceled') || a.startsWith('aborted') || a.includes('error'),
  );
  return { reason: 'error', detail: reason ?? (alerts.join(' ') || 'job-ended-without-success') };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class CupsDocumentPrinter implements DocumentPrinter {
  private readonly jobs = new SerialQueue();
  private readonly listeners = new StatusListeners({ state: 'ready' });
  private readonly commandMs: number;
  private readonly jobMs: number;
  private readonly pollMs: number;

  constructor(private readonly options: CupsDocumentPrinterOptions) {
    this.commandMs = options.commandTimeoutMs ?? 10_000;
    this.jobMs = options.jobTimeoutMs ?? 180_000;
    this.pollMs = options.pollIntervalMs ?? 500;
  }

  status(): PrinterState {
    return this.listeners.current;
  }

  onStatus(listener: (state: PrinterState) => void): () => void {
    return this.listeners.add(listener);
  }

  printPdf(pdf: Uint8Array, jobName: string): Promise<PrintOutcome> {
    return this.jobs.run(() => this.runJob(pdf, jobName));
  }

  /** Ask CUPS for the queue's state and publish it. */
  refreshStatus(): Promise<PrinterState> {
    return this.jobs.run(async () => {
      const printer = await this.printerLine();
      const state = printer.ok ? (stateOfPrinterReasons(printer.value) ?? { state: 'ready' }) : printer.state;
      this.listeners.set(state);
      return state;
    });
  }

  private async command(
    command: string,
    args: readonly string[],
    stdin?: Uint8Array,
  ): Promise<CommandResult> {
    return this.options.runner.run(command, args, stdin, this.commandMs);
  }

  private async printerLine(): Promise<
    { ok: true; value: CupsPrinterLine } | { ok: false; state: PrinterState }
  > {
    const out = await this.command('lpstat', ['-l', '-p', this.options.queue]);
    if (!out.ok) return { ok: false, state: { state: 'error', code: `lpstat-${out.error.code}` } };
    if (out.value.exitCode !== 0) {
      return { ok: false, state: { state: 'error', code: 'lpstat-failed', detail: out.value.stderr.trim() } };
    }
    const parsed = parseLpstatPrinter(out.value.stdout);
    if (!parsed.ok) return { ok: false, state: { state: 'error', code: 'lpstat-unparsable' } };
    return { ok: true, value: parsed.value };
  }

  private fail(failure: PrintFailure, state: PrinterState): PrintOutcome {
    this.listeners.set(state);
    return { ok: false, failure };
  }

  private async cancel(jobId: string): Promise<void> {
    // Best effort: if cancel fails the job is still reported failed; staff see it in the queue.
    await this.command('cancel', [jobId]);
  }

  private async runJob(pdf: Uint8Array, jobName: string): Promise<PrintOutcome> {
    const deadline = Date.now() + this.jobMs;
    const before = await this.printerLine();
    if (!before.ok)
      return this.fail(failureOfState(before.state) ?? { reason: 'error', detail: 'lpstat' }, before.state);
    const blocking = stateOfPrinterReasons(before.value);
    const refusal = blocking ? failureOfState(blocking) : undefined;
    if (blocking && refusal) return this.fail(refusal, blocking);

    const submitted = await this.command('lp', ['-d', this.options.queue, '-t', jobName, '-'], pdf);
    if (!submitted.ok)
      return this.fail(
        { reason: 'error', detail: `lp ${submitted.error.code}` },
        { state: 'error', code: 'lp' },
      );
    if (submitted.value.exitCode !== 0) {
      const detail = `lp: ${submitted.value.stderr.trim() || `exit ${submitted.value.exitCode}`}`;
      return this.fail({ reason: 'error', detail }, { state: 'error', code: 'lp-refused', detail });
    }
    const requestId = parseLpRequestId(submitted.value.stdout);
    if (!requestId.ok)
      return this.fail({ reason: 'error', detail: 'lp gave no request id' }, { state: 'error', code: 'lp' });
    const jobId = requestId.value;
    this.listeners.set({ state: 'busy' });

    for (;;) {
      const pending = await this.command('lpstat', ['-l', '-W', 'not-completed', '-o', this.options.queue]);
      if (!pending.ok)
        return this.fail(
          { reason: 'error', detail: `lpstat ${pending.error.code}` },
          { state: 'error', code: 'lpstat' },
        );
      const stillQueued = parseLpstatJobs(pending.value.stdout).some((j) => j.jobId === jobId);
      if (!stillQueued) return this.finish(jobId);
      const printer = await this.printerLine();
      const state = printer.ok ? stateOfPrinterReasons(printer.value) : printer.state;
      const failure = state ? failureOfState(state) : undefined;
      if (state && failure) {
        await this.cancel(jobId);
        return this.fail(failure, state);
      }
      if (Date.now() > deadline) {
        await this.cancel(jobId);
        return this.fail({ reason: 'timeout' }, { state: 'error', code: 'timeout' });
      }
      await sleep(this.pollMs);
    }
  }

  private async finish(jobId: string): Promise<PrintOutcome> {
    const done = await this.command('lpstat', ['-l', '-W', 'completed', '-o', this.options.queue]);
    if (!done.ok)
      return this.fail(
        { reason: 'error', detail: `lpstat ${done.error.code}` },
        { state: 'error', code: 'lpstat' },
      );
    const job = parseLpstatJobs(done.value.stdout).find((j) => j.jobId === jobId);
    // Without job history CUPS forgets the job: we cannot confirm it, so we do not claim it printed.
    if (!job)
      return this.fail(
        { reason: 'error', detail: 'job-not-found' },
        { state: 'error', code: 'job-not-found' },
      );
    const failure = failureOfCompletedJob(job.alerts);
    const printer = await this.printerLine();
    const state = printer.ok ? (stateOfPrinterReasons(printer.value) ?? { state: 'ready' }) : printer.state;
    if (failure) {
      const code = failure.reason === 'error' ? failure.detail : failure.reason;
      return this.fail(failure, failureOfState(state) ? state : { state: 'error', code });
    }
    this.listeners.set(state);
    return { ok: true };
  }
}
