import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake_clock.js';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { AuditLog } from './audit_log.js';
import { openJournal } from './journal_database.js';
import { startJournalServices } from './journal_services.js';
import { StaffAlertStore } from './staff_alerts.js';
import { TransactionJournal, type TransactionRecord } from './transaction_journal.js';
import { TransactionRecovery, type TransactionResolution } from './transaction_recovery.js';

/** A resolver that answers from a script and remembers what it was asked. */
function scripted(answer: (tx: TransactionRecord) => TransactionResolution | Error) {
  const asked: number[] = [];
  return {
    asked,
    resolver: {
      async resolve(tx: TransactionRecord) {
        asked.push(tx.id);
        const reply = answer(tx);
        if (reply instanceof Error) throw reply;
        return reply;
      },
    },
  };
}

describe('transaction recovery', () => {
  let db: Database.Database;
  let clock: FakeClock;
  let audit: AuditLog;
  let alerts: StaffAlertStore;
  let logger: ReturnType<typeof recordingLogger>;

  beforeEach(() => {
    logger = recordingLogger();
    const opened = openJournal(':memory:');
    if (!opened.ok) throw new Error(opened.error.code);
    db = opened.value;
    clock = new FakeClock();
    audit = new AuditLog(db, clock);
    alerts = new StaffAlertStore(db, { clock, audit, logger });
  });
  afterEach(() => db.close());

  const journalOfBoot = (bootId: string) => new TransactionJournal(db, { clock, audit, alerts, bootId });

  it('settles each unfinished transaction of an earlier run once, by its owner’s answer', async () => {
    const earlier = journalOfBoot('boot-1');
    const ids = ['booking', 'collection', 'locker-pickup', 'check-in'].map((kind) => {
      const tx = earlier.start(kind as 'booking');
      if (!tx.ok) throw new Error(tx.error.code);
      return tx.value.id;
    });
    const [booking, collection, locker, checkIn] = ids as [number, number, number, number];
    earlier.advance(collection, 'identified');
    const finished = earlier.start('booking');
    if (finished.ok) earlier.void(finished.value.id, 'resident-cancelled');

    const now = journalOfBoot('boot-2');
    const running = now.start('identity-proof'); // the running kiosk's own: not recovery's business
    const answers: Record<string, TransactionResolution | Error> = {
      booking: 'confirmed',
      collection: 'voided',
      'locker-pickup': 'needs-staff',
    };
    const owner = scripted((tx) => answers[tx.kind] ?? new Error('unexpected'));
    const recovery = new TransactionRecovery({
      transactions: now,
      resolvers: { booking: owner.resolver, collection: owner.resolver, 'locker-pickup': owner.resolver },
      logger,
    });
    const report = await recovery.run();
    expect(report).toEqual({
      confirmed: [booking],
      voided: [collection],
      needsStaff: [locker, checkIn],
      deferred: [],
    });
    expect(owner.asked).toEqual([booking, collection, locker]);
    expect(now.get(booking)).toMatchObject({ state: 'confirmed', reason: 'recovered-from-started' });
    expect(now.get(collection)).toMatchObject({ state: 'voided', reason: 'recovered-from-identified' });
    // The check-in flow has no resolver here: a person decides.
    expect(now.get(checkIn)).toMatchObject({ state: 'started', needsStaffReason: 'no-resolver-for-kind' });
    expect(alerts.list().map((a) => [a.kind, a.transactionId])).toEqual([
      ['transaction-needs-staff', checkIn],
      ['transaction-needs-staff', locker],
    ]);
    if (running.ok) expect(now.get(running.value.id)?.state).toBe('started');
    // The log says what happened to each, by id, kind and state only.
    expect(logger.of('transaction-recovered')).toEqual([
      { transactionId: booking, kind: 'booking', from: 'started', outcome: 'confirmed' },
      { transactionId: collection, kind: 'collection', from: 'identified', outcome: 'voided' },
    ]);
    expect(logger.of('transaction-handed-to-staff')).toEqual([
      { transactionId: locker, kind: 'locker-pickup', state: 'started', reason: 'owner-asks-for-staff' },
      { transactionId: checkIn, kind: 'check-in', state: 'started', reason: 'no-resolver-for-kind' },
    ]);
    expect(logger.of('staff-alert-raised')).toEqual([
      { alertId: expect.any(Number), kind: 'transaction-needs-staff', transactionId: locker },
      { alertId: expect.any(Number), kind: 'transaction-needs-staff', transactionId: checkIn },
    ]);

    // Asked once: a second pass, and the next start, ask nothing.
    expect(await recovery.run()).toEqual({ confirmed: [], voided: [], needsStaff: [], deferred: [] });
    const nextStart = new TransactionRecovery({
      transactions: journalOfBoot('boot-3'),
      resolvers: { booking: owner.resolver, collection: owner.resolver, 'locker-pickup': owner.resolver },
      logger,
    });
    const again = await nextStart.run();
    // Only the transaction boot-2 left running is new to boot-3 (and has no resolver here).
    expect(again.needsStaff).toEqual(running.ok ? [running.value.id] : []);
    expect(owner.asked).toEqual([booking, collection, locker]);
  });

  it('leaves a transaction whose owner cannot answer for the next attempt, on the clock', async () => {
    const earlier = journalOfBoot('boot-1');
    const tx = earlier.start('collection');
    if (!tx.ok) throw new Error(tx.error.code);
    let reachable = false;
    const owner = scripted(() => (reachable ? 'voided' : new Error('backend unreachable')));
    const services = startJournalServices(db, {
      clock,
      logger,
      resolvers: { collection: owner.resolver },
      configuration: { terminalId: 'MO-CP-07', mode: 'test', settings: { any: 'thing' } },
    });
    expect(await services.recovered).toEqual({
      confirmed: [],
      voided: [],
      needsStaff: [],
      deferred: [tx.value.id],
    });
    expect(services.transactions.get(tx.value.id)?.state).toBe('started');
    expect(logger.of('transaction-resolver-failed')).toEqual([
      { transactionId: tx.value.id, kind: 'collection', state: 'started', error: 'Error' },
    ]);
    reachable = true;
    clock.advance(5 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(owner.asked).toEqual([tx.value.id, tx.value.id]);
    expect(services.transactions.get(tx.value.id)?.state).toBe('voided');
    expect(logger.of('transaction-recovered')).toEqual([
      { transactionId: tx.value.id, kind: 'collection', from: 'started', outcome: 'voided' },
    ]);
    expect(clock.pendingTimers).toBe(0);
    // Start-up recorded the configuration it was given.
    expect(audit.recent().map((row) => row.kind)).toEqual(['configuration-loaded']);
    services.close();
  });

  it('hands a transaction to staff when its resolver answers something it may not', async () => {
    const earlier = journalOfBoot('boot-1');
    const tx = earlier.start('booking');
    if (!tx.ok) throw new Error(tx.error.code);
    const recovery = new TransactionRecovery({
      transactions: journalOfBoot('boot-2'),
      resolvers: { booking: { resolve: async () => 'maybe' as unknown as TransactionResolution } },
      logger,
    });
    expect((await recovery.run()).needsStaff).toEqual([tx.value.id]);
    expect(earlier.get(tx.value.id)?.needsStaffReason).toBe('resolver-answer-invalid');
    expect(logger.of('transaction-handed-to-staff')).toEqual([
      { transactionId: tx.value.id, kind: 'booking', state: 'started', reason: 'resolver-answer-invalid' },
    ]);
  });

  it('logs a recovery that fails with a bug, and a start-up record the audit log refused; the kiosk goes on', async () => {
    const earlier = journalOfBoot('boot-1');
    const tx = earlier.start('booking');
    if (!tx.ok) throw new Error(tx.error.code);
    const services = startJournalServices(db, {
      clock,
      logger,
      // The journal goes away under recovery (a fault, not an answer): the settle throws.
      resolvers: {
        booking: {
          resolve: async () => {
            db.close();
            return 'confirmed';
          },
        },
      },
      configuration: { terminalId: 'not a terminal id', mode: 'test', settings: {} },
    });
    expect(logger.of('audit-append-failed')).toEqual([
      { auditKind: 'configuration-loaded', code: 'invalid-event' },
    ]);
    expect(await services.recovered).toEqual({ confirmed: [], voided: [], needsStaff: [], deferred: [] });
    expect(logger.of('transaction-recovery-failed')).toEqual([{ err: expect.any(TypeError) }]);
    expect(clock.pendingTimers).toBe(0);
    services.close();
  });
});
