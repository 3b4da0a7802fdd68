/**
 * Recovery of the transactions an earlier run of the kiosk left unfinished (a crash, a power cut, a kill -9).
 *
 * The journal knows where a transaction stopped but not what the backend did with a call whose reply was lost;
 * the transaction's owner does. So each kind has a resolver — the flows implement it by asking the backend again
 * with the transaction's recorded keys, which replays the first answer — and recovery applies its answer:
 * - `confirmed`: the backend issued it and the resident got it → the transaction is confirmed;
 * - `voided`: nothing was issued, or what was reserved has been released → voided;
 * - `needs-staff`: only a person can tell (a door that may have opened, a print that may be in the tray) → the
 *   transaction is handed to staff with an alert (one database transaction), and recovery never asks again.
 * A resolver that fails (backend unreachable) leaves the transaction as it is: the next run asks again. A kind
 * without a resolver goes to staff. Each answer is applied once: the move is conditional on the state read.
 */
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { TransactionJournal, TransactionRecord } from './transaction_journal.js';
import type { TransactionKind } from './transaction_states.js';

export type TransactionResolution = 'confirmed' | 'voided' | 'needs-staff';

export interface TransactionResolver {
  /** Asks the transaction's owner (the backend, again, with the same keys) how it ended. */
  resolve(transaction: TransactionRecord): Promise<TransactionResolution>;
}

export type TransactionResolvers = Partial<Record<TransactionKind, TransactionResolver>>;

export interface TransactionRecoveryReport {
  confirmed: number[];
  voided: number[];
  needsStaff: number[];
  /** The resolver failed: left unfinished for the next run. */
  deferred: number[];
}

export class TransactionRecovery {
  #running: Promise<TransactionRecoveryReport> | undefined;

  constructor(
    private readonly options: {
      transactions: TransactionJournal;
      resolvers: TransactionResolvers;
      logger: KioskLogger;
    },
  ) {}

  /** Resolves every unfinished transaction of earlier runs; a call while one is running joins it. */
  run(): Promise<TransactionRecoveryReport> {
    this.#running ??= this.#runOnce().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #runOnce(): Promise<TransactionRecoveryReport> {
    const report: TransactionRecoveryReport = { confirmed: [], voided: [], needsStaff: [], deferred: [] };
    for (const transaction of this.options.transactions.unfinishedFromEarlierBoots()) {
      const resolver = this.options.resolvers[transaction.kind];
      if (!resolver) {
        this.#handToStaff(transaction, 'no-resolver-for-kind', report);
        continue;
      }
      let answer: unknown;
      try {
        answer = await resolver.resolve(transaction);
      } catch (error) {
        report.deferred.push(transaction.id);
        this.options.logger.log('transaction-resolver-failed', {
          transactionId: transaction.id,
          kind: transaction.kind,
          state: transaction.state,
          error: errorName(error),
        });
        continue;
      }
      this.#apply(transaction, answer, report);
    }
    return report;
  }

  #apply(transaction: TransactionRecord, answer: unknown, report: TransactionRecoveryReport): void {
    const resolution = answer as TransactionResolution;
    switch (resolution) {
      case 'confirmed':
      case 'voided': {
        const settled = this.options.transactions.settle(
          transaction.id,
          resolution,
          `recovered-from-${transaction.state}`,
        );
        if (!settled.ok) return;
        (resolution === 'confirmed' ? report.confirmed : report.voided).push(transaction.id);
        this.options.logger.log('transaction-recovered', {
          transactionId: transaction.id,
          kind: transaction.kind,
          from: transaction.state,
          outcome: resolution,
        });
        return;
      }
      case 'needs-staff':
        this.#handToStaff(transaction, 'owner-asks-for-staff', report);
        return;
      default: {
        // A resolver answering outside its type is a bug in the resolver; a person decides instead (the log line
        // of the hand-over names the reason; the answer itself is not logged, it could be anything).
        const _unexpected: never = resolution;
        this.#handToStaff(transaction, 'resolver-answer-invalid', report);
      }
    }
  }

  #handToStaff(transaction: TransactionRecord, reason: string, report: TransactionRecoveryReport): void {
    if (!this.options.transactions.handToStaff(transaction.id, reason).ok) return;
    report.needsStaff.push(transaction.id);
    this.options.logger.log('transaction-handed-to-staff', {
      transactionId: transaction.id,
      kind: transaction.kind,
      state: transaction.state,
      reason,
    });
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
