/**
 * Checks a proof-of-identity certificate from its QR text (or its short code, through a lookup of issued
 * certificates) against the configured terminal public keys. Every way to fail is a typed value.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { decodeBase45 } from './base45.js';
import {
  normaliseVerificationCode,
  QR_PREFIX,
  SIGNATURE_BYTES,
  verificationCodeFor,
} from './document_signing.js';
import { decodePayload, type IdentityPayload } from './identity_payload.js';

/** Terminal id → Ed25519 public key: raw 32 bytes in base64, or an SPKI PEM. */
export type PublicKeyTable = Record<string, string>;

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

export type VerifyResult = { ok: true; value: VerifiedDocument } | { ok: false; error: VerifyError };

export interface VerifyOptions {
  /** Finds the QR text of an issued certificate by its verification code (backend or journal). */
  lookupCode?: (verificationCode: string) => string | undefined;
}

function publicKeyFrom(encoded: string): KeyObject | undefined {
  try {
    if (encoded.includes('BEGIN PUBLIC KEY')) return createPublicKey(encoded);
    const raw = Buffer.from(encoded, 'base64');
    if (raw.length !== 32) return undefined;
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
  } catch {
    return undefined;
  }
}

function verifyQrText(qrText: string, publicKeys: PublicKeyTable): VerifyResult {
  const decoded = decodeBase45(qrText.slice(QR_PREFIX.length));
  if (!decoded.ok) return decoded;
  const signed = decoded.value;
  if (signed.length <= SIGNATURE_BYTES)
    return { ok: false, error: { code: 'malformed', detail: 'too short' } };
  const body = signed.subarray(0, signed.length - SIGNATURE_BYTES);
  const signature = signed.subarray(signed.length - SIGNATURE_BYTES);
  const payload = decodePayload(body);
  if (!payload.ok) return payload;
  const { terminalId } = payload.value;
  const encodedKey = Object.hasOwn(publicKeys, terminalId) ? publicKeys[terminalId] : undefined;
  if (encodedKey === undefined) return { ok: false, error: { code: 'unknown-key', terminalId } };
  const key = publicKeyFrom(encodedKey);
  if (key === undefined) return { ok: false, error: { code: 'invalid-public-key', terminalId } };
  if (!verify(null, body, key, signature)) return { ok: false, error: { code: 'bad-signature', terminalId } };
  return {
    ok: true,
    value: { terminalId, verificationCode: verificationCodeFor(signed), payload: payload.value },
  };
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
    return { ok: false, error: { code: 'malformed', detail: 'neither QR text nor a verification code' } };
  const qrText = options.lookupCode?.(code);
  if (qrText === undefined) return { ok: false, error: { code: 'code-not-found', verificationCode: code } };
  const result = verifyQrText(qrText, publicKeys);
  // The stored certificate must be the one the code names, or the lookup itself was tampered with.
  if (result.ok && result.value.verificationCode !== code) {
    return { ok: false, error: { code: 'bad-signature', terminalId: result.value.terminalId } };
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
