import { macauIso } from '../../../lib/macau_time.js';
import { err, ok } from '../../../lib/result.js';
import type { EmbeddedContext, Handler } from './embedded_context.js';
import { tokenDigest } from './secrets.js';

/**
 * Who a resident is, from a verified document or a Macao One Account token. One Account tokens are kept as
 * digests, like every other bearer secret of this backend.
 */
export const identifyResident: Handler<'identifyResident'> = (ctx, request) => {
  switch (request.method) {
    case 'document': {
      const row = ctx.db
        .prepare('SELECT resident_id FROM resident_documents WHERE kind = ? AND number = ?')
        .get(request.documentKind, request.documentNumber) as { resident_id: string } | undefined;
      return row ? ok({ residentRef: row.resident_id }) : err({ code: 'not-found', subject: 'resident' });
    }
    case 'one-account': {
      const row = ctx.db
        .prepare('SELECT resident_id, expires_at FROM one_account_tokens WHERE token_digest = ?')
        .get(tokenDigest(request.token)) as { resident_id: string; expires_at: number | null } | undefined;
      if (!row) return err({ code: 'not-found', subject: 'resident' });
      if (row.expires_at !== null && row.expires_at <= ctx.now()) {
        return err({ code: 'expired', at: macauIso(row.expires_at) });
      }
      return ok({ residentRef: row.resident_id });
    }
  }
};

export function residentExists(ctx: EmbeddedContext, residentId: string): boolean {
  return ctx.db.prepare('SELECT 1 FROM residents WHERE id = ?').get(residentId) !== undefined;
}
