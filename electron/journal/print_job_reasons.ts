/**
 * Why a print job waits for staff, as a fixed list the journal stores and the staff screens translate
 * (`maintenance:jobReason.<kind>.<code>`, kept complete by `test/i18n/maintenance_codes.test.ts`): never English text.
 * A printer's own words (a CUPS message, a USB errno) go to the log beside the job id, not into the reason.
 *
 * - held (`needs-attention`): why the job was taken out of the queue;
 * - failed: the printer's failure, resumed by itself when the printer is ready again (`PrintFailure['reason']`);
 * - voided: by staff or expired (the staff member's chosen reason is in the audit log).
 */
import type { PrintFailure } from '../../devices/printer/index.js';
import type { VoidReason } from './print_job_rows.js';

export const printJobHoldReasons = [
  'interrupted-while-sending',
  'not-printed-before-restart',
  'resident-session-ended-before-printing',
  'printer-error',
  'printer-timeout',
  'queue-stopped',
  'job-aborted',
  'spooler-unavailable',
  'printer-no-paper',
  'printer-cover-open',
  'printer-disconnected',
  // The job's bytes were gone from the journal when its turn came (nothing to print).
  'payload-missing',
] as const;
export type PrintJobHoldReason = (typeof printJobHoldReasons)[number];

export const printFailureReasons = [
  'no-paper',
  'cover-open',
  'disconnected',
  'timeout',
  'queue-stopped',
  'job-aborted',
  'spooler-unavailable',
  'error',
] as const satisfies readonly PrintFailure['reason'][];
// Both ways: a reason added to PrintFailure and not here fails to compile.
const everyFailureListed: Exclude<PrintFailure['reason'], (typeof printFailureReasons)[number]> extends never
  ? true
  : never = true;
void everyFailureListed;

export const voidReasonCodes = ['voided-by-staff', 'expired'] as const satisfies readonly VoidReason[];

/** The reason that goes with a job's status on the staff screens. */
export type StaffJobReason =
  | { kind: 'held'; code: PrintJobHoldReason | 'unrecorded' }
  | { kind: 'failed'; code: PrintFailure['reason'] | 'unrecorded' }
  | { kind: 'voided'; code: VoidReason };

const holdReasons: ReadonlySet<string> = new Set(printJobHoldReasons);
const failureReasons: ReadonlySet<string> = new Set(printFailureReasons);

/**
 * A hold reason as the journal holds it. Journals written before this list kept English text that starts with the
 * code ("printer-error: usb-io: …", "interrupted-while-sending: outcome unknown…"): their code is what counts.
 */
export function holdReasonOf(stored: string): PrintJobHoldReason | 'unrecorded' {
  const code = stored.split(':')[0]?.trim() ?? '';
  return holdReasons.has(code) ? (code as PrintJobHoldReason) : 'unrecorded';
}

export function failureReasonOf(stored: string): PrintFailure['reason'] | 'unrecorded' {
  return failureReasons.has(stored) ? (stored as PrintFailure['reason']) : 'unrecorded';
}
