import type Database from 'better-sqlite3';
import { createPublicationTables } from './publication_tables.js';

/**
 * The embedded backend's tables. It stands in for the government's systems, so it holds what they would: the
 * catalogue (as JSON rows, loaded into memory at open), residents as ids with their document numbers and hashed
 * PINs (no names, no dates of birth), slots, bookings, documents ready for collection, proofs of identity, Smart
 * Locker applications and pickups, the shared public-key table (every key with its period of use), staff PIN
 * hashes, the latest heartbeat per terminal and the replies kept per idempotency key. Times are epoch milliseconds.
 *
 * `PRAGMA user_version` says which version of these tables a file holds. A later change adds a step to
 * `upgradeEmbeddedTables` (never edits an earlier one), and a file newer than the code is refused.
 *
 * - 2: `collections.compartment`, the kiosk locker door a booklet was loaded behind.
 * - 4: publications, vending slots, payments, machine and counter sales (publication_tables.ts).
 * - 7: `public_key_periods`, every key an id has had with the time it took over and its revocation, in place of
 *   `public_keys` (one key per id); each key kept is carried over, valid from when it was registered.
 */
export const embeddedSchemaVersion = 7;

/** Brings a file of an earlier version up to this one, one step at a time (inside the open's transaction). */
export function upgradeEmbeddedTables(db: Database.Database, from: number): void {
  if (from < 2) db.exec('ALTER TABLE collections ADD COLUMN compartment TEXT');
  if (from < 4) createPublicationTables(db);
  if (from < 7) upgradeToKeyPeriods(db);
}

/** Step 7: each key of `public_keys` becomes a period from its registration (a file holding periods keeps them). */
function upgradeToKeyPeriods(db: Database.Database): void {
  const has = (table: string) =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  if (!has('public_key_periods')) createPublicKeyPeriods(db);
  if (!has('public_keys')) return;
  db.exec(`
    INSERT INTO public_key_periods (key_id, purpose, public_key, valid_from, registered_at)
      SELECT key_id, purpose, public_key, registered_at, registered_at FROM public_keys;
    DROP TABLE public_keys;
  `);
}

/**
 * The shared key table over time: a row per key an id (terminal or issuer) took up, from `valid_from`; it is the
 * id's key until the next row's `valid_from` (the period ends there). `revoked_at`: declared compromised.
 */
function createPublicKeyPeriods(db: Database.Database): void {
  db.exec(`
    CREATE TABLE public_key_periods (
      key_id TEXT NOT NULL,
      purpose TEXT NOT NULL,
      public_key TEXT NOT NULL,
      valid_from INTEGER NOT NULL,
      registered_at INTEGER NOT NULL,
      revoked_at INTEGER,
      revocation_reason TEXT,
      revoked_by TEXT,
      PRIMARY KEY (key_id, purpose, valid_from)
    ) STRICT;
    CREATE INDEX public_key_periods_by_key ON public_key_periods (public_key);
  `);
}

