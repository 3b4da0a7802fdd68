/**
 * The terminal's document-signing public keys and whether the backend has them
 * (electron/key_registration/signing_key_registration.ts): a row is written before the key is sent, with the
 * idempotency key every retry reuses, and `registered_at` is set once the backend answers. Public keys only: a
 * private key never enters the journal.
 */
import type { Migration } from './migrations.js';

export const signingKeyRegistrationsMigration: Migration = {
  id: 170,
  name: 'signing-key-registrations',
  up(db) {
    db.exec(`
      CREATE TABLE signing_key_registrations (
        public_key TEXT PRIMARY KEY,
        key_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        requested_at TEXT NOT NULL,
        registered_at TEXT
      ) STRICT;
    `);
  },
};
