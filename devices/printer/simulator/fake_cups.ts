/**
 * A fake CUPS behind the kiosk's IPP client interface, for the faults a real queue cannot produce on demand: a
 * printer that runs out of paper or opens its cover mid-job (those reasons come from the printer through its
 * backend). Everything else — completion, a stopped or rejecting queue, a job stopped by its filter, a cancelled
 * job, cupsd not running — is tested against a real cupsd (test/devices/printer/real_cups*.test.ts).
 *
 * Its replies are what CUPS 2.4.2 (Debian 12) was seen to answer over IPP with a cups-pdf queue:
 * - a printed job ends `completed` with job-state-reasons `processing-to-stop-point` (never
 *   `job-completed-successfully`);
 * - Cancel-Job leaves `canceled` with `processing-to-stop-point`; cancelling it again answers
 *   `client-error-not-possible`;
 * - a PDF the filter cannot read leaves the job `processing-stopped` with `job-completed-with-errors`;
 * - `cupsdisable -r why` gives printer-state `stopped`, reasons `paused`, message `why`, and jobs stay `pending`;
 *   `cupsreject` makes Print-Job answer `server-error-not-accepting-jobs`;
 * - an unknown job id answers `client-error-not-found`; no cupsd means no answer at all.
 * A job advances one step per Get-Job-Attributes, so tests are deterministic.
 */
import { err, ok } from '../../../lib/result.js';
import type { CupsJob, CupsQueue, IppJobState, MarkerLevel } from '../document/ipp_states.js';
import type { CupsIppClient, IppResult } from '../document/ipptool_client.js';

interface FakeJob {
  id: number;
  name: string;
  bytes: Uint8Array;
  state: IppJobState;
  reasons: string[];
  stepsLeft: number;
}

export class FakeCups implements CupsIppClient {
  readonly jobs: FakeJob[] = [];
  /** IPP operations in order, e.g. ['Get-Printer-Attributes', 'Print-Job', 'Get-Job-Attributes 17']. */
  readonly calls: string[] = [];
  /** printer-state-reasons, e.g. ['media-empty-error']; empty means `none`. */
  printerReasons: string[] = [];
  /** marker-names/-types/-levels as the printer's driver passes them on; empty: a printer that reports none. */
  markers: MarkerLevel[] = [];
  /** `cupsdisable -r <message>`. */
  stoppedWith: string | undefined;
  /** `cupsreject`. */
  accepting = true;
  /** False: cupsd is not running. */
  running = true;
  /** Get-Job-Attributes polls a job needs before it completes. */
  stepsPerJob = 2;
  /** When set, the next job ends this way instead of completing. */
  nextJobOutcome: { state: IppJobState; reasons: string[] } | undefined;
  private nextId = 17;

  constructor(readonly queueName = 'Kiosk_A4') {}

  async queue(): Promise<IppResult<CupsQueue>> {
    this.calls.push('Get-Printer-Attributes');
    if (!this.running) return this.unreachable();
    const printing = this.jobs.some((j) => j.state === 'processing');
    return ok({
      state: this.stoppedWith !== undefined ? 'stopped' : printing ? 'processing' : 'idle',
      reasons: this.stoppedWith !== undefined ? ['paused', ...this.printerReasons] : [...this.printerReasons],
      message: this.stoppedWith || undefined,
      acceptingJobs: this.accepting,
      markers: this.markers.map((m) => ({ ...m })),
    });
  }

  async submit(pdf: Uint8Array, jobName: string): Promise<IppResult<number>> {
    this.calls.push('Print-Job');
    if (!this.running) return this.unreachable();
    if (!this.accepting) {
      const message = `Destination "${this.queueName}" is not accepting jobs.`;
      return err({ code: 'ipp-status', status: 'server-error-not-accepting-jobs', message });
    }
    const id = this.nextId++;
    this.jobs.push({
      id,
      name: jobName,
      bytes: pdf,
      state: 'pending',
      reasons: [],
      stepsLeft: this.stepsPerJob,
    });
    return ok(id);
  }

  async job(jobId: number): Promise<IppResult<CupsJob>> {
    this.calls.push(`Get-Job-Attributes ${jobId}`);
    if (!this.running) return this.unreachable();
    const job = this.jobs.find((j) => j.id === jobId);
    if (!job) return this.notFound(jobId);
    this.advance(job);
    return ok({ id: job.id, state: job.state, reasons: [...job.reasons] });
  }

  async cancel(jobId: number): Promise<IppResult<void>> {
    this.calls.push(`Cancel-Job ${jobId}`);
    if (!this.running) return this.unreachable();
    const job = this.jobs.find((j) => j.id === jobId);
    if (!job) return this.notFound(jobId);
    if (job.state === 'canceled' || job.state === 'aborted' || job.state === 'completed') {
      const message = `Job #${jobId} is already ${job.state} - can't cancel.`;
      return err({ code: 'ipp-status', status: 'client-error-not-possible', message });
    }
    job.state = 'canceled';
    job.reasons = ['processing-to-stop-point'];
    return ok();
  }

  private advance(job: FakeJob): void {
    if (job.state !== 'pending' && job.state !== 'processing') return;
    // A stopped queue holds its jobs pending; a printer with a fault keeps the job processing, waiting.
    if (this.stoppedWith !== undefined) return;
    job.state = 'processing';
    job.reasons = ['job-printing'];
    if (this.printerReasons.some((r) => r.endsWith('-error'))) return;
    job.stepsLeft--;
    if (job.stepsLeft > 0) return;
    const outcome = this.nextJobOutcome ?? { state: 'completed', reasons: ['processing-to-stop-point'] };
    this.nextJobOutcome = undefined;
    job.state = outcome.state;
    job.reasons = [...outcome.reasons];
  }

  private unreachable<T>(): IppResult<T> {
    return err({ code: 'spooler-unreachable', detail: 'Unable to connect to "localhost" on port 631' });
  }

  private notFound<T>(jobId: number): IppResult<T> {
    return err({
      code: 'ipp-status',
      status: 'client-error-not-found',
      message: `Job #${jobId} does not exist.`,
    });
  }
}
