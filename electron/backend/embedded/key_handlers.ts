import { macauIso } from '../../../lib/macau_time.js';
import { ok } from '../../../lib/result.js';
import type { KeyPurpose } from '../contract/keys.js';
import type { Handler } from './embedded_context.js';

/** The shared public-key table: one key per id and purpose, the newest registration winning. */

interface KeyRow {
  key_id: string;
  purpose: KeyPurpose;
  public_key: string;
  registered_at: number;
}

const entryOf = (row: KeyRow) => ({
  keyId: row.key_id,
  purpose: row.purpose,
  publicKey: row.public_key,
  registeredAt: macauIso(row.registered_at),
});

export const keyTable: Handler<'keyTable'> = (ctx) => {
  const rows = ctx.db.prepare('SELECT * FROM public_keys ORDER BY purpose, key_id').all() as KeyRow[];
  return ok({ keys: rows.map(entryOf) });
};

export const registerPublicKey: Handler<'registerPublicKey'> = (ctx, request) => {
  const row: KeyRow = {
    key_id: request.keyId,
    purpose: request.purpose,
    public_key: request.publicKey,
    registered_at: ctx.now(),
  };
  ctx.db
    .prepare(
      `INSERT INTO public_keys (key_id, purpose, public_key, registered_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key_id, purpose) DO UPDATE SET public_key = excluded.public_key,
         registered_at = excluded.registered_at`,
    )
    .run(row.key_id, row.purpose, row.public_key, row.registered_at);
  return ok(entryOf(row));
};
