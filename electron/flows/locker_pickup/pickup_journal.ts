import type { Backend } from '../../backend/contract/backend.js';
import type { BackendError } from '../../backend/contract/errors.js';
import type { TransactionJournal, TransactionRecord } from '../../journal/transaction_journal.js';
import type { TransactionResolution, TransactionResolver } from '../../journal/transaction_recovery.js';
import type { PickupTarget } from '../../lockers/pickup_check.js';

/**
 * A pickup, journalled before every act so that it is recorded exactly once and a door never opens twice for one
 * code (DESIGN.md, "Data"):
 *
 *   start → identified (subject: the application) → reserved (the backend said "waiting, here")
 *     → dispensed + pending `record-pickup` (both committed before the latch is pulsed)
 *     → [door opened, seen open, closed or left open] → recordPickup with that key → confirmed
 *
 * A door that did not open voids the transaction (`door-not-opened`): the code stays good. A door that may have
 * opened without the kiosk knowing goes to staff. After a crash, recovery (the resolver below) finds a `dispensed`
 * pickup with its pending call and sends that call again with the same key: the pickup is recorded, and the door is
 * not opened again — the code is `used` from then on. A pickup that never reached `dispensed` opened nothing and is
 * voided. A backend that answers `already-used` to a key it has not seen is never taken as success: someone else
 * recorded that pickup, and staff must look.
 */

export const recordOperation = 'record-pickup';

export type RecordPickupRequest = {
  applicationId: string;
  pointId: string;
  compartment: string;
  terminalId: string;
};

/** How a `recordPickup` call ended. */
export type RecordEnd = 'recorded' | 'refused' | 'no-answer';

/** Opens the transaction up to the door: returns its id and the key `recordPickup` will carry, or null. */
export function beginPickup(
  transactions: TransactionJournal,
  sessionId: string,
  request: RecordPickupRequest,
): { tx: number; key: string } | null {
  const started = transactions.start('locker-pickup', sessionId);
  if (!started.ok) return null;
  const tx = started.value.id;
  const steps = [
    () => transactions.advance(tx, 'identified'),
    () => transactions.recordSubject(tx, request.applicationId),
    () => transactions.advance(tx, 'reserved'),
    () => transactions.advance(tx, 'dispensed'),
  ];
  for (const step of steps) if (!step().ok) return null;
  const call = transactions.recordCall(tx, recordOperation, request);
  return call.ok ? { tx, key: call.value.idempotencyKey } : null;
}

export function recordRequestOf(
  target: PickupTarget,
  pointId: string,
  terminalId: string,
): RecordPickupRequest {
  return { applicationId: target.applicationId, pointId, compartment: target.compartment, terminalId };
}

export async function callRecordPickup(
  backend: Pick<Backend, 'recordPickup'>,
  idempotencyKey: string,
  request: RecordPickupRequest,
): Promise<{ end: RecordEnd; error: BackendError | null }> {
  const result = await backend.recordPickup({ idempotencyKey, ...request });
  if (result.ok) return { end: 'recorded', error: null };
  return { end: result.error.kind === 'rejected' ? 'refused' : 'no-answer', error: result.error };
}

function isRecordRequest(value: unknown): value is RecordPickupRequest {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['applicationId', 'pointId', 'compartment', 'terminalId'].every(
    (f) => typeof fields[f] === 'string',
  );
}

export function lockerPickupResolver(backend: Pick<Backend, 'recordPickup'>): TransactionResolver {
  return {
    async resolve(transaction: TransactionRecord): Promise<TransactionResolution> {
      const pending = transaction.pendingCall;
      if (transaction.state !== 'dispensed') return 'voided'; // the latch was never pulsed
      if (pending?.operation !== recordOperation || !isRecordRequest(pending.request)) return 'needs-staff';
      const { end, error } = await callRecordPickup(backend, pending.idempotencyKey, pending.request);
      switch (end) {
        case 'recorded':
          return 'confirmed';
        case 'refused':
          return 'needs-staff';
        case 'no-answer':
          throw new Error(`backend did not answer: ${error?.kind ?? 'unknown'}`);
        default: {
          const unreachable: never = end;
          return unreachable;
        }
      }
    },
  };
}
