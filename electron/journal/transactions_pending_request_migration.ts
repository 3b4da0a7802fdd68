/**
 * The request of a transaction's pending call, beside its name. A backend replays a state change only for the
 * same key AND the same request (a different request under a used key is refused as `idempotency-conflict`), so
 * recovery can ask again after a crash only if it can send exactly what was sent. The request holds ids and
 * codes (a service, a centre, a slot, a booking reference, the backend's opaque reference of the resident: never
 * a name, a document number or a PIN — the journal refuses a request with such a field), and it leaves the row in
 * the same database transaction as the call's answer (`secure_delete` zeroes the freed bytes).
 */
import type { Migration } from './migrations.js';

export const transactionsPendingRequestMigration: Migration = {
  id: 80,
  name: 'transactions-pending-request',
  up(db) {
    db.exec(`
      ALTER TABLE transactions ADD COLUMN pending_request TEXT
        CHECK (pending_request IS NULL OR (pending_call IS NOT NULL AND json_valid(pending_request)));
    `);
  },
};
