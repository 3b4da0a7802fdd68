/** What goes into and comes out of the print pipeline: requests, events, outcomes and typed errors. */
import type { PrinterState } from '../../devices/device_status.js';
import type { PrintFailure } from '../../devices/printer/index.js';
import type { Result } from '../../lib/result.js';
import type { AuditAppendError } from './audit_log.js';
import type { PrintJobHoldReason } from './print_job_reasons.js';
import type { PrinterKind, PrintJobStatus, PrintPayload } from './print_job_store.js';

export interface PrintRequest {
  idempotencyKey: string;
  printerId: string;
  template: string;
  /** Names the job in the spooler and in logs: never personal data. */
  jobName: string;
  /** The resident session the job is for; absent for staff's and self-test prints. */
  sessionId?: string | null;
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
      reason: PrintJobHoldReason;
      /** The driver's failure, when the job came back from the printer (absent for session holds, recovery). */
      failure?: PrintFailure['reason'];
    }
  | { type: 'job-voided'; jobId: number; printerId: string }
  | { type: 'job-expired'; jobId: number; printerId: string; retentionHours: number }
  | { type: 'paper-changed'; printerId: string };

export type PipelineError =
  | { code: 'unknown-printer'; printerId: string }
  | { code: 'payload-mismatch'; printerId: string; expected: PrinterKind }
  | { code: 'job-not-found'; jobId: number }
  | { code: 'wrong-status'; jobId: number; status: PrintJobStatus };
/** A staff action also fails when its audit record is refused (e.g. a reason too long): nothing changes then. */
export type StaffActionError = PipelineError | AuditAppendError;

export interface SubmitOutcome {
  jobId: number;
  /** True when the idempotency key was already known: nothing new was printed. */
  duplicate: boolean;
  status: PrintJobStatus;
  failureReason: string | null;
}

export type SubmitResult = Result<SubmitOutcome, PipelineError>;
export type StaffActionResult = Result<SubmitOutcome, StaffActionError>;

export interface RecoveryReport {
  needsAttention: number[];
  confirmed: number[];
}
