import type { Backend } from '../../backend/contract/backend.js';
import type { BackendError } from '../../backend/contract/errors.js';
import type { CallRequest } from '../../journal/transaction_journal.js';
import { lineTotal, sumAvos } from '../../rpc/money.js';

/**
 * How a paid publication sale ends, the same way in the flow and at the next start after a crash: tell the
 * backend what dropped (`record-dispense`), give back what did not (`refund`), each under the transaction's key
 * for that operation, journalled before it is sent. Sending both again with the same keys replays the first
 * answers, so a sale is recorded and refunded once however often this runs.
 *
 * An item whose turn was under way when the kiosk died counts as not dropped: the resident may have it, but is
 * never charged for something the sensor did not see.
 */

export interface SaleItem {
  publicationId: string;
  slot: string;
  unitAvos: number;
  /**
   * `not-turned`: its spiral was never switched; `not-dropped`: it was (or was about to be: the state is journalled
   * before the motor turns) and the sensor saw nothing; `dropped`: the sensor saw it fall.
   */
  state: 'not-turned' | 'not-dropped' | 'dropped';
}

/** What is journalled with every call of a paid sale: everything needed to finish it with no other memory. */
export interface PaidSaleRecord {
  paymentRef: string;
  terminalId: string;
  items: SaleItem[];
  [field: string]: unknown;
}

export const saleOperations = {
  charge: 'charge',
  dispense: 'dispense',
  recordDispense: 'record-dispense',
  refund: 'refund',
} as const;

export type SettlementOutcome =
  | { kind: 'settled'; resolution: 'confirmed' | 'voided'; refundedAvos: number }
  /** The gateway refused the refund: a member of staff must give the money back. */
  | { kind: 'refund-refused'; owedAvos: number }
  /** No answer from the backend: asked again later (by recovery). */
  | { kind: 'no-answer'; error: BackendError['kind'] };

export function undroppedAmount(items: readonly SaleItem[]): number {
  return sumAvos(items.filter((i) => i.state !== 'dropped').map((i) => lineTotal(i.unitAvos, 1)));
}

/** The items not dropped, grouped per publication, as a refund names them. */
function refundLines(items: readonly SaleItem[]): { publicationId: string; quantity: number }[] {
  const counts = new Map<string, number>();
  for (const item of items)
    if (item.state !== 'dropped') counts.set(item.publicationId, (counts.get(item.publicationId) ?? 0) + 1);
  return [...counts].map(([publicationId, quantity]) => ({ publicationId, quantity }));
}

/**
 * The idempotency key of one of the sale's calls. The flow journals the call first (`recordCall`); recovery,
 * which only replays what the flow may have sent, derives the same key (`callKey`) without a new journal row.
 */
export type SaleCallKey = (operation: string, request: CallRequest) => string;

export async function settlePaidSale(
  backend: Backend,
  keyFor: SaleCallKey,
  sale: PaidSaleRecord,
): Promise<SettlementOutcome> {
  const turned = sale.items.filter((i) => i.state !== 'not-turned');
  if (turned.length > 0) {
    const recorded = await backend.recordDispense({
      idempotencyKey: keyFor(saleOperations.recordDispense, sale),
      paymentRef: sale.paymentRef,
      terminalId: sale.terminalId,
      items: turned.map(({ publicationId, slot, state }) => ({
        publicationId,
        slot,
        dropped: state === 'dropped',
      })),
    });
    if (!recorded.ok && recorded.error.kind !== 'rejected')
      return { kind: 'no-answer', error: recorded.error.kind };
  }
  const anyDropped = sale.items.some((i) => i.state === 'dropped');
  const owed = undroppedAmount(sale.items);
  if (owed === 0) return { kind: 'settled', resolution: 'confirmed', refundedAvos: 0 };
  const refund = await backend.refundPayment({
    idempotencyKey: keyFor(saleOperations.refund, sale),
    paymentRef: sale.paymentRef,
    items: refundLines(sale.items),
    amountAvos: owed,
    reason: 'not-dispensed',
  });
  if (!refund.ok) {
    if (refund.error.kind === 'rejected') return { kind: 'refund-refused', owedAvos: owed };
    return { kind: 'no-answer', error: refund.error.kind };
  }
  return { kind: 'settled', resolution: anyDropped ? 'confirmed' : 'voided', refundedAvos: owed };
}
