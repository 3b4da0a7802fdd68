/**
 * The terminal announces its document-signing public key to the backend (`registerPublicKey`), so that a proof it
 * prints can be checked anywhere against the shared key table (DESIGN.md, "Keys and signed codes").
 *
 * - At start, and whenever the key changes (`register(newKey)`; today a key is rotated by replacing
 *   `documents.signingKeyFile` and restarting, so the start is where a new key is first seen), the public key is
 *   written to the journal (`signing_key_registrations`) with an idempotency key BEFORE it is sent. Every retry,
 *   in this run or after a restart, sends the same key, so the backend records it once.
 * - A key the backend already has (a restart with the same key file) is not sent again.
 * - No answer (unreachable, timeout, server error): tried again after `retryMs`, doubling up to `maxRetryMs`,
 *   until the backend has it; the log says once that it is waiting and once that it went through.
 * - Refused (a bug or a conflicting key): logged as an error and not retried — a person must look.
 * - Only the newest key is ever sent: the backend keeps one key per terminal, so an older key sent late would
 *   undo a rotation. Registering a key forgets every other key still waiting, and once the backend has it every
 *   older row goes (returning to an old key later is a registration of its own).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { macauIso } from '../../lib/macau_time.js';
import type { Backend } from '../backend/contract/backend.js';
import { isRetryable } from '../backend/contract/errors.js';
import { publicKeyEntry } from '../keys/key_table.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { TerminalSigningKey } from '../printed/verification/document_signing.js';
import type { Clock } from '../services/clock.js';

export interface SigningKeyRegistrationOptions {
  db: Database.Database;
  backend: Pick<Backend, 'registerPublicKey'>;
  clock: Clock;
  logger: KioskLogger;
  /** First wait after a send the backend did not answer. */
  retryMs?: number;
  /** The longest wait between two sends. */
  maxRetryMs?: number;
}

export type SigningKeyRegistrationState = 'registered' | 'waiting' | 'refused';

interface Row {
  public_key: string;
  key_id: string;
  idempotency_key: string;
  registered_at: string | null;
}

export const defaultKeyRetryMs = 30_000;
export const defaultKeyMaxRetryMs = 15 * 60_000;

export class SigningKeyRegistration {
  readonly #options: SigningKeyRegistrationOptions;
  #current: Row | null = null;
  #state: SigningKeyRegistrationState = 'waiting';
  #cancelRetry: () => void = () => {};
  #waitMs: number;
  #sending: Promise<void> | null = null;
  #loggedWaiting = false;
  #closed = false;

  constructor(options: SigningKeyRegistrationOptions) {
    this.#options = options;
    this.#waitMs = options.retryMs ?? defaultKeyRetryMs;
  }

  get state(): SigningKeyRegistrationState {
    return this.#state;
  }

  /** Makes `key` the terminal's registered key; resolves after the first attempt (retries go on by themselves). */
  register(key: TerminalSigningKey): Promise<void> {
    const { db, clock } = this.#options;
    const publicKey = publicKeyEntry(key.privateKey);
    const row = db.transaction((): Row => {
      // Only the newest key may reach the backend: anything older still waiting is dropped.
      db.prepare('DELETE FROM signing_key_registrations WHERE registered_at IS NULL AND public_key <> ?').run(
        publicKey,
      );
      // The same key under another terminal id is another registration (a request with another body).
      db.prepare('DELETE FROM signing_key_registrations WHERE public_key = ? AND key_id <> ?').run(
        publicKey,
        key.terminalId,
      );
      db.prepare(
        `INSERT INTO signing_key_registrations (public_key, key_id, idempotency_key, requested_at)
         VALUES (?, ?, ?, ?) ON CONFLICT (public_key) DO NOTHING`,
      ).run(publicKey, key.terminalId, randomUUID(), macauIso(clock.now()));
      return db.prepare('SELECT * FROM signing_key_registrations WHERE public_key = ?').get(publicKey) as Row;
    })();
    this.#cancelRetry();
    this.#current = row;
    this.#waitMs = this.#options.retryMs ?? defaultKeyRetryMs;
    this.#loggedWaiting = false;
    if (row.registered_at !== null) {
      this.#state = 'registered';
      return Promise.resolve();
    }
    this.#state = 'waiting';
    return this.#send();
  }

  close(): void {
    this.#closed = true;
    this.#cancelRetry();
  }

  #send(): Promise<void> {
    this.#sending ??= this.#sendOnce().finally(() => {
      this.#sending = null;
    });
    return this.#sending;
  }

  async #sendOnce(): Promise<void> {
    const row = this.#current;
    if (row === null || this.#closed) return;
    const { backend, db, clock, logger } = this.#options;
    const sent = await backend.registerPublicKey({
      idempotencyKey: row.idempotency_key,
      keyId: row.key_id,
      purpose: 'document-signing',
      publicKey: row.public_key,
    });
    // A newer key took over while this one was on its way: the newer one's own send decides.
    if (this.#current !== row || this.#closed) return;
    if (sent.ok) {
      db.prepare('UPDATE signing_key_registrations SET registered_at = ? WHERE public_key = ?').run(
        macauIso(clock.now()),
        row.public_key,
      );
      // Superseded keys go: going back to one of them later is a new registration, sent again.
      db.prepare('DELETE FROM signing_key_registrations WHERE public_key <> ?').run(row.public_key);
      this.#state = 'registered';
      logger.log('signing-key-registered', { keyId: row.key_id, afterWaiting: this.#loggedWaiting });
      return;
    }
    if (!isRetryable(sent.error)) {
      this.#state = 'refused';
      const code = sent.error.kind === 'rejected' ? sent.error.rejection.code : sent.error.kind;
      logger.log('signing-key-registration-refused', { keyId: row.key_id, error: code });
      return;
    }
    if (!this.#loggedWaiting) {
      this.#loggedWaiting = true;
      logger.log('signing-key-registration-waiting', { keyId: row.key_id, error: sent.error.kind });
    }
    const wait = this.#waitMs;
    this.#waitMs = Math.min(wait * 2, this.#options.maxRetryMs ?? defaultKeyMaxRetryMs);
    this.#cancelRetry = clock.setTimeout(() => {
      this.#cancelRetry = () => {};
      void this.#send();
    }, wait);
  }
}
