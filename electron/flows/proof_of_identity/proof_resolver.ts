import type { PrintJobStatus } from '../../journal/print_job_rows.js';
import { callKey, type TransactionRecord } from '../../journal/transaction_journal.js';
import type { TransactionResolution, TransactionResolver } from '../../journal/transaction_recovery.js';
import { proofPrintKey, registerOperation } from './proof_issue.js';

/**
 * How a proof of identity an earlier run left unfinished is settled (proof_issue.ts journals it
 * `started → identified → [register] → reserved → printed → confirmed`). What matters is whether a page left the
 * printer — a proof on paper that the backend vouches for is issued; anything else was not:
 *
 * - no subject: it stopped before the page was even made → `voided`;
 * - `identified` (the register call may or may not have reached the backend): nothing was sent to the printer, which
 *   comes only after `reserved`. Whether or not the backend registered the code, no paper carries it (the QR lived
 *   in memory), so nobody can ever present it → `voided`, without asking the backend;
 * - `reserved` (registered; the page may have been queued): the print job, found by its idempotency key, decides:
 *   printed (`sent`, `confirmed`) → `confirmed`; never queued, or voided by staff → `voided`; anything else
 *   (queued, sending, failed, needs-attention — the print pipeline's own recovery holds those for staff, since a
 *   page printed into an unattended tray would expose the resident) → `needs-staff`, who look at the tray;
 * - `printed`: the printer confirmed the page; only the last journal step was missing → `confirmed`.
 */
export function proofResolver(deps: {
  /** The journal's print job with this idempotency key, if any. */
  printJobStatus: (idempotencyKey: string) => PrintJobStatus | undefined;
}): TransactionResolver {
  return {
    async resolve(transaction: TransactionRecord): Promise<TransactionResolution> {
      if (transaction.subject === null) return 'voided';
      const registerKey = callKey(transaction.idempotencyKey, registerOperation);
      const { state } = transaction;
      switch (state) {
        case 'started':
        case 'identified':
          return 'voided';
        case 'reserved':
          return fromPrintJob(deps.printJobStatus(proofPrintKey(registerKey)));
        case 'printed':
          return 'confirmed';
        // Not a step this kind takes (`dispensed`), or settled already: recovery never hands those over.
        case 'dispensed':
        case 'confirmed':
        case 'voided':
          return 'needs-staff';
        default: {
          const unreachable: never = state;
          return unreachable;
        }
      }
    },
  };
}

function fromPrintJob(status: PrintJobStatus | undefined): TransactionResolution {
  switch (status) {
    case undefined:
    case 'voided':
      return 'voided';
    case 'sent':
    case 'confirmed':
      return 'confirmed';
    case 'queued':
    case 'sending':
    case 'failed':
    case 'needs-attention':
      return 'needs-staff';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