export function createEmbeddedTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    CREATE TABLE catalogue_rows (
      kind TEXT NOT NULL CHECK (kind IN ('department', 'service', 'centre', 'locker-point')),
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      json TEXT NOT NULL,
      PRIMARY KEY (kind, id)
    ) STRICT;
    CREATE TABLE residents (
      id TEXT PRIMARY KEY,
      pin_hash TEXT NOT NULL,
      pin_failures INTEGER NOT NULL DEFAULT 0,
      pin_locked_until INTEGER
    ) STRICT;
    CREATE TABLE resident_documents (
      kind TEXT NOT NULL,
      number TEXT NOT NULL,
      resident_id TEXT NOT NULL REFERENCES residents(id),
      PRIMARY KEY (kind, number)
    ) STRICT;
    CREATE TABLE one_account_tokens (
      token_digest TEXT PRIMARY KEY,
      resident_id TEXT NOT NULL REFERENCES residents(id),
      expires_at INTEGER
    ) STRICT;
    CREATE TABLE pin_authorisations (
      token_digest TEXT PRIMARY KEY,
      resident_id TEXT NOT NULL REFERENCES residents(id),
      expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE terminals (id TEXT PRIMARY KEY, centre_id TEXT NOT NULL) STRICT;
    CREATE TABLE slots (
      id TEXT PRIMARY KEY,
      centre_id TEXT NOT NULL,
      starts_at INTEGER NOT NULL,
      ends_at INTEGER NOT NULL,
      capacity INTEGER NOT NULL CHECK (capacity > 0),
      booked INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity)
    ) STRICT;
    CREATE INDEX slots_by_centre ON slots (centre_id, starts_at);
    CREATE TABLE bookings (
      reference TEXT PRIMARY KEY,
      qr_token TEXT NOT NULL,
      service_id TEXT NOT NULL,
      centre_id TEXT NOT NULL,
      slot_id TEXT NOT NULL REFERENCES slots(id),
      resident_id TEXT NOT NULL REFERENCES residents(id),
      status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'checked-in')),
      created_at INTEGER NOT NULL,
      queue_number TEXT,
      checked_in_at INTEGER
    ) STRICT;
    CREATE INDEX bookings_by_resident ON bookings (resident_id);
    CREATE TABLE queue_counters (
      centre_id TEXT NOT NULL,
      day TEXT NOT NULL,
      prefix TEXT NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (centre_id, day, prefix)
    ) STRICT;
    CREATE TABLE collections (
      id TEXT PRIMARY KEY,
      resident_id TEXT NOT NULL REFERENCES residents(id),
      terminal_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      format TEXT NOT NULL,
      department TEXT NOT NULL,
      title_json TEXT NOT NULL,
      ready_since INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('ready', 'reserved', 'collected')),
      reserved_until INTEGER,
      collected_at INTEGER,
      last_not_collected_reason TEXT,
      compartment TEXT
    ) STRICT;
    CREATE TABLE proofs (
      verification_code TEXT PRIMARY KEY,
      terminal_id TEXT NOT NULL,
      issued_at INTEGER NOT NULL,
      facts_json TEXT NOT NULL,
      registered_at INTEGER NOT NULL,
      revoked_at INTEGER,
      revocation_reason TEXT,
      revoked_by TEXT
    ) STRICT;
    CREATE TABLE locker_applications (
      id TEXT PRIMARY KEY,
      service_id TEXT NOT NULL,
      resident_id TEXT NOT NULL REFERENCES residents(id),
      point_id TEXT NOT NULL,
      size TEXT NOT NULL CHECK (size IN ('small', 'medium', 'large')),
      status TEXT NOT NULL CHECK (status IN ('submitted', 'ready', 'collected')),
      submitted_at INTEGER NOT NULL,
      expected_ready_date TEXT NOT NULL
    ) STRICT;
    -- Compartments already holding items when the file was seeded (placed through other channels): the seed's
    -- "occupied", so a sample point can be full in one size. Applications add to it, never change it.
    CREATE TABLE locker_occupied (
      point_id TEXT NOT NULL,
      size TEXT NOT NULL CHECK (size IN ('small', 'medium', 'large')),
      count INTEGER NOT NULL CHECK (count >= 0),
      PRIMARY KEY (point_id, size)
    ) STRICT;
    CREATE TABLE pickups (
      application_id TEXT PRIMARY KEY REFERENCES locker_applications(id),
      digits TEXT NOT NULL UNIQUE,
      point_id TEXT NOT NULL,
      compartment TEXT NOT NULL,
      placed_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      picked_up_at INTEGER,
      picked_up_by TEXT
    ) STRICT;
    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      pin_hash TEXT NOT NULL,
      roles_json TEXT NOT NULL,
      pin_failures INTEGER NOT NULL DEFAULT 0,
      pin_locked_until INTEGER
    ) STRICT;
    CREATE TABLE heartbeats (
      terminal_id TEXT PRIMARY KEY,
      received_at INTEGER NOT NULL,
      sent_at INTEGER NOT NULL,
      report_json TEXT NOT NULL
    ) STRICT;
    CREATE TABLE idempotency (
      key TEXT PRIMARY KEY,
      method TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      outcome_json TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX idempotency_by_age ON idempotency (created_at);
  `);
  createPublicKeyPeriods(db);
  createPublicationTables(db);
}
