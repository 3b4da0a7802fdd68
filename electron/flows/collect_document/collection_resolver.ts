import { callKey, type TransactionRecord } from '../../journal/transaction_journal.js';
import type { TransactionResolution, TransactionResolver } from '../../journal/transaction_recovery.js';
import {
  type CallEnd,
  type CollectionBackend,
  callConfirm,
  callNotCollected,
  confirmOperation,
  notCollectedOperation,
  notCollectedReasonOf,
} from './collection_calls.js';

/**
 * How a collection an earlier run (or a session that lost the backend) left unfinished is settled, exactly once:
 *
 * - a pending `confirm`: the document was taken (the key is recorded when the flow sees it taken) → the backend is
 *   told again with the same key, and replays its first answer → `confirmed`;
 * - a pending `not-collected-<reason>`: it was taken back → told again with the same key → `voided`;
 * - `dispensed` with nothing pending: the dispenser or the door may have released it, and nobody saw whether it
 *   was taken → staff decide;
 * - before `dispensed`: nothing left the kiosk; whatever the backend set aside is released (`cancelled`) →
 *   `voided`.
 *
 * A backend that does not answer makes the resolver throw: recovery leaves the transaction as it is and asks again
 * later. A refusal the resolver cannot explain goes to staff.
 */
export function collectionResolver(deps: {
  backend: CollectionBackend;
  terminalId: string;
}): TransactionResolver {
  return {
    async resolve(transaction: TransactionRecord): Promise<TransactionResolution> {
      const collectionId = transaction.subject;
      // No subject: the transaction stopped before anything was asked of the backend about a document.
      if (collectionId === null) return 'voided';
      const { backend, terminalId } = deps;
      // The same key the flow used (or would have used): the backend answers a repeated call once.
      const keyOf = (operation: string) => callKey(transaction.idempotencyKey, operation);
      const pending = transaction.pendingCall?.operation ?? null;
      if (pending === confirmOperation) {
        const confirmed = await callConfirm(backend, keyOf(confirmOperation), collectionId, terminalId);
        return settled(confirmed, 'confirmed');
      }
      const reason = pending === null ? undefined : notCollectedReasonOf(pending);
      if (reason !== undefined) {
        const key = keyOf(notCollectedOperation(reason));
        return settled(await callNotCollected(backend, key, collectionId, terminalId, reason), 'voided');
      }
      if (transaction.state === 'dispensed') return 'needs-staff';
      const key = keyOf(notCollectedOperation('cancelled'));
      return settled(await callNotCollected(backend, key, collectionId, terminalId, 'cancelled'), 'voided');
    },
  };
}

function settled(end: CallEnd<unknown>, outcome: 'confirmed' | 'voided'): TransactionResolution {
  if (!end.answered) throw new Error(`backend did not answer: ${end.error.kind}`);
  if (end.value.ok) return outcome;
  const rejection =
    end.value.error.kind === 'rejected' ? end.value.error.rejection.code : end.value.error.kind;
  // Released already, or never reserved: for a document taken back that is the outcome wanted.
  if (outcome === 'voided' && rejection === 'not-reserved') return 'voided';
  return 'needs-staff';
}
