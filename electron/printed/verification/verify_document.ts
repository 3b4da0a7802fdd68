/**
 * Checks a proof-of-identity certificate from its QR text (or its short code, through a lookup of issued
 * certificates) against the terminals' keys: the one verification of a printed proof, used by the check-proof
 * flow (with the backend's key table) and by `balcao verify-document` (with a key file). The keys are either a plain
 * table (one key per terminal) or each terminal's key history (electron/keys/key_history.ts): the signature must be
 * by the key the terminal was using at the second the proof says it was issued, and by a key not revoked. Every way
 * to fail is a typed value.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import { checkSignatureInHistory, keyHistoryOf, type SignerKeys } from '../../keys/key_history.js';
import type { PublicKeyTable } from '../../keys/key_table.js';
import { openEnvelope } from '../../keys/signed_envelope.js';
import { normaliseVerificationCode, QR_PREFIX, verificationCodeFor } from './document_signing.js';
import { decodePayload, type IdentityPayload } from './identity_payload.js';

/** Terminal id → Ed25519 public key (the one key-table format, electron/keys/key_table.ts), or → its keys over time. */
export type { PublicKeyTable, SignerKeys };

export type VerifyError =
  | { code: 'malformed'; detail: string }
  | { code: 'unsupported-version'; version: number }
  | { code: 'unknown-key'; terminalId: string }
  | { code: 'invalid-public-key'; terminalId: string }
  | { code: 'bad-signature'; terminalId: string }
  /** The key that signed it was declared compromised: nothing it signed is trusted. */
  | { code: 'key-revoked'; terminalId: string; revokedAt: string }
  /** The key that signed it was not the terminal's key at the time the proof claims (ISO 8601 times). */
  | {
      code: 'outside-key-validity';
      terminalId: string;
      issuedAt: string;
      keyValidFrom: string | null;
      keyValidTo: string | null;
    }
  | { code: 'code-not-found'; verificationCode: string };

export interface VerifiedDocument {
  terminalId: string;
  verificationCode: string;
  payload: IdentityPayload;
}

export type VerifyResult = Result<VerifiedDocument, VerifyError>;

export interface VerifyOptions {
  /** Finds the QR text of an issued certificate by its verification code (backend or journal). */
  lookupCode?: (verificationCode: string) => string | undefined;
}

const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function verifyQrText(qrText: string, keys: SignerKeys): VerifyResult {
  const opened = openEnvelope(qrText, QR_PREFIX);
  if (!opened.ok) return err({ code: 'malformed', detail: 'not a verification QR' });
  const payload = decodePayload(opened.value.body);
  if (!payload.ok) return payload;
  const { terminalId, issuedAt } = payload.value;
  const signature = checkSignatureInHistory(opened.value, terminalId, issuedAt * 1000, keyHistoryOf(keys));
  if (!signature.ok) {
    const failure = signature.error;
    switch (failure.code) {
      case 'unknown-key':
      case 'invalid-public-key':
      case 'bad-signature':
        return err({ code: failure.code, terminalId });
      case 'key-revoked':
        return err({ code: 'key-revoked', terminalId, revokedAt: new Date(failure.revokedAt).toISOString() });
      case 'outside-key-validity':
        return err({
          code: 'outside-key-validity',
          terminalId,
          issuedAt: new Date(failure.signedAt).toISOString(),
          keyValidFrom: isoOf(failure.validFrom),
          keyValidTo: isoOf(failure.validTo),
        });
      default: {
        const unreachable: never = failure;
        return unreachable;
      }
    }
  }
  return ok({
    terminalId,
    verificationCode: verificationCodeFor(opened.value.signed),
    payload: payload.value,
  });
}

export function verifyDocument(
  codeOrQrText: string,
  publicKeys: SignerKeys,
  options: VerifyOptions = {},
): VerifyResult {
  const input = codeOrQrText.trim();
  if (input.startsWith(QR_PREFIX)) return verifyQrText(input, publicKeys);
  const code = normaliseVerificationCode(input);
  if (code === undefined)
    return err({ code: 'malformed', detail: 'neither QR text nor a verification code' });
  const qrText = options.lookupCode?.(code);
  if (qrText === undefined) return err({ code: 'code-not-found', verificationCode: code });
  const result = verifyQrText(qrText, publicKeys);
  // The stored certificate must be the one the code names, or the lookup itself was tampered with.
  if (result.ok && result.value.verificationCode !== code) {
    return err({ code: 'bad-signature', terminalId: result.value.terminalId });
  }
  return result;
}

/**
 * `balcao verify-document <code-or-qr-text>`: JSON on stdout. Exit 0 genuine, 1 not genuine (bad signature,
 * unknown terminal, revoked key, a key not in use at the claimed issue time, unknown code), 2 unreadable input.
 */
export function verifyDocumentCommand(
  input: string,
  publicKeys: SignerKeys,
  options: VerifyOptions = {},
): { json: string; exitCode: number } {
  const result = verifyDocument(input, publicKeys, options);
  if (result.ok) {
    const { payload } = result.value;
    return {
      json: JSON.stringify({
        valid: true,
        terminalId: result.value.terminalId,
        verificationCode: result.value.verificationCode,
        issuedAt: new Date(payload.issuedAt * 1000).toISOString(),
        document: payload,
      }),
      exitCode: 0,
    };
  }
  const unreadable = result.error.code === 'malformed' || result.error.code === 'unsupported-version';
  return { json: JSON.stringify({ valid: false, error: result.error }), exitCode: unreadable ? 2 : 1 };
}
