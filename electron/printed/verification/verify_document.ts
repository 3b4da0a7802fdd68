/**
 * Checks a proof-of-identity certificate from its QR text (or its short code, through a lookup of issued
 * certificates) against the configured terminal public keys. Every way to fail is a typed value.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type { PublicKeyTable } from '../../keys/key_table.js';
import { checkEnvelopeSignature, openEnvelope } from '../../keys/signed_envelope.js';
import { normaliseVerificationCode, QR_PREFIX, verificationCodeFor } from './document_signing.js';
import { decodePayload, type IdentityPayload } from './identity_payload.js';

/** Terminal id → Ed25519 public key (the one key-table format, electron/keys/key_table.ts). */
export type { PublicKeyTable };

export type VerifyError =
  | { code: 'malformed'; detail: string }
  | { code: 'unsupported-version'; version: number }
  | { code: 'unknown-key'; terminalId: string }
  | { code: 'invalid-public-key'; terminalId: string }
  | { code: 'bad-signature'; terminalId: string }
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

function verifyQrText(qrText: string, publicKeys: PublicKeyTable): VerifyResult {
  const opened = openEnvelope(qrText, QR_PREFIX);
  if (!opened.ok) return err({ code: 'malformed', detail: 'not a verification QR' });
  const payload = decodePayload(opened.value.body);
  if (!payload.ok) return payload;
  const { terminalId } = payload.value;
  const signature = checkEnvelopeSignature(opened.value, terminalId, publicKeys);
  if (!signature.ok) {
    const code = signature.error.code;
    if (code === 'malformed') return err(signature.error);
    return err({ code, terminalId });
  }
  return ok({
    terminalId,
    verificationCode: verificationCodeFor(opened.value.signed),
    payload: payload.value,
  });
}

export function verifyDocument(
  codeOrQrText: string,
  publicKeys: PublicKeyTable,
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
 * unknown terminal, unknown code), 2 unreadable input.
 */
export function verifyDocumentCommand(
  input: string,
  publicKeys: PublicKeyTable,
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
