import type { VendingUnit } from '../../../devices/vending/index.js';
import type { Backend } from '../../backend/contract/backend.js';
import type { BasketLine, Payment } from '../../backend/contract/publications.js';
import type { CallRequest, TransactionJournal } from '../../journal/transaction_journal.js';
import { basketTotal } from '../../rpc/money.js';
import type { PlannedItem } from './dispense_plan.js';
import {
  type PaidSaleRecord,
  type SaleItem,
  type SettlementOutcome,
  saleOperations,
  settlePaidSale,
} from './sale_settlement.js';

/**
 * One resident's purchase of publications, as a journalled transaction (`publication-sale`):
 *
 *   started ──charge──▶ reserved (paid; turn each item; record, refund) ──▶ dispensed ──▶ confirmed
 *      └─ refused: voided, nothing charged      └─ nothing dropped, all refunded: voided (refunded)
 *
 * The sale moves to `dispensed` only once settled with the backend: every move clears the journalled call, and
 * until then the journalled call holds the items and their states, which is what recovery settles from.
 *
 * - Paying journals the charge (operation and request, never the wallet code) before it is sent, under a key that
 *   stays the same until the gateway answers: a timeout, then the resident scanning again, asks the gateway
 *   whether that key charged and only charges when it did not, so one basket is charged once. A definite refusal
 *   ends that attempt; the next scan is a new attempt with a key of its own.
 * - Dispensing journals the items' states before each motor turns (the `dispense` call's request), so the next
 *   start knows what dropped; a slot that turned twice without a drop is not turned again in this sale.
 * - The end is sale_settlement.ts, shared with recovery: record what dropped, refund what did not. A refund the
 *   gateway refuses hands the transaction to staff (with an alert); no answer hands it to recovery.
 */

export type PaymentRefusal =
  | 'payment-declined'
  | 'insufficient-funds'
  | 'price-changed'
  | 'out-of-stock'
  | 'unavailable';

export type PayOutcome =
  | { kind: 'paid'; payment: Payment }
  /** Nothing was charged. */
  | { kind: 'refused'; reason: PaymentRefusal }
  /** The gateway did not answer: maybe charged. Scanning again asks first, so it never charges twice. */
  | { kind: 'no-answer' };

export type SaleEnd =
  | { kind: 'completed'; dispensed: number; notDispensed: number; refundedAvos: number }
  | { kind: 'refund-refused'; dispensed: number; owedAvos: number }
  | { kind: 'refund-pending'; dispensed: number };

export interface SaleDependencies {
  backend: Backend;
  transactions: TransactionJournal;
  vending: VendingUnit;
  terminalId: string;
  sessionId: string | null;
}

export class PublicationSale {
  readonly amountAvos: number;
  #payment: Payment | undefined;
  #attempt = 1;
  /** The charge of this attempt was sent and no answer came back. */
  #unanswered = false;
  readonly #items: SaleItem[];

  private constructor(
    private readonly deps: SaleDependencies,
    private readonly transactionId: number,
    private readonly lines: readonly BasketLine[],
    planned: readonly PlannedItem[],
  ) {
    this.amountAvos = basketTotal(lines);
    this.#items = planned.map((p) => ({ ...p, state: 'not-turned' as const }));
  }

  static start(
    deps: SaleDependencies,
    lines: readonly BasketLine[],
    planned: readonly PlannedItem[],
  ): PublicationSale {
    const started = deps.transactions.start('publication-sale', deps.sessionId);
    if (!started.ok) throw new Error(`journal refused a sale: ${started.error.code}`);
    return new PublicationSale(deps, started.value.id, lines, planned);
  }

  get id(): number {
    return this.transactionId;
  }

  get payment(): Payment | undefined {
    return this.#payment;
  }

  items(): readonly SaleItem[] {
    return this.#items;
  }

