import { macauIso, minuteMs } from '../../../lib/macau_time.js';
import { err, ok, type Result } from '../../../lib/result.js';
import type { ReadyDocument } from '../contract/collection.js';
import type { LocalisedText } from '../contract/common.js';
import type { Rejection } from '../contract/errors.js';
import type { EmbeddedContext, Handler } from './embedded_context.js';
import { checkPinWithLockout, residentPinPolicy } from './pin_attempts.js';
import { residentExists } from './resident_handlers.js';
import { newToken, tokenDigest } from './secrets.js';

/**
 * Documents ready for collection at a terminal: `ready → reserved → collected`, back to `ready` when not
 * collected. A reservation lasts ten minutes for other flows; the terminal that holds it may still confirm
 * after that (the document left the machine; recovery must be able to say so).
 */

export const authorisationMs = 15 * minuteMs;
export const reservationMs = 10 * minuteMs;

interface CollectionRow {
  id: string;
  resident_id: string;
  terminal_id: string;
  kind: ReadyDocument['kind'];
  format: ReadyDocument['format'];
  department: string;
  title_json: string;
  ready_since: number;
  status: 'ready' | 'reserved' | 'collected';
  reserved_until: number | null;
  collected_at: number | null;
  compartment: string | null;
}

export const documentsReady: Handler<'documentsReady'> = (ctx, { residentRef, terminalId }) => {
  if (!residentExists(ctx, residentRef)) return err({ code: 'not-found', subject: 'resident' });
  const rows = ctx.db
    .prepare(
      `SELECT * FROM collections WHERE resident_id = ? AND terminal_id = ?
       AND (status = 'ready' OR (status = 'reserved' AND reserved_until <= ?)) ORDER BY ready_since`,
    )
    .all(residentRef, terminalId, ctx.now()) as CollectionRow[];
  return ok({
    documents: rows.map((row) => ({
      collectionId: row.id,
      kind: row.kind,
      title: JSON.parse(row.title_json) as LocalisedText,
      department: row.department,
      format: row.format,
      compartment: row.format === 'booklet' ? row.compartment : null,
      readySince: macauIso(row.ready_since),
    })),
  });
};

export const checkCollectionPin: Handler<'checkCollectionPin'> = (ctx, request) => {
  const checked = checkPinWithLockout(ctx, residentPinPolicy, request.residentRef, request.pin, 'resident');
  if (!checked.ok) return checked;
  const authorisation = newToken();
  const expiresAt = ctx.now() + authorisationMs;
  ctx.db
    .prepare('INSERT INTO pin_authorisations (token_digest, resident_id, expires_at) VALUES (?, ?, ?)')
    .run(tokenDigest(authorisation), request.residentRef, expiresAt);
  return ok({ authorisation, expiresAt: macauIso(expiresAt) });
};

/** The collection, at this terminal, not yet collected. */
function collectable(
  ctx: EmbeddedContext,
  collectionId: string,
  terminalId: string,
): Result<CollectionRow, Rejection> {
  const row = ctx.db.prepare('SELECT * FROM collections WHERE id = ?').get(collectionId) as
    | CollectionRow
    | undefined;
  if (!row) return err({ code: 'not-found', subject: 'collection' });
  if (row.terminal_id !== terminalId) return err({ code: 'wrong-terminal' });
  if (row.status === 'collected') return err({ code: 'already-used', at: macauIso(row.collected_at ?? 0) });
  return ok(row);
}

export const reserveCollection: Handler<'reserveCollection'> = (ctx, request) => {
  const found = collectable(ctx, request.collectionId, request.terminalId);
  if (!found.ok) return found;
  const row = found.value;
  const now = ctx.now();
  const grant = ctx.db
    .prepare('SELECT resident_id, expires_at FROM pin_authorisations WHERE token_digest = ?')
    .get(tokenDigest(request.authorisation)) as { resident_id: string; expires_at: number } | undefined;
  if (!grant || grant.resident_id !== row.resident_id || grant.expires_at <= now) {
    return err({ code: 'not-authorised' });
  }
  if (row.status === 'reserved' && (row.reserved_until ?? 0) > now) return err({ code: 'reserved' });
  const until = now + reservationMs;
  ctx.db
    .prepare("UPDATE collections SET status = 'reserved', reserved_until = ? WHERE id = ?")
    .run(until, row.id);
  return ok({ collectionId: row.id, reservedUntil: macauIso(until) });
};

export const confirmCollection: Handler<'confirmCollection'> = (ctx, request) => {
  const found = collectable(ctx, request.collectionId, request.terminalId);
  if (!found.ok) return found;
  if (found.value.status !== 'reserved') return err({ code: 'not-reserved' });
  const now = ctx.now();
  ctx.db
    .prepare(
      "UPDATE collections SET status = 'collected', collected_at = ?, reserved_until = NULL WHERE id = ?",
    )
    .run(now, request.collectionId);
  return ok({ collectionId: request.collectionId, collectedAt: macauIso(now) });
};

export const reportNotCollected: Handler<'reportNotCollected'> = (ctx, request) => {
  const found = collectable(ctx, request.collectionId, request.terminalId);
  if (!found.ok) return found;
  if (found.value.status !== 'reserved') return err({ code: 'not-reserved' });
  ctx.db
    .prepare(
      `UPDATE collections SET status = 'ready', reserved_until = NULL, last_not_collected_reason = ?
       WHERE id = ?`,
    )
    .run(request.reason, request.collectionId);
  return ok({ collectionId: request.collectionId, status: 'ready' as const });
};
