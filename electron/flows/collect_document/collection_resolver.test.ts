import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err } from '../../../lib/result.js';
import { FakeClock } from '../../../test/support/fake_clock.js';
import { recordingLogger } from '../../../test/support/recording_logger.js';
import { type Backend, backendFromCall } from '../../backend/contract/backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import { AuditLog } from '../../journal/audit_log.js';
import { openJournal } from '../../journal/journal_database.js';
import { StaffAlertStore } from '../../journal/staff_alerts.js';
import { TransactionJournal } from '../../journal/transaction_journal.js';
import type { ForwardState } from '../../journal/transaction_states.js';
import { confirmOperation, notCollectedOperation } from './collection_calls.js';
import { collectionResolver } from './collection_resolver.js';

/**
 * Recovery of a collection, one case per place a kiosk can die: the transactions are written as the flow writes them
 * (collection_release.ts), then the resolver is asked what became of each, against the embedded backend.
 */
describe('collection resolver', () => {
  const terminalId = 'MO-DEV-01';
  const collectionId = 'C-SAMPLE-MO-1';
  let backend: Backend;
  let journal: TransactionJournal;
  let close: () => void;

  beforeEach(() => {
    const clock = new FakeClock(Date.now());
    const opened = openEmbeddedBackend({ path: ':memory:', seed: seedCatalogue(), now: () => clock.now() });
    const db = openJournal(':memory:');
    if (!opened.ok || !db.ok) throw new Error('setup');
    backend = opened.value;
    const audit = new AuditLog(db.value, clock);
    const alerts = new StaffAlertStore(db.value, { clock, audit, logger: recordingLogger() });
    journal = new TransactionJournal(db.value, { clock, audit, alerts, bootId: 'earlier-run' });
    close = () => db.value.close();
  });
  afterEach(async () => {
    close();
    await backend.close();
  });

  /** A transaction as the flow leaves it at `upTo`, the document reserved with a real PIN authorisation. */
  async function leftAt(upTo: ForwardState, pending: string | null): Promise<number> {
    const started = journal.start('collection', 'session-1');
    if (!started.ok) throw new Error('start');
    const id = started.value.id;
    journal.advance(id, 'identified');
    journal.recordSubject(id, collectionId);
    const pin = await backend.checkCollectionPin({
      idempotencyKey: crypto.randomUUID(),
      residentRef: 'R-0001',
      terminalId,
      pin: '123456',
    });
    if (!pin.ok) throw new Error('pin');
    const key = journal.recordCall(id, 'reserve');
    if (!key.ok) throw new Error('key');
    const reserved = await backend.reserveCollection({
      idempotencyKey: key.value.idempotencyKey,
      collectionId,
      terminalId,
      authorisation: pin.value.authorisation,
    });
    if (!reserved.ok) throw new Error('reserve');
    if (upTo !== 'identified') journal.advance(id, 'reserved');
    if (upTo === 'dispensed') journal.advance(id, 'dispensed');
    if (pending !== null) journal.recordCall(id, pending);
    return id;
  }

  const ready = async () => {
    const listed = await backend.documentsReady({ residentRef: 'R-0001', terminalId });
    return listed.ok ? listed.value.documents.map((d) => d.collectionId) : [];
  };
  const resolver = () => collectionResolver({ backend, terminalId });
  const record = (id: number) => {
    const tx = journal.get(id);
    if (!tx) throw new Error('no transaction');
    return tx;
  };

  it('a pending confirm (the document was taken): confirmed, and asked twice it is still collected once', async () => {
    const id = await leftAt('dispensed', confirmOperation);
    expect(await resolver().resolve(record(id))).toBe('confirmed');
    expect(await resolver().resolve(record(id))).toBe('confirmed');
    expect(await ready()).toEqual([]);
    const again = await backend.reserveCollection({
      idempotencyKey: crypto.randomUUID(),
      collectionId,
      terminalId,
      authorisation: 'x'.repeat(32),
    });
    expect(again).toMatchObject({ ok: false });
  });

  it('a pending not-collected (taken back): voided, and the document is ready again', async () => {
    const id = await leftAt('dispensed', notCollectedOperation('not-taken'));
    expect(await resolver().resolve(record(id))).toBe('voided');
    expect(await ready()).toEqual([collectionId]);
  });

  it('dispensed with nothing pending: only staff can tell whether it left', async () => {
    const id = await leftAt('dispensed', null);
    expect(await resolver().resolve(record(id))).toBe('needs-staff');
  });

  it('reserved, or reserving: nothing left the kiosk; the hold is released', async () => {
    const reserved = await leftAt('reserved', null);
    expect(await ready()).toEqual([]);
    expect(await resolver().resolve(record(reserved))).toBe('voided');
    expect(await ready()).toEqual([collectionId]);
    const reserving = await leftAt('identified', 'reserve');
    expect(await resolver().resolve(record(reserving))).toBe('voided');
    expect(await ready()).toEqual([collectionId]);
  });

  it('a transaction that stopped before it named a document is voided without asking', async () => {
    const started = journal.start('collection', 'session-1');
    if (!started.ok) throw new Error('start');
    expect(await resolver().resolve(started.value)).toBe('voided');
  });

  it('throws while the backend does not answer, so recovery asks again later', async () => {
    const id = await leftAt('dispensed', confirmOperation);
    const silent = backendFromCall(
      'http',
      async () => err({ kind: 'unreachable', detail: 'connection refused', neverSent: false }),
      async () => {},
    );
    await expect(collectionResolver({ backend: silent, terminalId }).resolve(record(id))).rejects.toThrow(
      'backend did not answer: unreachable',
    );
  });
});
