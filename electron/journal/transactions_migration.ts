/**
 * Resident transactions (see transaction_states.ts) and their event history. Rows hold ids, states, codes and
 * the backend idempotency key only — never personal data: who the resident is stays with the backend and, for
 * one session, in memory.
 *
 * `pending_call` names the state-changing backend call whose key was committed but whose answer was not yet
 * recorded: after a crash, that is the reply that may have been lost. `boot_id` tells the transactions of an
 * earlier run (to be recovered) from those the running kiosk is serving.
 */
import type { Migration } from './migrations.js';

export const transactionsMigration: Migration = {
  id: 40,
  name: 'transactions',
  up(db) {
    db.exec(`
      CREATE TABLE transactions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('booking', 'check-in', 'collection', 'identity-proof',
          'locker-pickup', 'locker-apply', 'publication-sale')),
        state TEXT NOT NULL CHECK (state IN
          ('started', 'identified', 'reserved', 'dispensed', 'printed', 'confirmed', 'voided')),
        idempotency_key TEXT NOT NULL UNIQUE,
        pending_call TEXT,
        session_id TEXT,
        boot_id TEXT NOT NULL,
        reason TEXT,
        needs_staff_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (pending_call IS NULL OR state NOT IN ('confirmed', 'voided'))
      ) STRICT;
      CREATE INDEX transactions_unfinished ON transactions (boot_id, id)
        WHERE state NOT IN ('confirmed', 'voided');

      CREATE TABLE transaction_events (
        id INTEGER PRIMARY KEY,
        transaction_id INTEGER NOT NULL REFERENCES transactions(id),
        at TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        call TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX transaction_events_by_transaction ON transaction_events (transaction_id);
    `);
  },
};
