import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake_clock.js';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { AuditLog } from './audit_log.js';
import { openJournal } from './journal_database.js';
import { StaffAlertStore } from './staff_alerts.js';
import { callKey, TransactionJournal } from './transaction_journal.js';
import type { ForwardState, TransactionKind } from './transaction_states.js';

describe('transaction journal', () => {
  let dir: string;
  let path: string;
  let db: Database.Database;
  let journal: TransactionJournal;
  let audit: AuditLog;
  let alerts: StaffAlertStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-tx-'));
    path = join(dir, 'journal.sqlite');
    const opened = openJournal(path);
    if (!opened.ok) throw new Error(opened.error.code);
    db = opened.value;
    const clock = new FakeClock();
    audit = new AuditLog(db, clock);
    alerts = new StaffAlertStore(db, { clock, audit, logger: recordingLogger() });
    journal = new TransactionJournal(db, { clock, audit, alerts, bootId: 'boot-1' });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const started = (kind: TransactionKind) => {
    const tx = journal.start(kind, 'session-1');
    if (!tx.ok) throw new Error(tx.error.code);
    return tx.value.id;
  };
  const walk = (kind: TransactionKind, steps: ForwardState[]) => {
    const id = started(kind);
    return steps.map((to) => {
      const moved = journal.advance(id, to);
      return moved.ok ? moved.value.state : moved.error.code;
    });
  };

  it('walks each kind’s path and refuses every move off it', () => {
    expect(walk('collection', ['identified', 'reserved', 'dispensed', 'confirmed'])).toEqual([
      'identified',
      'reserved',
      'dispensed',
      'confirmed',
    ]);
    expect(walk('identity-proof', ['identified', 'reserved', 'printed', 'confirmed'])).toEqual([
      'identified',
      'reserved',
      'printed',
      'confirmed',
    ]);
    // A collection hands a document over; it never prints one, and never confirms without handing it over.
    expect(walk('collection', ['identified', 'reserved', 'printed', 'confirmed'])).toEqual([
      'identified',
      'reserved',
      'illegal-transition',
      'illegal-transition',
    ]);
    // No skipping identification where a resident must be identified.
    expect(walk('locker-pickup', ['reserved'])).toEqual(['illegal-transition']);
    // A sale needs no identity; a booking may confirm without its slip (the booking exists either way).
    expect(walk('publication-sale', ['reserved', 'dispensed', 'confirmed'])).toEqual([
      'reserved',
      'dispensed',
      'confirmed',
    ]);
    expect(walk('booking', ['identified', 'reserved', 'confirmed'])).toEqual([
      'identified',
      'reserved',
      'confirmed',
    ]);
    expect(walk('identity-proof', ['identified', 'reserved', 'confirmed'])).toEqual([
      'identified',
      'reserved',
      'illegal-transition',
    ]);
  });

  it('says which move was refused, and never moves a finished transaction', () => {
    const id = started('check-in');
    expect(journal.advance(id, 'printed')).toEqual({
      ok: false,
      error: {
        code: 'illegal-transition',
        transactionId: id,
        kind: 'check-in',
        from: 'started',
        to: 'printed',
      },
    });
    expect(journal.void(id, 'resident-cancelled').ok).toBe(true);
    expect(journal.void(id, 'resident-cancelled').ok).toBe(false);
    expect(journal.advance(id, 'identified').ok).toBe(false);
    expect(journal.recordCall(id, 'check-in').ok).toBe(false);
    expect(journal.settle(id, 'confirmed', 'recovered').ok).toBe(false);
    expect(journal.get(id)).toMatchObject({ state: 'voided', reason: 'resident-cancelled' });
    expect(journal.advance(999, 'identified')).toEqual({
      ok: false,
      error: { code: 'transaction-not-found', transactionId: 999 },
    });
  });

  it('commits the idempotency key of a call before the call is made, and the same call gets the same key', () => {
    const id = started('booking');
    journal.advance(id, 'identified');
    const call = journal.recordCall(id, 'create-booking');
    if (!call.ok) throw new Error(call.error.code);
    // Another connection (the next start, after a crash) already sees it.
    const reader = new Database(path, { readonly: true });
    expect(
      reader.prepare('SELECT pending_call, idempotency_key FROM transactions WHERE id = ?').get(id),
    ).toEqual({
      pending_call: 'create-booking',
      idempotency_key: journal.get(id)?.idempotencyKey,
    });
    reader.close();
    expect(journal.get(id)?.pendingCall).toEqual({
      operation: 'create-booking',
      idempotencyKey: call.value.idempotencyKey,
      request: null,
    });
    // A key the backend contract accepts (letters, digits, - and _).
    expect(call.value.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    const again = journal.recordCall(id, 'create-booking');
    expect(again.ok && again.value.idempotencyKey).toBe(call.value.idempotencyKey);
    // The backend contract's key shape (electron/backend/contract/common.ts), and one key per operation.
    expect(call.value.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    const other = callKey(journal.get(id)?.idempotencyKey ?? '', 'cancel booking.2/x');
    expect(other).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(other).not.toBe(call.value.idempotencyKey);
    // The answer recorded: no call pending any more.
    journal.advance(id, 'reserved');
    expect(journal.get(id)?.pendingCall).toBeNull();
    expect(journal.events(id).map((e) => [e.to, e.call])).toEqual([
      ['started', null],
      ['identified', null],
      ['identified', 'create-booking'],
      ['identified', 'create-booking'],
      ['reserved', null],
    ]);
  });

  it('keeps a call’s request (ids only) until its answer is recorded, so recovery can send the same again', () => {
    const id = started('booking');
    journal.advance(id, 'identified');
    const request = {
      serviceId: 'dsi-bir-renewal',
      slotId: 'china-plaza/2026-01-05T09:00',
      residentRef: 'R-1',
    };
    const call = journal.recordCall(id, 'create-booking', request);
    if (!call.ok) throw new Error(call.error.code);
    // What the next start would read, from another connection.
    const reader = new Database(path, { readonly: true });
    expect(reader.prepare('SELECT pending_request FROM transactions WHERE id = ?').get(id)).toEqual({
      pending_request: JSON.stringify(request),
    });
    reader.close();
    expect(journal.get(id)?.pendingCall?.request).toEqual(request);
    journal.advance(id, 'reserved');
    expect(db.prepare('SELECT pending_request FROM transactions WHERE id = ?').get(id)).toEqual({
      pending_request: null,
    });
    // A voided call's request goes too.
    const other = started('check-in');
    journal.recordCall(other, 'check-in', { booking: { reference: 'AB12-CD34' } });
    journal.void(other, 'resident-cancelled');
    expect(journal.get(other)?.pendingCall).toBeNull();
  });

  it('refuses a call request with a personal field, and an operation a backend key cannot carry', () => {
    const id = started('collection');
    expect(journal.recordCall(id, 'check-pin', { documentNumber: 'MB2345678' })).toEqual({
      ok: false,
      error: { code: 'personal-field', field: 'documentNumber' },
    });
    expect(journal.recordCall(id, 'reserve', { who: { holderName: 'CHAN' } })).toEqual({
      ok: false,
      error: { code: 'personal-field', field: 'who.holderName' },
    });
    expect(journal.recordCall(id, 'reserve/again')).toEqual({
      ok: false,
      error: { code: 'not-a-code', field: 'operation' },
    });
    expect(journal.get(id)?.pendingCall).toBeNull();
  });

  it('keeps personal data out: reasons, operations and session ids must be codes, and no column could hold it', () => {
    const id = started('collection');
    expect(journal.void(id, 'CHAN TAI MAN did not match')).toEqual({
      ok: false,
      error: { code: 'not-a-code', field: 'reason' },
    });
    expect(journal.recordCall(id, 'pin 1234 for 陳大文')).toEqual({
      ok: false,
      error: { code: 'not-a-code', field: 'operation' },
    });
    expect(journal.start('collection', 'M123456(7)')).toEqual({
      ok: false,
      error: { code: 'not-a-code', field: 'sessionId' },
    });
    const columns = (table: string) =>
      (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map(
        (c) => c.name,
      );
    expect(columns('transactions')).toEqual([
      'id',
      'kind',
      'state',
      'idempotency_key',
      'pending_call',
      'session_id',
      'boot_id',
      'reason',
      'needs_staff_reason',
      'created_at',
      'updated_at',
      'pending_request',
      // The backend's id of what the transaction is about (recordSubject): a pattern without spaces or scripts.
      'subject',
    ]);
    expect(columns('transaction_events')).toEqual([
      'id',
      'transaction_id',
      'at',
      'from_state',
      'to_state',
      'call',
      'reason',
    ]);
  });

  it('hands a transaction to staff with an alert, and records staff’s decision in the audit log', () => {
    const id = started('locker-pickup');
    journal.advance(id, 'identified');
    journal.advance(id, 'reserved');
    journal.advance(id, 'dispensed');
    const handed = journal.handToStaff(id, 'door-state-unknown');
    expect(handed.ok && handed.value).toMatchObject({
      state: 'dispensed',
      needsStaffReason: 'door-state-unknown',
    });
    expect(journal.handToStaff(id, 'door-state-unknown').ok).toBe(false);
    expect(alerts.list()).toMatchObject([
      {
        kind: 'transaction-needs-staff',
        transactionId: id,
        detail: {
          code: 'transaction-stopped',
          transactionId: id,
          kind: 'locker-pickup',
          state: 'dispensed',
          reason: 'door-state-unknown',
        },
      },
    ]);
    const resolved = journal.resolveByStaff(id, 'confirmed', 'staff-042', 'parcel gone from the locker');
    expect(resolved.ok && resolved.value.state).toBe('confirmed');
    expect(audit.about(`transaction:${id}`).map((row) => JSON.parse(row.content))).toMatchObject([
      {
        actor: 'staff:staff-042',
        event: {
          kind: 'transaction-resolved-by-staff',
          outcome: 'confirmed',
          reason: 'parcel gone from the locker',
        },
      },
    ]);
    // A refused audit record (no reason given) leaves the transaction as it was.
    const other = started('locker-pickup');
    journal.handToStaff(other, 'door-state-unknown');
    expect(journal.resolveByStaff(other, 'voided', 'staff-042', '')).toEqual({
      ok: false,
      error: { code: 'invalid-event', fields: ['reason'] },
    });
    expect(journal.get(other)?.state).toBe('started');
  });

  it('records what a transaction is about once, as the backend’s id, never free text', () => {
    const id = started('collection');
    expect(journal.recordSubject(id, 'C-SAMPLE-MO-1')).toMatchObject({
      ok: true,
      value: { subject: 'C-SAMPLE-MO-1' },
    });
    expect(journal.recordSubject(id, 'C-OTHER')).toMatchObject({
      ok: false,
      error: { code: 'illegal-transition' },
    });
    const other = started('collection');
    for (const subject of ['CHAN TAI MAN', '陳大文', '', 'x'.repeat(65)])
      expect(journal.recordSubject(other, subject)).toEqual({
        ok: false,
        error: { code: 'not-a-code', field: 'subject' },
      });
    expect(journal.get(other)?.subject).toBeNull();
  });

  it('hands a transaction of this run over to recovery, which then sees it as an earlier run’s', () => {
    const id = started('collection');
    journal.advance(id, 'identified');
    expect(journal.unfinishedFromEarlierBoots()).toEqual([]);
    expect(journal.handOverToRecovery(id)).toMatchObject({ ok: true, value: { state: 'identified' } });
    expect(journal.unfinishedFromEarlierBoots().map((t) => t.id)).toEqual([id]);
    expect(journal.events(id).at(-1)).toMatchObject({ reason: 'handed-over-to-recovery' });
    journal.void(id, 'cancelled');
    expect(journal.handOverToRecovery(id)).toMatchObject({
      ok: false,
      error: { code: 'illegal-transition' },
    });
  });
});
