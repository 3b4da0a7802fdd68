import type { Result } from '../../../lib/result.js';
import { type BackendError, outcomeUnknown, type Rejection } from '../../backend/contract/errors.js';
import type {
  CallRequest,
  TransactionJournal,
  TransactionRecord,
} from '../../journal/transaction_journal.js';
import type { TransactionResolution, TransactionResolver } from '../../journal/transaction_recovery.js';
import type { TransactionKind } from '../../journal/transaction_states.js';
import type { KioskLogger } from '../../logging/kiosk_logger.js';
import type { Clock } from '../../services/clock.js';

/**
 * One resident transaction of the booking family (a new booking, a reschedule, a cancellation, a check-in) in
 * the transaction journal, with the rule that no change is ever left half done:
 *
 *   begin ─► (identified) ─► change: key and request committed ─► backend call ─┬─ answer ─► reserved ─► printed ─► confirmed
 *                                                                               ├─ refusal ─► voided
 *                                                                               └─ no answer: pending (uncertain)
 *
 * A change with no answer stays pending; asking again (`change` with the same operation) sends the same key, so
 * it cannot be done twice. When the resident leaves (`abandon`), whatever is pending is settled by the kind's
 * resolver (booking_resolvers.ts) — now if it can, or again on the clock until the backend answers; a kiosk
 * restarted meanwhile settles it at start instead. A change that was never sent (the circuit was open) is voided.
 */

export type ChangeOutcome<T> =
  | { kind: 'answered'; value: T }
  | { kind: 'rejected'; rejection: Rejection }
  /** Not sent (the backend is known to be down, or the request was refused before leaving): nothing happened. */
  | { kind: 'not-sent' }
  /** Sent, but no answer: it may have happened. Ask again, or leave it to the resolver. */
  | { kind: 'no-answer' };

/** How long a transaction the resident left waits before its resolver asks the backend again. */
export const settleRetryMs = 60_000;
const settleAttempts = 30;

export interface ResidentTransactionDeps {
  transactions: TransactionJournal;
  resolver: TransactionResolver;
  clock: Clock;
  logger: KioskLogger;
}

export class ResidentTransaction {
  #id: number | null = null;
  /** An attempt of the pending change got no answer: it may have been carried out. */
  #uncertain = false;
  /** The change last sent, to tell a retry (same key, same request) from a different change. */
  #lastCall = '';
  #calling = false;
  #abandoned = false;

  constructor(
    private readonly deps: ResidentTransactionDeps,
    private readonly kind: TransactionKind,
    private readonly sessionId: string,
  ) {}

