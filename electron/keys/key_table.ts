/**
 * The one key-table format every verifier in Balcão reads: a JSON object from a signer's id (a terminal id for
 * printed proofs, an issuer id for Smart Locker pickup codes and staff badges) to its Ed25519 public key, as the
 * raw 32 bytes in base64 or an SPKI PEM. The backend and every kiosk share the same tables; a private key never
 * appears in one.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';

export const PublicKeyTableSchema = z.record(z.string().min(1).max(64), z.string().min(1));
/** Signer id → Ed25519 public key (base64 of the raw 32 bytes, or an SPKI PEM). */
export type PublicKeyTable = z.infer<typeof PublicKeyTableSchema>;

export type KeyTableError = { code: 'cannot-read'; file: string; detail: string };

/** The one line a person reads when a key table cannot be used. */
export function keyTableErrorMessage(error: KeyTableError): string {
  return `cannot read keys from ${error.file}: ${error.detail}`;
}

function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object whose values are not all text';
  return `a ${typeof value}`;
}

/** An Ed25519 public key from a table entry, or undefined when the entry is not one. */
export function publicKeyFrom(encoded: string): KeyObject | undefined {
  try {
    if (encoded.includes('BEGIN PUBLIC KEY')) {
      const key = createPublicKey(encoded);
      return key.asymmetricKeyType === 'ed25519' ? key : undefined;
    }
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

/** The raw 32-byte public key of a private key, base64: the value of its signer's entry in a key table. */
export function publicKeyEntry(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** The entry for `signerId`, never one inherited from Object.prototype. */
export function tableEntry(table: PublicKeyTable, signerId: string): string | undefined {
  return Object.hasOwn(table, signerId) ? table[signerId] : undefined;
}

/**
 * Reads and checks a key-table file. A file that cannot be read, is not JSON, or is JSON of another shape (`null`,
 * an array, a number, values that are not text) is `cannot-read` with a reason — never an exception, never a
 * table that half works.
 */
export function readKeyTable(file: string): Result<PublicKeyTable, KeyTableError> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return err({ code: 'cannot-read', file, detail: (error as Error).message });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ code: 'cannot-read', file, detail: 'not JSON' });
  }
  const parsed = PublicKeyTableSchema.safeParse(json);
  if (!parsed.success)
    return err({
      code: 'cannot-read',
      file,
      detail: `expected a JSON object of signer id → public key, got ${shapeOf(json)}`,
    });
  return ok(parsed.data);
}
