/**
 * What the print pipeline knows of a printer: its registration (id, kind, driver), whether its state takes jobs,
 * which failures it recovers from by itself, what staff read for the others, and how a journalled payload is
 * handed to it.
 */
import type { PrinterState } from '../../devices/device_status.js';
import type {
  DocumentPrinter,
  PrintFailure,
  PrintOutcome,
  TicketPrinter,
} from '../../devices/printer/index.js';
import { err } from '../../lib/result.js';
import type { PrintJobHoldReason } from './print_job_reasons.js';
import type { PrintPayload } from './print_job_store.js';

export type PrinterRegistration =
  | { id: string; kind: 'ticket-printer'; printer: TicketPrinter }
  | { id: string; kind: 'document-printer'; printer: DocumentPrinter };

/** The printer knows the job did not complete: it is printed again whole once the printer is usable. */
export const resumableReasons = new Set<PrintFailure['reason']>(['no-paper', 'cover-open', 'disconnected']);

/** Why a job that came back from the printer needs staff (the printer's detail is logged beside it, not kept). */
export function attentionReason(failure: PrintFailure): PrintJobHoldReason {
  switch (failure.reason) {
    case 'error':
      return 'printer-error';
    case 'timeout':
      return 'printer-timeout';
    case 'queue-stopped':
    case 'job-aborted':
    case 'spooler-unavailable':
      return failure.reason;
    case 'no-paper':
      return 'printer-no-paper';
    case 'cover-open':
      return 'printer-cover-open';
    case 'disconnected':
      return 'printer-disconnected';
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/** Busy still takes jobs (the driver serialises them); paper-low still prints. */
export function usable(state: PrinterState): boolean {
  return state.state === 'ready' || state.state === 'paper-low' || state.state === 'busy';
}

/** Hands a payload to its printer; a payload of the wrong format is an error outcome, not a throw. */
export function sendToPrinter(
  registration: PrinterRegistration,
  payload: PrintPayload,
  jobName: string,
): Promise<PrintOutcome> {
  switch (registration.kind) {
    case 'ticket-printer':
      if (payload.format !== 'mono-bitmap')
        return Promise.resolve(err({ reason: 'error', detail: 'payload-mismatch' }));
      return registration.printer.printRaster(payload.bitmap);
    case 'document-printer':
      if (payload.format !== 'pdf')
        return Promise.resolve(err({ reason: 'error', detail: 'payload-mismatch' }));
      return registration.printer.printPdf(payload.pdf, jobName);
    default: {
      const unreachable: never = registration;
      throw new Error(`unknown printer ${JSON.stringify(unreachable)}`);
    }
  }
}
