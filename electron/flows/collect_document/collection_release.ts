import type { ReadyDocument } from '../../backend/contract/collection.js';
import { callKey } from '../../journal/transaction_journal.js';
import type { FlowServices } from '../flow.js';
import {
  type CollectionCallContext,
  confirmCollection,
  type NotCollectedReason,
  reportNotCollected,
} from './collection_calls.js';
import { type HandOver, handOverBooklet, handOverCard } from './hand_over.js';

/**
 * One document released to the resident, exactly once, journalled before every act (DESIGN.md, "Data"):
 *
 *   start → identified (subject: the collection id) → [reserve] → reserved → dispensed → [confirm] → confirmed
 *
 * 1. `reserve` holds the document for this kiosk with the PIN's authorisation.
 * 2. `dispensed` is written before the dispenser or the door moves: after a crash, a transaction past `reserved`
 *    may have released a document, and only a pending `confirm` (recorded when the document was seen taken) says
 *    it did. Recovery (collection_resolver.ts) confirms that one, and hands any other `dispensed` one to staff.
 * 3. Taken: `confirm`. Not taken (a card pulled back), jammed, empty, a door that failed: `not-collected-<reason>`,
 *    and the document stays ready for the resident. A device that stopped a release raises a staff alert.
 * 4. A call the backend did not answer is not retried here: the transaction is handed over to recovery, which asks
 *    again with the same key until the backend answers (the resident is told the kiosk will do it).
 */

export type ReleaseOutcome =
  /** `receiptKey`: the receipt's print idempotency key, derived from the transaction's, so it prints once. */
  | { outcome: 'collected'; confirmedLater: boolean; receiptKey: string }
  /** The card was not taken and was pulled back: still ready for the resident. */
  | { outcome: 'not-collected' }
  | { outcome: 'release-failed'; problem: 'jam' | 'empty' | 'door' | 'device' }
  | { outcome: 'unavailable'; reason: 'backend' | 'held-elsewhere' | 'not-here' }
  /** The PIN's authorisation ran out before the resident chose: they identify again. */
  | { outcome: 'identify-again' };

export type ReleaseStage = 'preparing' | 'take-card' | 'take-from-door' | 'confirming';

export type ReleaseServices = Pick<FlowServices, 'backend' | 'config' | 'devices' | 'journal' | 'logger'>;

export interface ReleaseRequest {
  document: ReadyDocument;
  authorisation: string;
  sessionId: string;
  onStage(stage: ReleaseStage, door: string | null): void;
}

/** The device a document leaves through, or null when this kiosk has none for it. */
export function releaseDeviceFor(devices: FlowServices['devices'], document: ReadyDocument): boolean {
  if (document.format === 'card') return devices.dispensers().length > 0;
  const door = document.compartment;
  return door !== null && devices.lockers().some((locker) => locker.driver.doors().includes(door));
}

