/**
 * A4 printing through the OS spooler (CUPS), followed over IPP (see ipp_states.ts for what each state means):
 *
 * 1. Get-Printer-Attributes: a queue that is stopped, refuses jobs or reports no paper / an open cover gets no
 *    job at all.
 * 2. Print-Job with the PDF; CUPS answers with the job id.
 * 3. Get-Job-Attributes until the job-state is final, checking the queue between polls. `completed` is success.
 * 4. Any way the job cannot finish — no paper, cover open, queue stopped, a filter that stopped it, the job
 *    deadline — ends with Cancel-Job, so the document does not print later into an unattended tray. A job that
 *    cannot be cancelled because cupsd went away is remembered and cancelled as soon as CUPS answers again
 *    (CUPS restores its queue at restart and would otherwise print it for nobody).
 *
 * Every failure is a `PrintFailure`: `queue-stopped`, `job-aborted`, `spooler-unavailable` name the spooler's
 * own faults, so the resident and staff are told which one happened.
 */

import { err, ok } from '../../../lib/result.js';
import type { PrinterState } from '../../device_status.js';
import { failureOfState, stateOfFailure } from '../failure_states.js';
import type { DocumentPrinter, PrintFailure, PrintOutcome } from '../printer.js';
import { SerialQueue } from '../serial_queue.js';
import { StatusListeners } from '../status_listeners.js';
import { type MarkerLevel, stateOfQueue, verdictOfJob } from './ipp_states.js';
import type { CupsIppClient, IppFailure } from './ipptool_client.js';

export interface CupsDocumentPrinterOptions {
  client: CupsIppClient;
  /** Longest a job may take from submission to completion. */
  jobTimeoutMs?: number;
  pollIntervalMs?: number;
}

/** What a failed IPP exchange means for the job. */
export function failureOfIpp(failure: IppFailure): PrintFailure {
  switch (failure.code) {
    case 'ipptool-missing':
      return {
        reason: 'spooler-unavailable',
        detail: 'ipptool not installed (Debian package cups-ipp-utils)',
      };
    case 'spooler-unreachable':
      return { reason: 'spooler-unavailable', detail: failure.detail };
    case 'timeout':
      return { reason: 'timeout' };
    case 'ipp-status':
      // CUPS' answer to Print-Job on a queue that `cupsreject` closed.
      if (failure.status === 'server-error-not-accepting-jobs') return { reason: 'queue-stopped' };
      return { reason: 'error', detail: `ipp: ${failure.status}` };
    case 'unreadable-answer':
      return { reason: 'error', detail: `ipp: ${failure.detail}` };
    case 'local-io':
      return { reason: 'error', detail: `ipp-local-io: ${failure.detail}` };
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class CupsDocumentPrinter implements DocumentPrinter {
  private readonly jobs = new SerialQueue();
  private readonly listeners = new StatusListeners({ state: 'ready' });
  private readonly client: CupsIppClient;
  private readonly jobMs: number;
  private readonly pollMs: number;
  /** Jobs that failed but could not be cancelled yet (cupsd unreachable at the time). */
  private readonly toCancel = new Set<number>();
  /** The supplies the last queue answer listed; undefined until the spooler has answered once. */
  private markers: readonly MarkerLevel[] | undefined;

  constructor(options: CupsDocumentPrinterOptions) {
    this.client = options.client;
    this.jobMs = options.jobTimeoutMs ?? 180_000;
    this.pollMs = options.pollIntervalMs ?? 500;
  }

  status(): PrinterState {
    return this.listeners.current;
  }

  onStatus(listener: (state: PrinterState) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Job ids still waiting for their Cancel-Job (for staff tools and tests). */
  get pendingCancels(): readonly number[] {
    return [...this.toCancel];
  }

  printPdf(pdf: Uint8Array, jobName: string): Promise<PrintOutcome> {
    return this.jobs.run(() => this.runJob(pdf, jobName));
  }

  /** Ask CUPS for the queue's state and publish it. */
  /** The supply levels the printer last reported through CUPS ([] if it reports none; undefined before any answer). */
  markerLevels(): readonly MarkerLevel[] | undefined {
    return this.markers;
  }

  refreshStatus(): Promise<PrinterState> {
    return this.jobs.run(async () => {
      const state = await this.queueState();
      this.listeners.set(state);
      return state;
    });
  }

  private async queueState(): Promise<PrinterState> {
    await this.cancelLeftovers();
    const queue = await this.client.queue();
    if (queue.ok) this.markers = queue.value.markers ?? [];
    return queue.ok ? stateOfQueue(queue.value) : stateOfFailure(failureOfIpp(queue.error));
  }

  private async cancelLeftovers(): Promise<void> {
    for (const jobId of this.toCancel) {
      const cancelled = await this.client.cancel(jobId);
      // `client-error-not-possible`: the job already ended, which is all we wanted.
      if (cancelled.ok || cancelled.error.code === 'ipp-status') this.toCancel.delete(jobId);
    }
  }

  private async cancel(jobId: number): Promise<void> {
    const cancelled = await this.client.cancel(jobId);
    if (!cancelled.ok && cancelled.error.code !== 'ipp-status') this.toCancel.add(jobId);
  }

  private fail(failure: PrintFailure, state: PrinterState = stateOfFailure(failure)): PrintOutcome {
    this.listeners.set(state);
    return err(failure);
  }

  private async runJob(pdf: Uint8Array, jobName: string): Promise<PrintOutcome> {
    const deadline = Date.now() + this.jobMs;
    const before = await this.queueState();
    const refusal = failureOfState(before);
    if (refusal) return this.fail(refusal, before);

    const submitted = await this.client.submit(pdf, jobName);
    if (!submitted.ok) return this.fail(failureOfIpp(submitted.error));
    const jobId = submitted.value;
    this.listeners.set({ state: 'busy' });

    for (;;) {
      const job = await this.client.job(jobId);
      if (!job.ok) {
        await this.cancel(jobId);
        return this.fail(failureOfIpp(job.error));
      }
      const verdict = verdictOfJob(job.value);
      switch (verdict.kind) {
        case 'printed': {
          this.listeners.set(await this.queueState());
          return ok();
        }
        case 'not-printed': {
          if (verdict.cancel) await this.cancel(jobId);
          // The spooler dropped this job; the queue says whether the printer itself can take the next one.
          return this.fail(verdict.failure, await this.queueState());
        }
        case 'in-progress':
          break;
        default: {
          const unreachable: never = verdict;
          return unreachable;
        }
      }
      const state = await this.queueState();
      const fault = failureOfState(state);
      if (fault) {
        await this.cancel(jobId);
        return this.fail(fault, state);
      }
      if (Date.now() > deadline) {
        await this.cancel(jobId);
        return this.fail({ reason: 'timeout' });
      }
      await sleep(this.pollMs);
    }
  }
}
