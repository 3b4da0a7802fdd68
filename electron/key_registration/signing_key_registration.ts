/**
 * The terminal announces its document-signing public keys to the backend (`registerPublicKey`), so that a proof it
 * prints can be checked anywhere against the shared key table (DESIGN.md, "Keys and signed codes").
 *
 * - The journal keeps every key the terminal has had (`signing_key_registrations`), each with the period it signed
 *   with it: `valid_from` when the terminal first used it, `valid_to` when the next key took over. A proof printed
 *   before a rotation is checked against the key of its day (electron/keys/key_history.ts), so no key is forgotten.
 * - At start, and whenever the key changes (`register(newKey)`; today a key is rotated by replacing
 *   `documents.signingKeyFile` and restarting, so the start is where a new key is first seen), the key's row is
 *   written with an idempotency key BEFORE it is sent, and the key before it is closed at that moment. Every retry,
 *   in this run or after a restart, sends the same key, so the backend records it once.
 * - Each key is sent with its `validFrom`, oldest first, until the backend has them all: a key that waited for the
 *   backend (unreachable at the rotation) still covers the proofs it signed meanwhile, and one sent late takes its
 *   own place in the backend's history without undoing a later rotation.
 * - A key the backend already has (a restart with the same key file) is not sent again.
 * - No answer (unreachable, timeout, server error): tried again after `retryMs`, doubling up to `maxRetryMs`,
 *   until the backend has it; the log says once that it is waiting and once that it went through.
 * - Refused (a bug, a conflicting key, a key revoked as compromised): logged as an error and not retried — a person
 *   must look. `state` is the newest key's.
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
  id: number;
  public_key: string;
  key_id: string;
  idempotency_key: string;
  valid_from: string;
  valid_to: string | null;
  registered_at: string | null;
}

export const defaultKeyRetryMs = 30_000;
export const defaultKeyMaxRetryMs = 15 * 60_000;

export class SigningKeyRegistration {
  readonly #options: SigningKeyRegistrationOptions;
  /** The newest key's row: the one `state` speaks of. */
  #newest: Row | null = null;
  #state: SigningKeyRegistrationState = 'waiting';
  #cancelRetry: () => void = () => {};
  #waitMs: number;
  #sending: Promise<void> | null = null;
  #loggedWaiting = false;
  #closed = false;
  /** Rows the backend refused in this run: not sent again until a restart (a person must look). */
  readonly #refused = new Set<number>();

  constructor(options: SigningKeyRegistrationOptions) {
    this.#options = options;
    this.#waitMs = options.retryMs ?? defaultKeyRetryMs;
  }

  get state(): SigningKeyRegistrationState {
    return this.#state;
  }

  /** Makes `key` the terminal's key from now on; resolves after the first attempt (retries go on by themselves). */
  register(key: TerminalSigningKey): Promise<void> {
    const { db, clock } = this.#options;
    const publicKey = publicKeyEntry(key.privateKey);
    const row = db.transaction((): Row => {
      const newest = db.prepare('SELECT * FROM signing_key_registrations ORDER BY id DESC LIMIT 1').get() as
        | Row
        | undefined;
      // The key in use goes on (a restart with the same key file): its period goes on too.
      if (newest?.public_key === publicKey && newest.key_id === key.terminalId) return newest;
      const now = macauIso(clock.now());
      // A rotation (or a return to an earlier key): the key before it stops now, and a new period starts.
      db.prepare('UPDATE signing_key_registrations SET valid_to = ? WHERE valid_to IS NULL').run(now);
      const inserted = db
        .prepare(
          `INSERT INTO signing_key_registrations (public_key, key_id, idempotency_key, valid_from)
           VALUES (?, ?, ?, ?)`,
        )
        .run(publicKey, key.terminalId, randomUUID(), now);
      return db
        .prepare('SELECT * FROM signing_key_registrations WHERE id = ?')
        .get(inserted.lastInsertRowid) as Row;
    })();
    this.#cancelRetry();
    this.#newest = row;
    this.#waitMs = this.#options.retryMs ?? defaultKeyRetryMs;
    this.#loggedWaiting = false;
    this.#state = row.registered_at !== null ? 'registered' : 'waiting';
    if (this.#unsent().length === 0) return Promise.resolve();
    return this.#send();
  }

  close(): void {
    this.#closed = true;
    this.#cancelRetry();
  }

  /** The keys the backend does not have yet, oldest first. */
  #unsent(): Row[] {
    return this.#options.db
      .prepare('SELECT * FROM signing_key_registrations WHERE registered_at IS NULL ORDER BY id')
      .all() as Row[];
  }

  #send(): Promise<void> {
    this.#sending ??= this.#sendAll().finally(() => {
      this.#sending = null;
    });
    return this.#sending;
  }

  /** Sends each key the backend lacks, oldest first; stops at the first that gets no answer and waits. */
  async #sendAll(): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      const row = this.#unsent().find((candidate) => !this.#refused.has(candidate.id));
      if (row === undefined) return;
      const sent = await this.#sendOne(row);
      if (sent === 'waiting') return;
      if (sent === 'refused') this.#refused.add(row.id);
    }
  }

  async #sendOne(row: Row): Promise<SigningKeyRegistrationState> {
    const { backend, db, clock, logger } = this.#options;
    const newest = () => this.#newest?.id === row.id;
    const sent = await backend.registerPublicKey({
      idempotencyKey: row.idempotency_key,
      keyId: row.key_id,
      purpose: 'document-signing',
      publicKey: row.public_key,
      validFrom: row.valid_from,
    });
    if (this.#closed) return 'waiting';
    if (sent.ok) {
      db.prepare('UPDATE signing_key_registrations SET registered_at = ? WHERE id = ?').run(
        macauIso(clock.now()),
        row.id,
      );
      if (newest()) this.#state = 'registered';
      logger.log('signing-key-registered', { keyId: row.key_id, afterWaiting: this.#loggedWaiting });
      return 'registered';
    }
    if (!isRetryable(sent.error)) {
      if (newest()) this.#state = 'refused';
      const code = sent.error.kind === 'rejected' ? sent.error.rejection.code : sent.error.kind;
      logger.log('signing-key-registration-refused', { keyId: row.key_id, error: code });
      return 'refused';
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
    return 'waiting';
  }
}
