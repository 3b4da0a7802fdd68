import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/support/fake_clock.js';
import { recordingLogger } from '../../../test/support/recording_logger.js';
import { type SwitchableBackend, switchableBackend } from '../../../test/support/switchable_backend.js';
import type { Backend } from '../../backend/contract/backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import { AuditLog } from '../../journal/audit_log.js';
import { openJournal } from '../../journal/journal_database.js';
import { StaffAlertStore } from '../../journal/staff_alerts.js';
import { type CallRequest, TransactionJournal } from '../../journal/transaction_journal.js';
import { TransactionRecovery } from '../../journal/transaction_recovery.js';
import type { TransactionKind } from '../../journal/transaction_states.js';
import { bookingOperations, bookingTransactionResolvers } from './booking_resolvers.js';

/**
 * A kiosk killed in the middle of a booking change: the journal holds what the flow had committed (the key and
 * request of the call, or the answer), the backend what it did. At the next start recovery asks each transaction's
 * resolver, which asks the backend again with the same key and request. Nothing is made twice, a booking the
 * resident never saw is not left holding a place, and what was answered stands.
 */
describe('booking transactions recovered at the next start', () => {
  let dir: string;
  let db: Database.Database;
  let backend: SwitchableBackend;
  const clock = new FakeClock();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-booking-recovery-'));
    const journal = openJournal(join(dir, 'journal.sqlite'));
    if (!journal.ok) throw new Error(journal.error.code);
    db = journal.value;
    const opened = openEmbeddedBackend({ path: ':memory:', seed: seedCatalogue(), now: () => clock.now() });
    if (!opened.ok) throw new Error(opened.error.code);
    backend = switchableBackend(opened.value);
  });
  afterEach(async () => {
    db.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function journalOf(bootId: string) {
    const audit = new AuditLog(db, clock);
    const alerts = new StaffAlertStore(db, { clock, audit, logger: recordingLogger() });
    return { transactions: new TransactionJournal(db, { clock, audit, alerts, bootId }), alerts };
  }

  /** What the killed run left: a transaction with `operation` recorded, sent (or not), its answer never recorded. */
  async function killedDuring(
    kind: TransactionKind,
    operation: string,
    request: CallRequest,
    send: ((backend: Backend, key: string) => Promise<unknown>) | null,
  ): Promise<number> {
    const { transactions } = journalOf('killed-run');
    const started = transactions.start(kind, 'session-1');
    if (!started.ok) throw new Error('start');
    transactions.advance(started.value.id, 'identified');
    const call = transactions.recordCall(started.value.id, operation, request);
    if (!call.ok) throw new Error(call.error.code);
    if (send) await send(backend, call.value.idempotencyKey);
    return started.value.id;
  }

  async function nextStart() {
    const { transactions, alerts } = journalOf('next-run');
    const recovery = new TransactionRecovery({
      transactions,
      resolvers: bookingTransactionResolvers(backend),
      logger: recordingLogger(),
    });
    return { report: await recovery.run(), transactions, alerts };
  }

  const newBooking = {
    serviceId: 'dsi-criminal-record-certificate',
    centreId: 'china-plaza',
    residentRef: 'R-0002',
  };
  async function aFreeSlot(): Promise<string> {
    const slots = await backend.availability({
      serviceId: newBooking.serviceId,
      centreId: 'china-plaza',
      from: '2023-11-20',
      to: '2023-11-24',
    });
    if (!slots.ok || !slots.value.slots[0]) throw new Error('no slot');
    return slots.value.slots[0].slotId;
  }
  async function bookingsOfR0002() {
    const found = await backend.residentBookings({ residentRef: 'R-0002' });
    if (!found.ok) throw new Error('resident');
    return found.value.bookings.filter((b) => b.serviceId === newBooking.serviceId);
  }

  it('a new booking sent, its reply lost: asked again (the same booking), then cancelled; voided', async () => {
    const request = { ...newBooking, slotId: await aFreeSlot() };
    const id = await killedDuring('booking', bookingOperations.create, request, (b, key) =>
      b.createBooking({ ...request, idempotencyKey: key }),
    );
    const { report, transactions } = await nextStart();
    expect(report.voided).toEqual([id]);
    expect(transactions.get(id)).toMatchObject({ state: 'voided', pendingCall: null });
    const made = await bookingsOfR0002();
    expect(made).toHaveLength(1);
    expect(made[0]!.status).toBe('cancelled');
    // The place is free again.
    const slot = await backend.availability({
      serviceId: newBooking.serviceId,
      centreId: newBooking.centreId,
      from: '2023-11-20',
      to: '2023-11-24',
    });
    expect(slot.ok && slot.value.slots.find((s) => s.slotId === request.slotId)?.free).toBe(3);
  });

  it('a new booking recorded but never sent: whatever the replay makes is cancelled again; voided', async () => {
    const request = { ...newBooking, slotId: await aFreeSlot() };
    const id = await killedDuring('booking', bookingOperations.create, request, null);
    const { report } = await nextStart();
    expect(report.voided).toEqual([id]);
    expect((await bookingsOfR0002()).map((b) => b.status)).toEqual(['cancelled']);
    // Another start asks nothing more.
    const calls = new Map(backend.calls);
    const again = await nextStart();
    expect(again.report).toEqual({ confirmed: [], voided: [], needsStaff: [], deferred: [] });
    expect(backend.calls).toEqual(calls);
  });

  it('a check-in sent, its reply lost: confirmed, with the one queue number', async () => {
    const request = { booking: { reference: 'SAMP-0001' }, centreId: 'china-plaza', terminalId: 'MO-DEV-01' };
    const id = await killedDuring('check-in', bookingOperations.checkIn, request, (b, key) =>
      b.checkIn({ ...request, idempotencyKey: key }),
    );
    const { report } = await nextStart();
    expect(report.confirmed).toEqual([id]);
    const found = await backend.findBooking({ booking: { reference: 'SAMP-0001' } });
    expect(found.ok && found.value.queueTicket?.queueNumber).toBe('D001');
  });

  it('a check-in the backend refuses on replay (too early) is voided', async () => {
    const request = { booking: { reference: 'SAMP-0002' }, centreId: 'china-plaza', terminalId: 'MO-DEV-01' };
    const id = await killedDuring('check-in', bookingOperations.checkIn, request, null);
    expect((await nextStart()).report.voided).toEqual([id]);
  });

  it('a reschedule sent, its reply lost: confirmed (the booking has its new time)', async () => {
    const slotId = await aFreeSlot();
    const request = { booking: { reference: 'SAMP-0002' }, slotId };
    const id = await killedDuring('booking', bookingOperations.reschedule, request, (b, key) =>
      b.rescheduleBooking({ ...request, idempotencyKey: key }),
    );
    expect((await nextStart()).report.confirmed).toEqual([id]);
    const found = await backend.findBooking({ booking: { reference: 'SAMP-0002' } });
    expect(found.ok && found.value.slotId).toBe(slotId);
  });

  it('an answered change stands; one with nothing asked is voided', async () => {
    const { transactions } = journalOf('killed-run');
    const answered = transactions.start('booking', 's');
    const nothing = transactions.start('check-in', 's');
    if (!answered.ok || !nothing.ok) throw new Error('start');
    transactions.advance(answered.value.id, 'identified');
    transactions.advance(answered.value.id, 'reserved');
    const { report } = await nextStart();
    expect(report.confirmed).toEqual([answered.value.id]);
    expect(report.voided).toEqual([nothing.value.id]);
    expect(backend.calls.size).toBe(0);
  });

  it('the backend still down at start: left as it was, settled by a later run', async () => {
    const request = { booking: { reference: 'SAMP-0002' } };
    const id = await killedDuring('booking', bookingOperations.cancel, request, (b, key) =>
      b.cancelBooking({ ...request, idempotencyKey: key }),
    );
    backend.setMode('down');
    const first = await nextStart();
    expect(first.report.deferred).toEqual([id]);
    expect(first.transactions.get(id)).toMatchObject({
      state: 'identified',
      pendingCall: { operation: 'cancel-booking' },
    });
    backend.setMode('up');
    expect((await nextStart()).report.confirmed).toEqual([id]);
  });

  it('a pending call recorded without its request goes to staff', async () => {
    const { transactions } = journalOf('killed-run');
    const tx = transactions.start('booking', 's');
    if (!tx.ok) throw new Error('start');
    transactions.advance(tx.value.id, 'identified');
    transactions.recordCall(tx.value.id, bookingOperations.create);
    const { report, alerts } = await nextStart();
    expect(report.needsStaff).toEqual([tx.value.id]);
    expect(alerts.openCount()).toBe(1);
  });
});
