/**
 * The terminal keeps every document-signing key it has had, with the period it signed with each
 * (electron/key_registration/signing_key_registration.ts): `valid_from` is when the terminal first used the key (the
 * old `requested_at`), `valid_to` when the next key took over. Until now a rotation deleted the older rows once the
 * backend had the new key; a terminal returning to an earlier key now starts a new period, so the public key is no
 * longer the row's identity. Rows already here keep their keys; each older one ends where the next one starts. A
 * row the backend has not confirmed gets a new idempotency key: it is now sent with its `validFrom`, another body
 * than before, which the old key would make an idempotency conflict.
 */
import type { Migration } from './migrations.js';

export const signingKeyHistoryMigration: Migration = {
  id: 210,
  name: 'signing-key-history',
  up(db) {
    db.exec(`
      ALTER TABLE signing_key_registrations RENAME TO signing_key_registrations_before_210;
      CREATE TABLE signing_key_registrations (
        id INTEGER PRIMARY KEY,
        public_key TEXT NOT NULL,
        key_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        registered_at TEXT
      ) STRICT;
      INSERT INTO signing_key_registrations (public_key, key_id, idempotency_key, valid_from, valid_to, registered_at)
        SELECT public_key, key_id,
          CASE WHEN registered_at IS NULL THEN 'key-' || lower(hex(randomblob(16))) ELSE idempotency_key END,
          requested_at,
          LEAD(requested_at) OVER (ORDER BY requested_at, rowid), registered_at
        FROM signing_key_registrations_before_210 ORDER BY requested_at, rowid;
      DROP TABLE signing_key_registrations_before_210;
    `);
  },
};
