import type { z } from 'zod';
import { macauIso } from '../../../lib/macau_time.js';
import { err, ok } from '../../../lib/result.js';
import type { ProofFactsSchema, RevocationReasonSchema } from '../contract/identity_proof.js';
import type { Handler } from './embedded_context.js';

/** Proofs of identity: the verification code, who issued it when, the masked facts, and a revocation if any. */

interface ProofRow {
  verification_code: string;
  terminal_id: string;
  issued_at: number;
  facts_json: string;
  revoked_at: number | null;
  revocation_reason: z.infer<typeof RevocationReasonSchema> | null;
}

function findProof(db: import('better-sqlite3').Database, code: string): ProofRow | undefined {
  return db.prepare('SELECT * FROM proofs WHERE verification_code = ?').get(code) as ProofRow | undefined;
}

export const registerProof: Handler<'registerProof'> = (ctx, request) => {
  if (findProof(ctx.db, request.verificationCode)) return err({ code: 'already-registered' });
  const now = ctx.now();
  ctx.db
    .prepare(
      `INSERT INTO proofs (verification_code, terminal_id, issued_at, facts_json, registered_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(
      request.verificationCode,
      request.terminalId,
      Date.parse(request.issuedAt),
      JSON.stringify(request.facts),
      now,
    );
  return ok({ verificationCode: request.verificationCode, registeredAt: macauIso(now) });
};

export const verifyProof: Handler<'verifyProof'> = (ctx, { verificationCode }) => {
  const row = findProof(ctx.db, verificationCode);
  if (!row) return ok({ status: 'unknown' as const, verificationCode });
  const common = { verificationCode, terminalId: row.terminal_id, issuedAt: macauIso(row.issued_at) };
  if (row.revoked_at !== null && row.revocation_reason !== null) {
    return ok({
      status: 'revoked' as const,
      ...common,
      revokedAt: macauIso(row.revoked_at),
      reason: row.revocation_reason,
    });
  }
  return ok({
    status: 'genuine' as const,
    ...common,
    facts: JSON.parse(row.facts_json) as z.infer<typeof ProofFactsSchema>,
  });
};

export const revokeProof: Handler<'revokeProof'> = (ctx, request) => {
  const row = findProof(ctx.db, request.verificationCode);
  if (!row) return err({ code: 'not-found', subject: 'proof' });
  if (row.revoked_at !== null) return err({ code: 'already-used', at: macauIso(row.revoked_at) });
  const now = ctx.now();
  ctx.db
    .prepare(
      'UPDATE proofs SET revoked_at = ?, revocation_reason = ?, revoked_by = ? WHERE verification_code = ?',
    )
    .run(now, request.reason, request.staffId, request.verificationCode);
  return ok({ verificationCode: request.verificationCode, revokedAt: macauIso(now) });
};
