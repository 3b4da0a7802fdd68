import { macauDate } from '../../../lib/macau_time.js';
import { err, ok, type Result } from '../../../lib/result.js';
import type { Backend } from '../../backend/contract/backend.js';
import { signingKeyHistoryOf } from '../../backend/contract/keys.js';
import { verifyDocument } from '../../printed/verification/verify_document.js';
import type { ProofVerdict } from '../../rpc/flows/check_proof_contract.js';

/**
 * The verdict on a scanned proof-of-identity QR: the same verification as `balcao verify-document`
 * (electron/printed/verification/verify_document.ts) against the backend's key table as it is now — every key each
 * terminal has had, with when it was in use and whether it was revoked (a rotation or a new terminal is seen at
 * once, and a proof signed before a rotation still checks) — then the backend's register of proofs (revocations, and what it recorded when the
 * proof was issued). The QR also carries the full name and birth date: nothing of those leaves this function; a
 * verdict carries only the masked facts the backend registered.
 */

export type ProofCheckBackend = Pick<Backend, 'keyTable' | 'verifyProof'>;

/** `not-a-proof`: the QR is not a Balcão proof (another code, or unreadable); `unavailable`: no backend answer. */
export type ProofCheckFailure = 'not-a-proof' | 'unavailable';

export async function checkPrintedProof(
  qrText: string,
  deps: { backend: ProofCheckBackend; now: number },
): Promise<Result<ProofVerdict, ProofCheckFailure>> {
  const table = await deps.backend.keyTable({});
  if (!table.ok) return err('unavailable');
  const verified = verifyDocument(qrText, signingKeyHistoryOf(table.value, 'document-signing'));
  if (!verified.ok) {
    const failure = verified.error;
    switch (failure.code) {
      case 'malformed':
      case 'unsupported-version':
      case 'code-not-found':
        return err('not-a-proof');
      case 'unknown-key':
        return ok({ verdict: 'unknown-key', terminalId: failure.terminalId });
      case 'invalid-public-key':
      case 'bad-signature':
        return ok({ verdict: 'forged' });
      case 'key-revoked':
        return ok({
          verdict: 'key-revoked',
          terminalId: failure.terminalId,
          keyRevokedAt: failure.revokedAt,
        });
      case 'outside-key-validity':
        return ok({
          verdict: 'outside-key-validity',
          terminalId: failure.terminalId,
          issuedAt: failure.issuedAt,
        });
      default: {
        const unreachable: never = failure;
        return unreachable;
      }
    }
  }
  const { payload, verificationCode, terminalId } = verified.value;
  const record = await deps.backend.verifyProof({ verificationCode });
  if (!record.ok) return err('unavailable');
  const registered = record.value;
  switch (registered.status) {
    // Every proof is registered before it prints (proof_issue.ts): one the backend never heard of was not issued
    // by a kiosk's flow, whatever key signed it.
    case 'unknown':
      return ok({ verdict: 'forged' });
    case 'revoked':
      if (!sameIssue(registered, terminalId, payload.issuedAt))
        return ok({ verdict: 'altered', verificationCode });
      return ok({
        verdict: 'revoked',
        verificationCode,
        terminalId,
        issuedAt: registered.issuedAt,
        revokedAt: registered.revokedAt,
      });
    case 'genuine': {
      const { facts } = registered;
      const agrees =
        sameIssue(registered, terminalId, payload.issuedAt) &&
        facts.documentType === payload.documentType &&
        facts.documentNumberMasked === payload.documentNumberMasked;
      if (!agrees) return ok({ verdict: 'altered', verificationCode });
      const issue = { verificationCode, terminalId, issuedAt: registered.issuedAt, facts };
      if (payload.dateOfExpiry < macauDate(deps.now))
        return ok({ verdict: 'expired', ...issue, documentExpiredOn: payload.dateOfExpiry });
      return ok({ verdict: 'genuine', ...issue });
    }
    default: {
      const unreachable: never = registered;
      return unreachable;
    }
  }
}

/** The register names the terminal and the second of issue the signed QR names. */
export function sameIssue(
  registered: { terminalId: string; issuedAt: string },
  terminalId: string,
  issuedAt: number,
) {
  return (
    registered.terminalId === terminalId && Math.floor(Date.parse(registered.issuedAt) / 1000) === issuedAt
  );
}
