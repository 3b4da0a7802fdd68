/**
 * A printer for pipeline tests, implementing both printer interfaces: it prints (records what it got) or fails
 * on demand — paper out mid-job, unplugged mid-job, cover open — and pushes its state like a driver does.
 */
import type { PrinterState } from '../../devices/device_status.js';
import type {
  DocumentPrinter,
  MonoBitmap,
  PrintFailure,
  PrintOutcome,
  TicketPrinter,
} from '../../devices/printer/printer.js';
import { err, ok } from '../../lib/result.js';

export class FakePrinter implements TicketPrinter, DocumentPrinter {
  readonly printedRasters: MonoBitmap[] = [];
  readonly printedPdfs: { pdf: Uint8Array; jobName: string }[] = [];
  /** Every call, successful or not. */
  calls = 0;
  private state: PrinterState = { state: 'ready' };
  private readonly listeners = new Set<(state: PrinterState) => void>();
  private readonly failures: PrintFailure[] = [];
  /** Runs inside the print call, before the outcome: lets a test kill the process mid-job. */
  duringPrint: (() => void) | undefined;
  /** A slow printer: the outcome comes this long after the job was handed over (a real one prints and cuts). */
  answerAfterMs = 0;

  status(): PrinterState {
    return this.state;
  }

  onStatus(listener: (state: PrinterState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setState(state: PrinterState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  /** The next print call fails this way; the printer's state follows the fault, as a real one's does. */
  failNext(failure: PrintFailure): void {
    this.failures.push(failure);
  }

  async printRaster(ticket: MonoBitmap): Promise<PrintOutcome> {
    return this.print(() => this.printedRasters.push(ticket));
  }

  async printPdf(pdf: Uint8Array, jobName: string): Promise<PrintOutcome> {
    return this.print(() => this.printedPdfs.push({ pdf, jobName }));
  }

  private async print(record: () => void): Promise<PrintOutcome> {
    this.calls++;
    this.duringPrint?.();
    await (this.answerAfterMs > 0
      ? new Promise((resolve) => setTimeout(resolve, this.answerAfterMs))
      : Promise.resolve());
    const failure = this.failures.shift();
    if (failure) {
      const state = stateAfter(failure);
      if (state) this.setState(state);
      return err(failure);
    }
    record();
    return ok();
  }
}

function stateAfter(failure: PrintFailure): PrinterState | undefined {
  switch (failure.reason) {
    case 'no-paper':
      return { state: 'no-paper' };
    case 'cover-open':
      return { state: 'cover-open' };
    case 'disconnected':
      return { state: 'disconnected' };
    case 'timeout':
    case 'queue-stopped':
    case 'job-aborted':
    case 'spooler-unavailable':
    case 'error':
      return undefined;
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}
