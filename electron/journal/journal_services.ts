/**
 * The journal's services for a running kiosk, built on one open journal: the audit log, the staff alerts, the
 * transaction journal and its recovery. `startJournalServices` records that the configuration was loaded and
 * starts recovering what an earlier run left unfinished; a transaction whose owner could not answer (backend
 * unreachable) is asked again on the clock until it can be settled or handed to staff.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { TypedCodeLockoutStore } from '../lockers/typed_code_lockout_store.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import { AuditLog } from './audit_log.js';
import type { JournalClock } from './journal_clock.js';
import { StaffAlertStore } from './staff_alerts.js';
import { TransactionJournal } from './transaction_journal.js';
import {
  TransactionRecovery,
  type TransactionRecoveryReport,
  type TransactionResolvers,
} from './transaction_recovery.js';

/** How long recovery waits before asking again about transactions whose owner could not answer. */
export const recoveryRetryMs = 5 * 60_000;

export interface JournalServices {
  audit: AuditLog;
  alerts: StaffAlertStore;
  transactions: TransactionJournal;
  /** A locker station's count of refused typed pickup codes, kept across restarts (electron/lockers/). */
  typedCodeLockouts: TypedCodeLockoutStore;
  /** Settles when the first recovery pass has finished (tests and shutdown wait on it). */
  recovered: Promise<TransactionRecoveryReport>;
  /**
   * Runs recovery now: after a flow handed a transaction over (`transactions.handOverToRecovery`). What it cannot
   * settle yet is asked again on the clock, as at start-up.
   */
  recoverNow(): Promise<TransactionRecoveryReport>;
  close(): void;
}

export interface JournalServicesOptions {
  clock: JournalClock;
  logger: KioskLogger;
  /** One per transaction kind, from the flows that own them; a kind without one goes to staff. */
  resolvers: TransactionResolvers;
  /** What was loaded, recorded as `configuration-loaded`. */
  configuration: { terminalId: string; mode: 'production' | 'development' | 'test'; settings: unknown };
}

/** SHA-256 of the configuration's canonical JSON: two terminals with the same settings have the same value. */
export function configurationSha256(settings: unknown): string {
  return createHash('sha256')
    .update(canonicalize(settings) ?? 'null', 'utf8')
    .digest('hex');
}

export function startJournalServices(
  db: Database.Database,
  options: JournalServicesOptions,
): JournalServices {
  const { clock, logger, configuration } = options;
  const audit = new AuditLog(db, clock);
  const alerts = new StaffAlertStore(db, { clock, audit, logger });
  const transactions = new TransactionJournal(db, { clock, audit, alerts });
  const recovery = new TransactionRecovery({ transactions, resolvers: options.resolvers, logger });

  const recorded = audit.append('system', {
    kind: 'configuration-loaded',
    terminalId: configuration.terminalId,
    mode: configuration.mode,
    configSha256: configurationSha256(configuration.settings),
  });
  if (!recorded.ok)
    logger.log('audit-append-failed', { auditKind: 'configuration-loaded', code: recorded.error.code });

  let closed = false;
  let cancelRetry = (): void => {};
  const recover = (): Promise<TransactionRecoveryReport> =>
    recovery.run().then(
      (report) => {
        if (report.deferred.length > 0 && !closed) {
          cancelRetry();
          cancelRetry = clock.setTimeout(() => void recover(), recoveryRetryMs);
        }
        return report;
      },
      (error: unknown) => {
        // A journal fault (a bug): the kiosk keeps serving, the unfinished transactions wait for the next start.
        logger.log('transaction-recovery-failed', { err: error });
        return { confirmed: [], voided: [], needsStaff: [], deferred: [] };
      },
    );

  return {
    audit,
    alerts,
    transactions,
    typedCodeLockouts: new TypedCodeLockoutStore(db),
    recovered: recover(),
    recoverNow: recover,
    close() {
      closed = true;
      cancelRetry();
    },
  };
}
