import type Database from 'better-sqlite3';
import { macauIso } from '../../../lib/macau_time.js';
import { err, ok } from '../../../lib/result.js';
import type { KeyPurpose, KeyRevocationReasonSchema, PublicKeyEntry } from '../contract/keys.js';
import type { Handler } from './embedded_context.js';

/**
 * The shared public-key table over time (embedded_schema.ts, `public_key_periods`): a row per key an id took up,
 * from its `valid_from`; the id's next row ends it. Registering a new key adds a period and so retires the key
 * before it — which stays, so what it signed while it was in use still checks. A key declared compromised is
 * revoked in every period it had, and can never be registered again.
 */

interface KeyRow {
  key_id: string;
  purpose: KeyPurpose;
  public_key: string;
  valid_from: number;
  registered_at: number;
  revoked_at: number | null;
  /** The next period's start for the same id and purpose (a window function), null for the key in use. */
  valid_to: number | null;
}

type RevocationReason = import('zod').infer<typeof KeyRevocationReasonSchema>;

const periodsQuery = `
  SELECT key_id, purpose, public_key, valid_from, registered_at, revoked_at,
    LEAD(valid_from) OVER (PARTITION BY key_id, purpose ORDER BY valid_from) AS valid_to
  FROM public_key_periods`;

const entryOf = (row: KeyRow): PublicKeyEntry => ({
  keyId: row.key_id,
  purpose: row.purpose,
  publicKey: row.public_key,
  registeredAt: macauIso(row.registered_at),
  validFrom: macauIso(row.valid_from),
  validTo: row.valid_to === null ? null : macauIso(row.valid_to),
  revokedAt: row.revoked_at === null ? null : macauIso(row.revoked_at),
});

function periodsOf(db: Database.Database, keyId: string, purpose: KeyPurpose): KeyRow[] {
  return db
    .prepare(`SELECT * FROM (${periodsQuery}) WHERE key_id = ? AND purpose = ? ORDER BY valid_from`)
    .all(keyId, purpose) as KeyRow[];
}

export const keyTable: Handler<'keyTable'> = (ctx) => {
  const rows = ctx.db
    .prepare(`SELECT * FROM (${periodsQuery}) ORDER BY purpose, key_id, valid_from`)
    .all() as KeyRow[];
  return ok({ keys: rows.map(entryOf) });
};

export const registerPublicKey: Handler<'registerPublicKey'> = (ctx, request) => {
  const now = ctx.now();
  const { keyId, purpose, publicKey } = request;
  const revoked = ctx.db
    .prepare('SELECT revoked_at FROM public_key_periods WHERE public_key = ? AND revoked_at IS NOT NULL')
    .get(publicKey) as { revoked_at: number } | undefined;
  if (revoked) return err({ code: 'already-used', at: macauIso(revoked.revoked_at) });
  const validFrom = request.validFrom === undefined ? now : Date.parse(request.validFrom);
  const periods = periodsOf(ctx.db, keyId, purpose);
  // The key already in use from that time on (a retry, a restart, a registration sent twice): nothing changes.
  const covering = periods.findLast((row) => row.valid_from <= validFrom);
  if (covering?.public_key === publicKey) return ok(entryOf(covering));
  // Announced again without a time (an issuer's restart): the id's newest key is this one already.
  const newest = periods.at(-1);
  if (request.validFrom === undefined && newest?.public_key === publicKey) return ok(entryOf(newest));
  const sameStart = periods.find((row) => row.valid_from === validFrom);
  // Another key claims the very same millisecond: which one signed then cannot be told; refuse the newcomer.
  if (sameStart) return err({ code: 'already-used', at: macauIso(sameStart.registered_at) });
  ctx.db
    .prepare(
      `INSERT INTO public_key_periods (key_id, purpose, public_key, valid_from, registered_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(keyId, purpose, publicKey, validFrom, now);
  const added = periodsOf(ctx.db, keyId, purpose).find((row) => row.valid_from === validFrom);
  if (!added) throw new Error('the key period just written is not there');
  return ok(entryOf(added));
};

export const revokePublicKey: Handler<'revokePublicKey'> = (ctx, request) => {
  const rows = periodsOf(ctx.db, request.keyId, request.purpose).filter(
    (row) => row.public_key === request.publicKey,
  );
  if (rows.length === 0) return err({ code: 'not-found', subject: 'key' });
  const already = rows.find((row) => row.revoked_at !== null);
  if (already?.revoked_at != null) return err({ code: 'already-used', at: macauIso(already.revoked_at) });
  const now = ctx.now();
  const reason: RevocationReason = request.reason;
  ctx.db
    .prepare(
      `UPDATE public_key_periods SET revoked_at = ?, revocation_reason = ?, revoked_by = ?
       WHERE key_id = ? AND purpose = ? AND public_key = ?`,
    )
    .run(now, reason, request.staffId, request.keyId, request.purpose, request.publicKey);
  return ok({ keyId: request.keyId, publicKey: request.publicKey, revokedAt: macauIso(now) });
};
