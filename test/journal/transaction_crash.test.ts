/**
 * Exactly once across a crash: a child process runs one transaction (journal, then backend) and is killed with
 * SIGKILL at each transition and at each lost reply; the journal is reopened as the next start would and
 * recovery asks the transaction's owner — a resolver that asks the backend again with the recorded keys and
 * counts its calls. Afterwards nothing was issued twice, nothing is left half done, and a further restart asks
 * nothing more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../electron/journal/audit_log.js';
import { openJournal } from '../../electron/journal/journal_database.js';
import { StaffAlertStore } from '../../electron/journal/staff_alerts.js';
import {
  callKey,
  TransactionJournal as Journal,
  type TransactionJournal,
} from '../../electron/journal/transaction_journal.js';
import {
  TransactionRecovery,
  type TransactionResolver,
} from '../../electron/journal/transaction_recovery.js';
import { type CrashPoint, crashPoints } from '../fixtures/journal/crash_points.js';
import { FakeBackend } from '../fixtures/journal/fake_backend.js';
import { runUntilKilled } from '../support/killed_child.js';
import { recordingLogger } from '../support/recording_logger.js';

const child = join(import.meta.dirname, '../fixtures/journal/transaction_crash_child.ts');

/**
 * What the collection and proof-of-identity flows will do after a crash: the resident has gone, so whatever was
 * only set aside is put back, and whatever was handed over is confirmed — each call with the transaction's keys,
 * so a call the backend already carried out is replayed, not repeated.
 */
function countingResolver(backend: FakeBackend): TransactionResolver & { calls: number } {
  return {
    calls: 0,
    async resolve(tx) {
      this.calls++;
      const reserveKey = callKey(tx.idempotencyKey, 'reserve');
      const reserveMayHaveHappened = tx.state !== 'started' && tx.state !== 'identified';
      if (!reserveMayHaveHappened && tx.pendingCall?.operation !== 'reserve') return 'voided';
      const { reservation } = backend.reserve(reserveKey);
      if (tx.state === 'dispensed' || tx.state === 'printed') {
        backend.confirm(callKey(tx.idempotencyKey, 'confirm'), reservation);
        return 'confirmed';
      }
      backend.cancel(callKey(tx.idempotencyKey, 'cancel'), reservation);
      return 'voided';
    },
  };
}

/** The next start: a fresh journal connection (a new boot id) and recovery with the counting resolver. */
async function restart(journalPath: string, backend: FakeBackend, resolver: TransactionResolver) {
  const opened = openJournal(journalPath);
  if (!opened.ok) throw new Error(opened.error.code);
  const clock = { now: () => Date.now() };
  const audit = new AuditLog(opened.value, clock);
  const logger = recordingLogger();
  const alerts = new StaffAlertStore(opened.value, { clock, audit, logger });
  const transactions: TransactionJournal = new Journal(opened.value, { clock, audit, alerts });
  const recovery = new TransactionRecovery({
    transactions,
    resolvers: { collection: resolver, 'identity-proof': resolver },
    logger,
  });
  const report = await recovery.run();
  const state = transactions.get(1);
  const openAlerts = alerts.openCount();
  opened.value.close();
  return { report, state, openAlerts, backend };
}

const expected: Record<CrashPoint, { outcome: 'confirmed' | 'voided'; asked: 0 | 1; issued: 0 | 1 }> = {
  started: { outcome: 'voided', asked: 1, issued: 0 },
  identified: { outcome: 'voided', asked: 1, issued: 0 },
  'reserve-call': { outcome: 'voided', asked: 1, issued: 0 },
  'reserve-reply-lost': { outcome: 'voided', asked: 1, issued: 0 },
  reserved: { outcome: 'voided', asked: 1, issued: 0 },
  'handed-over': { outcome: 'confirmed', asked: 1, issued: 1 },
  'confirm-call': { outcome: 'confirmed', asked: 1, issued: 1 },
  'confirm-reply-lost': { outcome: 'confirmed', asked: 1, issued: 1 },
  confirmed: { outcome: 'confirmed', asked: 0, issued: 1 },
  voided: { outcome: 'voided', asked: 0, issued: 0 },
};

describe('transactions killed with SIGKILL at each step are recovered exactly once', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-tx-crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cases: ['collection' | 'identity-proof', CrashPoint][] = [
    ...crashPoints.map((point) => ['collection', point] as ['collection', CrashPoint]),
    ['identity-proof', 'handed-over'],
    ['identity-proof', 'confirm-reply-lost'],
  ];

  it.each(cases)('%s killed at %s', async (kind, point) => {
    const journalPath = join(dir, 'journal.sqlite');
    const backendPath = join(dir, 'backend.sqlite');
    runUntilKilled(child, [journalPath, backendPath, kind, point]);
    const backend = new FakeBackend(backendPath);
    const resolver = countingResolver(backend);
    const want = expected[point];

    const first = await restart(journalPath, backend, resolver);
    expect(resolver.calls).toBe(want.asked);
    expect(first.state).toMatchObject({ kind, state: want.outcome, pendingCall: null });
    expect(first.openAlerts).toBe(0);
    // Nothing issued twice, nothing left set aside: at most one reservation, none still pending.
    const reservations = backend.reservations();
    expect(reservations.length).toBeLessThanOrEqual(1);
    expect(reservations.filter((r) => r.state === 'issued')).toHaveLength(want.issued);
    expect(reservations.filter((r) => r.state === 'reserved')).toEqual([]);
    const carriedOut = backend.callsCarriedOut();

    // The start after that asks nothing, changes nothing.
    const second = await restart(journalPath, backend, resolver);
    expect(resolver.calls).toBe(want.asked);
    expect(second.report).toEqual({ confirmed: [], voided: [], needsStaff: [], deferred: [] });
    expect(second.state?.state).toBe(want.outcome);
    expect(backend.callsCarriedOut()).toBe(carriedOut);
    backend.close();
  });
});