  /**
   * Commits the key and request, makes the call, and records its answer. The transaction starts with the first
   * change (the resident, or their booking, is known by then: `identified`). The same change again is a replay
   * with the same key; a different change after one without an answer first settles that one, so two changes
   * never share a key and an unknown one is never forgotten.
   */
  async change<T>(
    operation: string,
    request: CallRequest,
    send: (idempotencyKey: string) => Promise<Result<T, BackendError>>,
  ): Promise<ChangeOutcome<T>> {
    if (this.#calling) throw new Error('a change is already on its way');
    const call = JSON.stringify([operation, request]);
    const open = this.#openId();
    if (open !== null && this.#uncertain && call !== this.#lastCall) {
      if (!(await this.#settleNow(open))) return { kind: 'not-sent' };
    }
    const id = this.#openId() ?? this.#start();
    const recorded = this.deps.transactions.recordCall(id, operation, request);
    if (!recorded.ok) throw new Error(`transaction journal refused a call: ${recorded.error.code}`);
    this.#lastCall = call;
    this.#calling = true;
    let answer: Result<T, BackendError>;
    try {
      answer = await send(recorded.value.idempotencyKey);
    } finally {
      this.#calling = false;
    }
    if (this.#abandoned) {
      // The resident left while the call ran: whatever it did, they never saw it; the resolver decides.
      this.#uncertain = true;
      this.#settleLater(id, 0);
      return { kind: 'no-answer' };
    }
    const { logger, transactions } = this.deps;
    const logged = { transactionId: id, operation };
    if (answer.ok) {
      this.#uncertain = false;
      this.#must(transactions.advance(id, 'reserved'));
      logger.log('booking-change-made', logged);
      return { kind: 'answered', value: answer.value };
    }
    const error = answer.error;
    if (error.kind === 'rejected') {
      this.#uncertain = false;
      this.#must(transactions.void(id, `rejected ${error.rejection.code}`));
      logger.log('booking-change-refused', { ...logged, code: error.rejection.code });
      return { kind: 'rejected', rejection: error.rejection };
    }
    if (outcomeUnknown(error)) {
      this.#uncertain = true;
      logger.log('booking-change-unanswered', { ...logged, error: error.kind });
      return { kind: 'no-answer' };
    }
    logger.log('booking-backend-unavailable', { call: operation, error: error.kind });
    return { kind: 'not-sent' };
  }

  /** The slip or ticket printed. */
  printed(): void {
    const id = this.#openId();
    if (id !== null) this.#must(this.deps.transactions.advance(id, 'printed'));
  }

  /** Done: the resident has what the change gave (the answered change stands with or without its paper). */
  confirm(): void {
    const id = this.#openId();
    if (id !== null) this.#must(this.deps.transactions.advance(id, 'confirmed'));
  }

  /**
   * The resident left (cancel, timeout, done). An answered change stands; one never sent is voided; one that may
   * have happened goes to the resolver (a call still on its way goes there when it returns). Safe to call twice.
   */
  abandon(): void {
    if (this.#abandoned) return;
    this.#abandoned = true;
    const id = this.#openId();
    if (id === null || this.#calling) return;
    const record = this.deps.transactions.get(id);
    if (!record) return;
    if (record.pendingCall !== null && this.#uncertain) this.#settleLater(id, 0);
    else if (record.pendingCall !== null || record.state === 'identified' || record.state === 'started')
      this.#must(this.deps.transactions.void(id, 'resident-left'));
    else this.#must(this.deps.transactions.advance(id, 'confirmed'));
  }

  #start(): number {
    const started = this.deps.transactions.start(this.kind, this.sessionId);
    if (!started.ok) throw new Error(`transaction journal refused a start: ${started.error.code}`);
    this.#id = started.value.id;
    this.#uncertain = false;
    this.#must(this.deps.transactions.advance(this.#id, 'identified'));
    return this.#id;
  }

  /** The transaction if it is still open. */
  #openId(): number | null {
    if (this.#id === null) return null;
    const state = this.deps.transactions.get(this.#id)?.state;
    return state === undefined || state === 'confirmed' || state === 'voided' ? null : this.#id;
  }

  /** Asks the resolver now; true once settled (whatever the outcome), false if the backend did not answer. */
  async #settleNow(id: number): Promise<boolean> {
    const record = this.deps.transactions.get(id);
    if (!record) return true;
    try {
      this.#apply(record, await this.deps.resolver.resolve(record));
      this.#uncertain = false;
      return true;
    } catch {
      return false;
    }
  }

  #settleLater(id: number, attempt: number): void {
    const record = this.deps.transactions.get(id);
    if (!record || record.state === 'confirmed' || record.state === 'voided') return;
    this.deps.resolver.resolve(record).then(
      (resolution) => this.#apply(record, resolution),
      () => {
        if (attempt + 1 < settleAttempts)
          this.deps.clock.setTimeout(() => this.#settleLater(id, attempt + 1), settleRetryMs);
      },
    );
  }

  #apply(record: TransactionRecord, resolution: TransactionResolution): void {
    const { transactions, logger } = this.deps;
    const applied =
      resolution === 'needs-staff'
        ? transactions.handToStaff(record.id, 'owner-asks-for-staff')
        : transactions.settle(record.id, resolution, 'settled-after-no-answer');
    if (applied.ok)
      logger.log('booking-change-settled', {
        transactionId: record.id,
        operation: record.pendingCall?.operation ?? null,
        outcome: resolution,
      });
  }

  #must<T>(result: Result<T, { code: string }>): T {
    if (!result.ok) throw new Error(`transaction journal refused a move: ${result.error.code}`);
    return result.value;
  }
}
