/**
 * What the spooler's IPP attributes mean for the kiosk: the one place that decides whether a CUPS job printed,
 * and what state a CUPS queue is in. The decision rests on the standard's states (RFC 8011 §5.3.7 job-state,
 * §5.4.11 printer-state), never on the wording of a tool's output, and never on job-state-reasons alone:
 *
 * - job-state `completed` (9) means the spooler delivered every page to the printer: that is success, whatever
 *   the reasons say. Real CUPS 2.4 ends a good job as `completed` with `processing-to-stop-point` (and never
 *   `job-completed-successfully`); a cancelled job keeps `processing-to-stop-point` too. Reading the reasons
 *   as the verdict is the bug that made a printed proof of identity look failed, and staff reprint it.
 *   The one exception is `job-completed-with-errors` on a completed job: paper may or may not have come out
 *   whole, so it is an error for staff to check (never an automatic reprint).
 * - `canceled` (7) and `aborted` (8) ended without printing; `processing-stopped` (6, CUPS stops a job whose
 *   filter failed, e.g. a PDF it cannot read) and `pending-held` (4) would only print after someone acts on them,
 *   which here would be for nobody: they are failures the driver cancels.
 * - printer-state `stopped` (5) — paused by staff (`paused`) or by CUPS after a backend error — and a queue that is
 *   not accepting jobs are `queue-stopped`. printer-state-reasons carry the paper and cover sensors.
 */
import { isDeviceFaultCode } from '../../device_fault_codes.js';
import type { PrinterState } from '../../device_status.js';
import type { PrintFailure } from '../printer.js';

export const ippJobStates = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
} as const;
export type IppJobState = (typeof ippJobStates)[keyof typeof ippJobStates];

export const ippPrinterStates = { 3: 'idle', 4: 'processing', 5: 'stopped' } as const;
export type IppPrinterState = (typeof ippPrinterStates)[keyof typeof ippPrinterStates];

/** A job as Get-Job-Attributes describes it. */
export interface CupsJob {
  id: number;
  state: IppJobState;
  /** job-state-reasons, `none` removed. */
  reasons: string[];
}

/** A queue as Get-Printer-Attributes describes it. */
export interface CupsQueue {
  state: IppPrinterState;
  /** printer-state-reasons, `none` removed; severity suffixes (-error, -warning, -report) kept. */
  reasons: string[];
  /** printer-state-message, for staff (e.g. the reason given to `cupsdisable -r`). */
  message: string | undefined;
  acceptingJobs: boolean;
  /**
   * The printer's supplies (toner, ink, waste) as CUPS passes them on from the driver or the printer (marker-names,
   * marker-types, marker-levels; RFC 3805 / PWG 5100.x). Absent or empty: the printer reports none.
   */
  markers?: readonly MarkerLevel[];
}

/** One supply: its name as the printer gives it, its IPP type keyword, and its level in percent when known. */
export interface MarkerLevel {
  name: string;
  type: string;
  /** 0–100; null for the negative levels IPP uses for "unavailable", "unknown" and "some remaining". */
  percent: number | null;
}

export type JobVerdict =
  | { kind: 'in-progress' }
  | { kind: 'printed' }
  /** The job will not print; `cancel` when CUPS still holds it and would print it once someone acts. */
  | { kind: 'not-printed'; failure: PrintFailure; cancel: boolean };

export function verdictOfJob(job: CupsJob): JobVerdict {
  const why = (fallback: string): string => job.reasons.join(' ') || fallback;
  switch (job.state) {
    case 'pending':
    case 'processing':
      return { kind: 'in-progress' };
    case 'completed':
      return job.reasons.includes('job-completed-with-errors')
        ? {
            kind: 'not-printed',
            failure: { reason: 'error', detail: 'completed-with-errors' },
            cancel: false,
          }
        : { kind: 'printed' };
    case 'pending-held':
      return { kind: 'not-printed', failure: { reason: 'job-aborted', detail: why('held') }, cancel: true };
    case 'processing-stopped':
      return {
        kind: 'not-printed',
        failure: { reason: 'job-aborted', detail: why('stopped') },
        cancel: true,
      };
    case 'canceled':
      return {
        kind: 'not-printed',
        failure: { reason: 'job-aborted', detail: `canceled ${why('')}`.trim() },
        cancel: false,
      };
    case 'aborted':
      return {
        kind: 'not-printed',
        failure: { reason: 'job-aborted', detail: `aborted ${why('')}`.trim() },
        cancel: false,
      };
    default: {
      const unreachable: never = job.state;
      return unreachable;
    }
  }
}

/** The kiosk's state for a CUPS queue: sensor faults first, then a stopped queue, then warnings. */
export function stateOfQueue(queue: CupsQueue): PrinterState {
  const has = (prefix: string): boolean => queue.reasons.some((r) => r.startsWith(prefix));
  if (has('media-empty') || has('media-needed')) return { state: 'no-paper' };
  if (has('cover-open') || has('door-open') || has('interlock-open')) return { state: 'cover-open' };
  if (has('media-jam')) return { state: 'error', code: 'media-jam' };
  if (has('offline')) return { state: 'disconnected' };
  if (queue.state === 'stopped' || has('paused') || !queue.acceptingJobs) {
    return queue.message
      ? { state: 'error', code: 'queue-stopped', detail: queue.message }
      : { state: 'error', code: 'queue-stopped' };
  }
  const error = queue.reasons.find((r) => r.endsWith('-error'));
  // Keywords staff screens know are the code; any other is kept as the detail of one code they do know.
  if (error)
    return isDeviceFaultCode(error)
      ? { state: 'error', code: error }
      : { state: 'error', code: 'printer-reported-error', detail: error };
  if (has('media-low')) return { state: 'paper-low' };
  return queue.state === 'processing' ? { state: 'busy' } : { state: 'ready' };
}
