import type { Backend } from '../../backend/contract/backend.js';
import { callKey, type TransactionRecord } from '../../journal/transaction_journal.js';
import type { TransactionResolution, TransactionResolver } from '../../journal/transaction_recovery.js';
import { BackendNotAnswering } from '../booking/booking_resolvers.js';
import { type PaidSaleRecord, type SaleItem, saleOperations, settlePaidSale } from './sale_settlement.js';

/**
 * How a publication sale left unfinished is settled at the next start (transaction_recovery.ts). The resident is
 * gone, so nothing more is dispensed and nothing is charged:
 * - no charge was sent → voided;
 * - settled already (`dispensed`, nothing pending) → confirmed; paid with nothing journalled (a cut between two
 *   journal writes) → staff;
 * - a charge was sent and its answer not recorded → ask the gateway with that key (`paymentStatus`, which never
 *   charges): not charged → voided; charged → everything is refunded → voided;
 * - paid, with items turned or about to turn (`dispense`, `record-dispense`, `refund` pending) → the journalled
 *   item states are recorded and what did not drop is refunded, with the keys the flow used, so a step the flow
 *   had already sent is replayed, not repeated → confirmed when something dropped, voided when nothing did;
 * - a refund the gateway refuses → staff (recovery raises the alert); no answer → asked again later.
 */

function isCharge(operation: string): boolean {
  return operation === saleOperations.charge || operation.startsWith(`${saleOperations.charge}-`);
}

function resolutionOf(outcome: Awaited<ReturnType<typeof settlePaidSale>>): TransactionResolution {
  switch (outcome.kind) {
    case 'settled':
      return outcome.resolution;
    case 'refund-refused':
      return 'needs-staff';
    case 'no-answer':
      throw new BackendNotAnswering(outcome.error);
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

export function publicationSaleResolver(backend: Backend): TransactionResolver {
  return {
    async resolve(tx: TransactionRecord): Promise<TransactionResolution> {
      const keyFor = (operation: string) => callKey(tx.idempotencyKey, operation);
      const pending = tx.pendingCall;
      if (pending === null || pending.request === null) {
        switch (tx.state) {
          // A sale reaches `dispensed` only once settled with the backend.
          case 'dispensed':
            return 'confirmed';
          // Paid, and cut before its items were journalled (one step later): a person checks the payment.
          case 'reserved':
            return 'needs-staff';
          default:
            return 'voided';
        }
      }
      if (isCharge(pending.operation)) {
        const status = await backend.paymentStatus({ chargeKey: pending.idempotencyKey });
        if (!status.ok) throw new BackendNotAnswering(status.error.kind);
        if (status.value.status === 'not-charged') return 'voided';
        const request = pending.request as { terminalId: string; items: SaleItem[] };
        // Paid, never turned: every item is refunded.
        const items = request.items.map((i) => ({ ...i, state: 'not-turned' as const }));
        const sale: PaidSaleRecord = {
          paymentRef: status.value.payment.paymentRef,
          terminalId: request.terminalId,
          items,
        };
        return resolutionOf(await settlePaidSale(backend, keyFor, sale));
      }
      const sale = pending.request as PaidSaleRecord;
      return resolutionOf(await settlePaidSale(backend, keyFor, sale));
    },
  };
}
