import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake_clock.js';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { switchableBackend } from '../../test/support/switchable_backend.js';
import { publicKeyTableOf } from '../backend/contract/keys.js';
import { openEmbeddedBackend } from '../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../backend/seed/seed_catalogue.js';
import { openJournal } from '../journal/journal_database.js';
import { generateSigningKey, publicKeyBase64 } from '../printed/verification/document_signing.js';
import { defaultKeyRetryMs, SigningKeyRegistration } from './signing_key_registration.js';

const terminalId = 'MO-TEST-01';

function rig() {
  const db = openJournal(':memory:');
  if (!db.ok) throw new Error('journal');
  const clock = new FakeClock();
  const logger = recordingLogger();
  const embedded = openEmbeddedBackend({ path: ':memory:', seed: seedCatalogue(), now: () => clock.now() });
  if (!embedded.ok) throw new Error('backend');
  const backend = switchableBackend(embedded.value);
  /** A run of the kiosk over the same journal (a restart makes a new one). */
  const run = () => new SigningKeyRegistration({ db: db.value, backend, clock, logger });
  const registeredKey = async () => {
    const table = await backend.keyTable({});
    if (!table.ok) throw new Error('key table');
    return publicKeyTableOf(table.value, 'document-signing')[terminalId];
  };
  const sends = () => backend.calls.get('registerPublicKey') ?? 0;
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { db: db.value, clock, logger, backend, run, registeredKey, sends, settle };
}