export async function releaseDocument(
  services: ReleaseServices,
  request: ReleaseRequest,
): Promise<ReleaseOutcome> {
  const { journal, backend, config, logger } = services;
  const { transactions } = journal;
  const { document } = request;
  const calls: CollectionCallContext = { backend, transactions, terminalId: config.terminal.id };
  const tx = startTransaction(services, request);
  if (tx === null) return { outcome: 'unavailable', reason: 'backend' };
  const log = (event: 'collection-released' | 'collection-not-released', fields: Record<string, unknown>) =>
    logger.log(event, {
      transactionId: tx,
      collectionId: document.collectionId,
      format: document.format,
      ...fields,
    });

  // 1. Reserve.
  const reserveKey = transactions.recordCall(tx, 'reserve');
  if (!reserveKey.ok) return { outcome: 'unavailable', reason: 'backend' };
  const reserved = await backend.reserveCollection({
    idempotencyKey: reserveKey.value.idempotencyKey,
    collectionId: document.collectionId,
    terminalId: config.terminal.id,
    authorisation: request.authorisation,
  });
  if (!reserved.ok) {
    const error = reserved.error;
    log('collection-not-released', {
      step: 'reserve',
      error: error.kind === 'rejected' ? error.rejection.code : error.kind,
    });
    if (error.kind === 'rejected') {
      transactions.void(tx, `reserve-${error.rejection.code}`);
      return error.rejection.code === 'not-authorised'
        ? { outcome: 'identify-again' }
        : { outcome: 'unavailable', reason: 'held-elsewhere' };
    }
    // The backend may have set it aside without answering: release it (or let recovery do it).
    await endNotCollected(services, calls, tx, document, 'cancelled');
    return { outcome: 'unavailable', reason: 'backend' };
  }
  if (!transactions.advance(tx, 'reserved').ok) return { outcome: 'unavailable', reason: 'backend' };

  // 2. Journal, then release.
  if (!transactions.advance(tx, 'dispensed').ok) return { outcome: 'unavailable', reason: 'backend' };
  request.onStage('preparing', null);
  const released = await handOver(services, document, request);
  log('collection-released', { outcome: released.outcome });
  switch (released.outcome) {
    case 'taken':
      break;
    case 'not-taken':
      await endNotCollected(services, calls, tx, document, 'not-taken');
      return { outcome: 'not-collected' };
    case 'stopped': {
      alertStaff(services, tx, released.deviceId, released.problem);
      await endNotCollected(services, calls, tx, document, released.reason);
      return { outcome: 'release-failed', problem: released.problem };
    }
    case 'uncertain':
      // Only a person can tell whether the document left: the transaction goes to staff with an alert.
      alertStaff(services, tx, released.deviceId, released.problem);
      transactions.handToStaff(tx, `release-${released.detail}`);
      return { outcome: 'release-failed', problem: released.problem };
    default: {
      const unreachable: never = released;
      return unreachable;
    }
  }

  // 3. Taken: confirm.
  request.onStage('confirming', null);
  const receiptKey = callKey(transactions.get(tx)?.idempotencyKey ?? String(tx), 'receipt');
  const confirmed = await confirmCollection(calls, tx, document.collectionId);
  if (confirmed.ok && confirmed.value.answered) {
    if (confirmed.value.value.ok) {
      transactions.advance(tx, 'confirmed');
      return { outcome: 'collected', confirmedLater: false, receiptKey };
    }
    // The backend refuses a collection that happened: staff reconcile it (the resident keeps the document).
    transactions.handToStaff(tx, `confirm-refused-${confirmed.value.value.error.kind}`);
    return { outcome: 'collected', confirmedLater: true, receiptKey };
  }
  handOverToRecovery(services, tx);
  return { outcome: 'collected', confirmedLater: true, receiptKey };
}

function startTransaction(services: ReleaseServices, request: ReleaseRequest): number | null {
  const { transactions } = services.journal;
  const started = transactions.start('collection', request.sessionId);
  if (!started.ok) return null;
  const id = started.value.id;
  if (!transactions.advance(id, 'identified').ok) return null;
  if (!transactions.recordSubject(id, request.document.collectionId).ok) return null;
  return id;
}

function handOver(
  services: ReleaseServices,
  document: ReadyDocument,
  request: ReleaseRequest,
): Promise<HandOver> {
  const none = (problem: 'device' | 'door', reason: NotCollectedReason): Promise<HandOver> =>
    Promise.resolve({ outcome: 'stopped', problem, reason, deviceId: 'none' });
  if (document.format === 'card') {
    const dispenser = services.devices.dispensers()[0];
    return dispenser
      ? handOverCard(dispenser, () => request.onStage('take-card', null))
      : none('device', 'cancelled');
  }
  const door = document.compartment;
  const locker = services.devices
    .lockers()
    .find((candidate) => door !== null && candidate.driver.doors().includes(door));
  if (!locker || door === null) return none('door', 'door-failed');
  return handOverBooklet(locker, door, () => request.onStage('take-from-door', door));
}

/** Taken back (or never out): the backend is told it is ready again; unanswered, recovery tells it later. */
async function endNotCollected(
  services: ReleaseServices,
  calls: CollectionCallContext,
  tx: number,
  document: ReadyDocument,
  reason: NotCollectedReason,
): Promise<void> {
  const reported = await reportNotCollected(calls, tx, document.collectionId, reason);
  if (reported.ok && reported.value.answered) {
    services.journal.transactions.void(tx, reason);
    return;
  }
  handOverToRecovery(services, tx);
}

function handOverToRecovery(services: ReleaseServices, tx: number): void {
  if (services.journal.transactions.handOverToRecovery(tx).ok) void services.journal.recoverNow();
}

function alertStaff(
  services: ReleaseServices,
  tx: number,
  deviceId: string,
  problem: 'jam' | 'empty' | 'door' | 'device',
): void {
  services.journal.alerts.raise(
    'device-needs-staff',
    { code: 'release-stopped', deviceId, problem },
    { transactionId: tx },
  );
}
