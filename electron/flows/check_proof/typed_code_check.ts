import { err, ok, type Result } from '../../../lib/result.js';
import { signingKeyHistoryOf } from '../../backend/contract/keys.js';
import { keyPeriodAt } from '../../keys/key_history.js';
import type { ProofVerdict } from '../../rpc/flows/check_proof_contract.js';
import type { ProofCheckBackend } from './proof_check.js';

/**
 * The verdict on a verification code typed from a proof whose QR cannot be scanned. There is no signature to check,
 * so the backend's register decides: the proof it registered under that code (every proof is registered before it
 * prints), whether it was revoked, and whether the key its terminal was using when it was issued has been revoked
 * since (then nothing that key signed is trusted). The verdict carries the same masked facts as a scan's; the
 * person checking compares them with the paper. The document's own expiry is printed on the paper, not kept in the
 * register, so a typed code cannot say `expired`.
 */

/** `not-found`: no proof has this code (mistyped, or made up); `unavailable`: no backend answer. */
export type TypedCodeFailure = 'not-found' | 'unavailable';

export async function checkTypedProofCode(
  verificationCode: string,
  deps: { backend: ProofCheckBackend },
): Promise<Result<ProofVerdict, TypedCodeFailure>> {
  const record = await deps.backend.verifyProof({ verificationCode });
  if (!record.ok) return err('unavailable');
  const registered = record.value;
  switch (registered.status) {
    case 'unknown':
      return err('not-found');
    case 'revoked':
      return ok({
        verdict: 'revoked',
        verificationCode,
        terminalId: registered.terminalId,
        issuedAt: registered.issuedAt,
        revokedAt: registered.revokedAt,
      });
    case 'genuine': {
      const table = await deps.backend.keyTable({});
      if (!table.ok) return err('unavailable');
      const { terminalId, issuedAt, facts } = registered;
      const history = signingKeyHistoryOf(table.value, 'document-signing');
      const used = keyPeriodAt(history, terminalId, Date.parse(issuedAt));
      if (used === undefined) return ok({ verdict: 'unknown-key', terminalId });
      if (used.revokedAt !== null)
        return ok({
          verdict: 'key-revoked',
          terminalId,
          keyRevokedAt: new Date(used.revokedAt).toISOString(),
        });
      return ok({ verdict: 'genuine', verificationCode, terminalId, issuedAt, facts });
    }
    default: {
      const unreachable: never = registered;
      return unreachable;
    }
  }
}
