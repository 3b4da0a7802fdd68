/**
 * Signing a proof-of-identity payload with the terminal's Ed25519 key (Node crypto), the QR text that carries
 * payload and signature, and the short verification code printed beside it for people who type rather than scan.
 */
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { publicKeyEntry } from '../../keys/key_table.js';
import { sealEnvelope } from '../../keys/signed_envelope.js';
import { encodePayload, type IdentityPayload } from './identity_payload.js';

/** QR text prefix: "Balcão verification, format 1". Alphanumeric-mode safe. */
export const QR_PREFIX = 'BV1:';

export interface TerminalSigningKey {
  terminalId: string;
  privateKey: KeyObject;
}

export interface SignedDocument {
  qrText: string;
  /** 12 Crockford base32 characters shown as XXXX-XXXX-XXXX. */
  verificationCode: string;
}

/** Crockford's alphabet: no I, L, O, U, so a code read aloud or typed is hard to get wrong. */
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 60 bits of SHA-256 over payload and signature: unique enough to look a certificate up, short to type. */
export function verificationCodeFor(signedBytes: Uint8Array): string {
  const digest = createHash('sha256').update(signedBytes).digest();
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(digest[i] ?? 0);
  bits >>= 4n;
  let code = '';
  for (let i = 0; i < 12; i++) {
    code = crockford[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Accepts codes typed with spaces, lower case, or the usual look-alikes (O→0, I/L→1). */
export function normaliseVerificationCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(cleaned)) return undefined;
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4, 8)}-${cleaned.slice(8)}`;
}

export function signIdentityPayload(payload: IdentityPayload, key: TerminalSigningKey): SignedDocument {
  if (payload.terminalId !== key.terminalId)
    throw new Error('payload names another terminal than the signing key');
  const sealed = sealEnvelope(QR_PREFIX, encodePayload(payload), key.privateKey);
  return { qrText: sealed.text, verificationCode: verificationCodeFor(sealed.signed) };
}

/** The raw 32-byte public key, base64: what `verifyDocument`'s key table holds per terminal. */
export const publicKeyBase64 = publicKeyEntry;

export function loadSigningKey(terminalId: string, pkcs8Pem: string): TerminalSigningKey {
  return { terminalId, privateKey: createPrivateKey(pkcs8Pem) };
}

/** A fresh key pair: for provisioning a terminal and for tests. */
export function generateSigningKey(terminalId: string): TerminalSigningKey {
  return { terminalId, privateKey: generateKeyPairSync('ed25519').privateKey };
}