describe('the terminal registers its document-signing key with the backend', () => {
  it('at start: the backend then lists it for the terminal', async () => {
    const r = rig();
    const key = generateSigningKey(terminalId);
    const registration = r.run();
    await registration.register(key);
    expect(registration.state).toBe('registered');
    expect(await r.registeredKey()).toBe(publicKeyBase64(key.privateKey));
    expect(r.logger.of('signing-key-registered')).toEqual([{ keyId: terminalId, afterWaiting: false }]);
  });

  it('a restart with the same key does not send it again', async () => {
    const r = rig();
    const key = generateSigningKey(terminalId);
    await r.run().register(key);
    const again = r.run();
    await again.register(key);
    expect(again.state).toBe('registered');
    expect(r.sends()).toBe(1);
  });

  it('with the backend down: journalled, retried with backoff and the same idempotency key, then registered', async () => {
    const r = rig();
    const key = generateSigningKey(terminalId);
    r.backend.setMode('replies-lost');
    const registration = r.run();
    await registration.register(key);
    expect(registration.state).toBe('waiting');
    expect(r.logger.of('signing-key-registration-waiting')).toEqual([
      { keyId: terminalId, error: 'timeout' },
    ]);
    r.backend.setMode('down');
    r.clock.advance(defaultKeyRetryMs);
    await r.settle();
    // Second wait is twice the first: nothing is sent before it ends.
    r.clock.advance(defaultKeyRetryMs * 2 - 1);
    await r.settle();
    expect(registration.state).toBe('waiting');
    r.backend.setMode('up');
    r.clock.advance(1);
    await r.settle();
    expect(registration.state).toBe('registered');
    // The lost reply's call and the retry carried one key: the backend recorded it once, without a conflict.
    expect(r.sends()).toBe(2);
    expect(await r.registeredKey()).toBe(publicKeyBase64(key.privateKey));
    expect(r.logger.of('signing-key-registration-waiting')).toHaveLength(1);
    expect(r.logger.of('signing-key-registered')).toEqual([{ keyId: terminalId, afterWaiting: true }]);
    expect(r.clock.pendingTimers).toBe(0);
  });

  it('a restart while the backend is down sends the key the journal kept, with its first idempotency key', async () => {
    const r = rig();
    const key = generateSigningKey(terminalId);
    r.backend.setMode('replies-lost');
    const first = r.run();
    await first.register(key);
    first.close();
    const keyOf = () =>
      (r.db.prepare('SELECT idempotency_key AS k FROM signing_key_registrations').get() as { k: string }).k;
    const journalled = keyOf();
    r.backend.setMode('up');
    const second = r.run();
    await second.register(key);
    expect(second.state).toBe('registered');
    expect(keyOf()).toBe(journalled);
    expect(r.clock.pendingTimers).toBe(0);
  });

  it('after a rotation the old key stays, retired at the rotation; keys that waited are sent oldest first', async () => {
    const r = rig();
    const old = generateSigningKey(terminalId);
    await r.run().register(old);
    r.clock.advance(60_000);
    const rotated = generateSigningKey(terminalId);
    r.backend.setMode('down');
    const registration = r.run();
    await registration.register(rotated);
    // Rotated once more before the backend came back: both keys signed proofs in their time, both must reach it.
    r.clock.advance(60_000);
    const newest = generateSigningKey(terminalId);
    await registration.register(newest);
    r.backend.setMode('up');
    r.clock.advance(defaultKeyRetryMs);
    await r.settle();
    expect(registration.state).toBe('registered');
    expect(await r.registeredKey()).toBe(publicKeyBase64(newest.privateKey));
    const rows = r.db
      .prepare(
        'SELECT public_key, valid_from, valid_to, registered_at IS NOT NULL AS sent FROM signing_key_registrations ORDER BY id',
      )
      .all() as { public_key: string; valid_from: string; valid_to: string | null; sent: number }[];
    expect(rows.map((row) => [row.public_key, row.sent])).toEqual([
      [publicKeyBase64(old.privateKey), 1],
      [publicKeyBase64(rotated.privateKey), 1],
      [publicKeyBase64(newest.privateKey), 1],
    ]);
    // Each period ends where the next begins; the newest is open.
    expect(rows[0]?.valid_to).toBe(rows[1]?.valid_from);
    expect(rows[1]?.valid_to).toBe(rows[2]?.valid_from);
    expect(rows[2]?.valid_to).toBeNull();
    // The backend holds the same history, with the terminal's own times.
    const table = await r.backend.keyTable({});
    if (!table.ok) throw new Error('key table');
    const mine = table.value.keys.filter((k) => k.keyId === terminalId);
    expect(
      mine.map((k) => [k.publicKey, Date.parse(k.validFrom), k.validTo && Date.parse(k.validTo)]),
    ).toEqual(
      rows.map((row) => [
        row.public_key,
        Date.parse(row.valid_from),
        row.valid_to === null ? null : Date.parse(row.valid_to),
      ]),
    );
    // Going back to the first key is a period of its own.
    r.clock.advance(60_000);
    await registration.register(old);
    expect(await r.registeredKey()).toBe(publicKeyBase64(old.privateKey));
    expect(r.db.prepare('SELECT COUNT(*) AS n FROM signing_key_registrations').get()).toEqual({ n: 4 });
  });

  it('a refusal is logged as an error and not retried', async () => {
    const r = rig();
    const key = generateSigningKey(terminalId);
    // Another body under the journalled idempotency key: the backend refuses it as a conflict.
    r.db
      .prepare(
        `INSERT INTO signing_key_registrations (public_key, key_id, idempotency_key, valid_from)
         VALUES (?, ?, 'key-registration-0001', '2023-11-14T00:00:00+08:00')`,
      )
      .run(publicKeyBase64(key.privateKey), terminalId);
    await r.backend.registerPublicKey({
      idempotencyKey: 'key-registration-0001',
      keyId: terminalId,
      purpose: 'document-signing',
      publicKey: publicKeyBase64(generateSigningKey(terminalId).privateKey),
    });
    const registration = r.run();
    await registration.register(key);
    expect(registration.state).toBe('refused');
    expect(r.logger.of('signing-key-registration-refused')).toEqual([
      { keyId: terminalId, error: 'idempotency-conflict' },
    ]);
    expect(r.clock.pendingTimers).toBe(0);
  });
});
