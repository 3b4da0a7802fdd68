import { z } from 'zod';
import { issuerKinds } from '../../keys/issuer_key_file.js';
import type { PublicKeyTable } from '../../keys/key_table.js';
import { IdempotencyKeySchema, TimestampSchema } from './common.js';

/**
 * The public-key table that the backend and every kiosk share (DESIGN.md, "Keys and signed codes"): the Ed25519
 * keys that sign printed proofs of identity (one per terminal), Smart Locker pickup codes and staff badges (one
 * per issuer). A kiosk checking a proof printed elsewhere, a locker station checking a code, or a kiosk checking a
 * badge reads the table from here, and turns the part it needs into the one key-table format of electron/keys/
 * with `publicKeyTableOf`. Private keys never leave the terminal or the issuer.
 */

/** What a key signs: a terminal's printed documents, or one of the issuers' codes (electron/keys/). */
export const KeyPurposeSchema = z.enum(['document-signing', ...issuerKinds]).meta({ id: 'KeyPurpose' });
export type KeyPurpose = z.infer<typeof KeyPurposeSchema>;

/** A raw 32-byte Ed25519 public key, base64 (what `balcao new-signing-key` prints). */
export const Ed25519PublicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'a 32-byte Ed25519 public key in base64')
  .meta({ id: 'Ed25519PublicKey' });

/** A terminal id for document signing, an issuer id for locker codes and staff badges. */
export const KeyIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,32}$/)
  .meta({ id: 'KeyId' });

export const PublicKeyEntrySchema = z
  .strictObject({
    keyId: KeyIdSchema,
    purpose: KeyPurposeSchema,
    publicKey: Ed25519PublicKeySchema,
    registeredAt: TimestampSchema,
  })
  .meta({ id: 'PublicKeyEntry' });

export const KeyTableSchema = z
  .strictObject({ keys: z.array(PublicKeyEntrySchema) })
  .meta({ id: 'KeyTable' });
export type KeyTable = z.infer<typeof KeyTableSchema>;

/** The verifiers' table (signer id → public key) of the keys for one purpose. */
export function publicKeyTableOf(table: KeyTable, purpose: KeyPurpose): PublicKeyTable {
  const out: PublicKeyTable = {};
  for (const entry of table.keys) if (entry.purpose === purpose) out[entry.keyId] = entry.publicKey;
  return out;
}

/** A terminal (or an issuer) announces its key; a new key for the same id and purpose replaces the old one. */
export const RegisterPublicKeyRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  keyId: KeyIdSchema,
  purpose: KeyPurposeSchema,
  publicKey: Ed25519PublicKeySchema,
});
