import { z } from 'zod';
import { IdempotencyKeySchema, TimestampSchema } from './common.js';

/**
 * The public-key table that the backend and every kiosk share (DESIGN.md, "Keys and signed codes"): the Ed25519
 * keys that sign printed proofs of identity (one per terminal) and Smart Locker pickup codes (one per issuer).
 * A kiosk checking a proof printed elsewhere, or a locker station checking a code, reads the table from here.
 * Private keys never leave the terminal or the issuer.
 */

export const KeyPurposeSchema = z.enum(['document-signing', 'locker-code']).meta({ id: 'KeyPurpose' });

/** A raw 32-byte Ed25519 public key, base64 (what `balcao new-signing-key` prints). */
export const Ed25519PublicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'a 32-byte Ed25519 public key in base64')
  .meta({ id: 'Ed25519PublicKey' });

/** A terminal id for document signing, an issuer id for locker codes. */
export const KeyIdSchema = z
  .string()
  .regex(/^[A-Z0-9-]{3,32}$/)
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

/** A terminal (or an issuer) announces its key; a new key for the same id and purpose replaces the old one. */
export const RegisterPublicKeyRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  keyId: KeyIdSchema,
  purpose: KeyPurposeSchema,
  publicKey: Ed25519PublicKeySchema,
});