  async pay(walletCode: string): Promise<PayOutcome> {
    if (this.#payment) return { kind: 'paid', payment: this.#payment };
    const operation =
      this.#attempt === 1 ? saleOperations.charge : `${saleOperations.charge}-${this.#attempt}`;
    const request = { terminalId: this.deps.terminalId, lines: [...this.lines], amountAvos: this.amountAvos };
    // The journal keeps the planned items too, so recovery can refund a charge made before any turned.
    const journalled = { ...request, items: this.#items.map((i) => ({ ...i })) };
    const recorded = this.deps.transactions.recordCall(this.transactionId, operation, journalled);
    if (!recorded.ok) throw new Error(`journal refused the charge: ${recorded.error.code}`);
    const chargeKey = recorded.value.idempotencyKey;
    if (this.#unanswered) {
      // Ask before charging again: the first request may have gone through.
      const status = await this.deps.backend.paymentStatus({ chargeKey });
      if (!status.ok) return { kind: 'no-answer' };
      if (status.value.status === 'charged') return this.#paid(status.value.payment);
    }
    const charged = await this.deps.backend.chargePayment({
      ...request,
      idempotencyKey: chargeKey,
      walletCode,
    });
    if (charged.ok) return this.#paid(charged.value);
    if (charged.error.kind !== 'rejected') {
      this.#unanswered = true;
      return { kind: 'no-answer' };
    }
    this.#unanswered = false;
    this.#attempt += 1;
    const rejection = charged.error.rejection;
    switch (rejection.code) {
      case 'payment-declined':
      case 'insufficient-funds':
      case 'price-changed':
      case 'out-of-stock':
        return { kind: 'refused', reason: rejection.code };
      default:
        return { kind: 'refused', reason: 'unavailable' };
    }
  }

  #paid(payment: Payment): PayOutcome {
    this.#payment = payment;
    this.#unanswered = false;
    const subject = this.deps.transactions.recordSubject(this.transactionId, payment.paymentRef);
    const advanced = this.deps.transactions.advance(this.transactionId, 'reserved');
    if (!subject.ok || !advanced.ok) throw new Error('journal refused the payment');
    // A move clears the pending call: journal the sale's items at once, so a paid sale always has them.
    this.#must(
      this.deps.transactions.recordCall(this.transactionId, saleOperations.dispense, this.#record()),
    );
    return { kind: 'paid', payment };
  }

  #record(): PaidSaleRecord {
    if (!this.#payment) throw new Error('a sale dispenses only once paid');
    return {
      paymentRef: this.#payment.paymentRef,
      terminalId: this.deps.terminalId,
      items: this.#items.map((i) => ({ ...i })),
    };
  }

  /** Turns out every item, then records and refunds; `onItem` is told after each item (for the screen). */
  async dispense(onItem?: (index: number, item: SaleItem) => void): Promise<SaleEnd> {
    const failedSlots = new Set<string>();
    for (const [index, item] of this.#items.entries()) {
      if (failedSlots.has(item.slot)) {
        item.state = 'not-dropped';
        onItem?.(index, item);
        continue;
      }
      item.state = 'not-dropped';
      const journalled = this.deps.transactions.recordCall(
        this.transactionId,
        saleOperations.dispense,
        this.#record(),
      );
      if (!journalled.ok) throw new Error(`journal refused a dispense: ${journalled.error.code}`);
      const vended = await this.deps.vending.vend(item.slot);
      if (vended.ok && vended.value.dropped) item.state = 'dropped';
      else failedSlots.add(item.slot);
      onItem?.(index, item);
    }
    // The sale stays `reserved` until it is settled: moving clears the journalled items, which recovery needs.
    const dispensed = this.#items.filter((i) => i.state === 'dropped').length;
    const keyFor = (operation: string, request: CallRequest) => {
      const recorded = this.deps.transactions.recordCall(this.transactionId, operation, request);
      if (!recorded.ok) throw new Error(`journal refused ${operation}: ${recorded.error.code}`);
      return recorded.value.idempotencyKey;
    };
    const outcome = await settlePaidSale(this.deps.backend, keyFor, this.#record());
    return this.#end(outcome, dispensed);
  }

  #end(outcome: SettlementOutcome, dispensed: number): SaleEnd {
    const { transactions } = this.deps;
    switch (outcome.kind) {
      case 'settled':
        if (outcome.resolution === 'confirmed') {
          this.#must(transactions.advance(this.transactionId, 'dispensed'));
          this.#must(transactions.advance(this.transactionId, 'confirmed'));
        } else this.#must(transactions.void(this.transactionId, 'refunded'));
        return {
          kind: 'completed',
          dispensed,
          notDispensed: this.#items.length - dispensed,
          refundedAvos: outcome.refundedAvos,
        };
      case 'refund-refused':
        this.#must(transactions.handToStaff(this.transactionId, 'refund-refused'));
        return { kind: 'refund-refused', dispensed, owedAvos: outcome.owedAvos };
      case 'no-answer':
        this.#must(transactions.handOverToRecovery(this.transactionId));
        return { kind: 'refund-pending', dispensed };
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  }

  /**
   * The session ended (done, cancel, idle timeout) with the sale unfinished. Not paid: nothing was charged and the
   * transaction is voided, unless a charge had no answer. That charge, or a payment whose items were not all
   * turned out, is handed to recovery, which refunds whatever did not drop.
   */
  abandon(): void {
    const current = this.deps.transactions.get(this.transactionId);
    if (current === undefined || current.needsStaffReason !== null) return;
    switch (current.state) {
      case 'started':
        if (this.#unanswered) this.#must(this.deps.transactions.handOverToRecovery(this.transactionId));
        else this.#must(this.deps.transactions.void(this.transactionId, 'abandoned'));
        return;
      case 'reserved':
      case 'dispensed':
        this.#must(this.deps.transactions.handOverToRecovery(this.transactionId));
        return;
      default:
        return;
    }
  }

  #must(result: { ok: boolean }): void {
    if (!result.ok) throw new Error('journal refused a move of a sale');
  }
}
