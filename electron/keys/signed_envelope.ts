/**
 * The signed envelope shared by printed proofs of identity, Smart Locker pickup codes and staff badges: a short
 * text prefix naming the kind and format (`BV1:`, `BL1:`, `BS1:`), then base45 (RFC 9285, QR alphanumeric mode)
 * of the payload bytes followed by their 64-byte Ed25519 signature. The payload names its signer, so a verifier
 * picks the public key from its key table before checking the signature; nothing in the payload is trusted until
 * that check passes.
 */
import { type KeyObject, sign, verify } from 'node:crypto';
import { concatBytes } from '../../lib/bytes.js';
import { err, ok, type Result } from '../../lib/result.js';
import { decodeBase45, encodeBase45 } from '../printed/verification/base45.js';
import { type PublicKeyTable, publicKeyFrom, tableEntry } from './key_table.js';

export const SIGNATURE_BYTES = 64;

export interface OpenedEnvelope {
  /** The signed payload bytes (not yet verified). */
  body: Uint8Array;
  signature: Uint8Array;
  /** Payload and signature together: what a short code or a fingerprint is computed from. */
  signed: Uint8Array;
}

export type EnvelopeError =
  | { code: 'malformed'; detail: string }
  | { code: 'unknown-key'; signerId: string }
  | { code: 'invalid-public-key'; signerId: string }
  | { code: 'bad-signature'; signerId: string };

export interface SealedEnvelope {
  text: string;
  /** Payload and signature together, as `OpenedEnvelope.signed`. */
  signed: Uint8Array;
}

export function sealEnvelope(prefix: string, body: Uint8Array, privateKey: KeyObject): SealedEnvelope {
  const signed = concatBytes(body, new Uint8Array(sign(null, body, privateKey)));
  return { text: prefix + encodeBase45(signed), signed };
}

/** Splits an envelope into payload and signature; checks only its shape. */
export function openEnvelope(text: string, prefix: string): Result<OpenedEnvelope, EnvelopeError> {
  if (!text.startsWith(prefix)) return err({ code: 'malformed', detail: `not a ${prefix} code` });
  const decoded = decodeBase45(text.slice(prefix.length));
  if (!decoded.ok) return decoded;
  const signed = decoded.value;
  if (signed.length <= SIGNATURE_BYTES) return err({ code: 'malformed', detail: 'too short' });
  return ok({
    body: signed.subarray(0, signed.length - SIGNATURE_BYTES),
    signature: signed.subarray(signed.length - SIGNATURE_BYTES),
    signed,
  });
}

/** Checks the signature with the key the table holds for `signerId` (named by the payload). */
export function checkEnvelopeSignature(
  envelope: OpenedEnvelope,
  signerId: string,
  table: PublicKeyTable,
): Result<void, EnvelopeError> {
  const encoded = tableEntry(table, signerId);
  if (encoded === undefined) return err({ code: 'unknown-key', signerId });
  const key = publicKeyFrom(encoded);
  if (key === undefined) return err({ code: 'invalid-public-key', signerId });
  if (!verify(null, envelope.body, key, envelope.signature)) return err({ code: 'bad-signature', signerId });
  return ok();
}
