import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { dayMs } from '../../../lib/macau_time.js';
import { err, type Result } from '../../../lib/result.js';
import type { Rejection } from '../contract/errors.js';

/**
 * Replies kept per idempotency key. A state change and its kept reply commit in the same transaction, so after
 * any crash either both exist or neither does; the same key then returns the first answer (a refusal included:
 * a second "wrong PIN" for the same key must not count twice). The same key with a different request is refused.
 *
 * The fingerprint leaves the PIN out: a hash of a six-digit PIN is no secret, and the key alone already names
 * the attempt. It leaves a wallet payment code out too: wallets refresh the code every minute, so a resident who
 * scans again after a timeout shows a new code for the same charge, which must replay, not conflict.
 */

export const keepRepliesMs = 30 * dayMs;
const secretFields = new Set(['pin', 'authorisation', 'walletCode']);

/** JSON with object keys sorted, so the same request always has the same fingerprint. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => key !== 'idempotencyKey' && !secretFields.has(key) && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestFingerprint(method: string, request: unknown): string {
  return createHash('sha256').update(method).update('\0').update(stableJson(request)).digest('hex');
}

type Outcome = Result<unknown, Rejection>;

/**
 * Runs `act` once per key inside one transaction: a replay returns the kept outcome without running `act`.
 */
export function oncePerKey(
  db: Database.Database,
  now: number,
  method: string,
  key: string,
  request: unknown,
  act: () => Outcome,
): Outcome {
  const fingerprint = requestFingerprint(method, request);
  return db
    .transaction((): Outcome => {
      const kept = db
        .prepare('SELECT method, fingerprint, outcome_json FROM idempotency WHERE key = ?')
        .get(key) as { method: string; fingerprint: string; outcome_json: string } | undefined;
      if (kept) {
        if (kept.method !== method || kept.fingerprint !== fingerprint)
          return err({ code: 'idempotency-conflict' });
        return JSON.parse(kept.outcome_json) as Outcome;
      }
      const outcome = act();
      db.prepare(
        'INSERT INTO idempotency (key, method, fingerprint, outcome_json, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(key, method, fingerprint, JSON.stringify(outcome), now);
      return outcome;
    })
    .immediate();
}

export function pruneKeptReplies(db: Database.Database, now: number): void {
  db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(now - keepRepliesMs);
}
