import { z } from 'zod';
import { issuerKinds } from '../../keys/issuer_key_file.js';
import type { KeyPeriod, SigningKeyHistory } from '../../keys/key_history.js';
import type { PublicKeyTable } from '../../keys/key_table.js';
import { IdempotencyKeySchema, StaffIdSchema, TimestampSchema } from './common.js';

/**
 * The public-key table that the backend and every kiosk share (DESIGN.md, "Keys and signed codes"): the Ed25519
 * keys that sign printed proofs of identity (one per terminal), Smart Locker pickup codes and staff badges (one
 * per issuer). A kiosk checking a proof printed elsewhere, a locker station checking a code, or a kiosk checking a
 * badge reads the table from here, and turns the part it needs into the one key-table format of electron/keys/
 * with `publicKeyTableOf`. Private keys never leave the terminal or the issuer.
 *
 * The table keeps every key an id has had, each with the period it was in use (`validFrom` → `validTo`, the next
 * key's `validFrom`), so a proof printed before a rotation still checks against the key that signed it
 * (`signingKeyHistoryOf`, electron/keys/key_history.ts), and a key declared compromised (`revokedAt`) is refused for
 * everything it ever signed.
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
    /** From when the signer signs with this key (the terminal says: when it first used it). */
    validFrom: TimestampSchema,
    /** When the id's next key took over; null while this is its key. */
    validTo: TimestampSchema.nullable(),
    /** When the key was declared compromised: nothing it signed is trusted. */
    revokedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'PublicKeyEntry' });
export type PublicKeyEntry = z.infer<typeof PublicKeyEntrySchema>;

export const KeyTableSchema = z
  .strictObject({ keys: z.array(PublicKeyEntrySchema) })
  .meta({ id: 'KeyTable' });
export type KeyTable = z.infer<typeof KeyTableSchema>;

/** The verifiers' table (signer id → public key) of the keys in use now for one purpose (none revoked). */
export function publicKeyTableOf(table: KeyTable, purpose: KeyPurpose): PublicKeyTable {
  const out: PublicKeyTable = {};
  for (const entry of table.keys)
    if (entry.purpose === purpose && entry.validTo === null && entry.revokedAt === null)
      out[entry.keyId] = entry.publicKey;
  return out;
}

const msOf = (timestamp: string | null) => (timestamp === null ? null : Date.parse(timestamp));

/** Every key each signer has had for one purpose, with its period: what a printed proof is checked against. */
export function signingKeyHistoryOf(table: KeyTable, purpose: KeyPurpose): SigningKeyHistory {
  const out: Record<string, KeyPeriod[]> = {};
  for (const entry of table.keys) {
    if (entry.purpose !== purpose) continue;
    const periods = Object.hasOwn(out, entry.keyId) ? (out[entry.keyId] ?? []) : [];
    periods.push({
      publicKey: entry.publicKey,
      validFrom: Date.parse(entry.validFrom),
      validTo: msOf(entry.validTo),
      revokedAt: msOf(entry.revokedAt),
    });
    out[entry.keyId] = periods;
  }
  return out;
}

/**
 * A terminal (or an issuer) announces its key. A new key for the same id and purpose takes over from `validFrom`
 * (default: when the backend receives it): the key before it stays in the table, valid until then. The terminal
 * sends when it first signed with the key, so a proof it printed while the registration waited for the backend is
 * still covered. The same key announced again (a retry, a restart) changes nothing; a revoked key is refused.
 */
export const RegisterPublicKeyRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  keyId: KeyIdSchema,
  purpose: KeyPurposeSchema,
  publicKey: Ed25519PublicKeySchema,
  validFrom: TimestampSchema.optional(),
});

/** Why staff revoke a key: it (or the terminal holding it) may be in someone else's hands. */
export const KeyRevocationReasonSchema = z
  .enum(['compromised', 'terminal-lost', 'terminal-decommissioned'])
  .meta({ id: 'KeyRevocationReason' });

/** Staff declare a key compromised: every period of it is refused from now on, whatever it signed. */
export const RevokePublicKeyRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  keyId: KeyIdSchema,
  purpose: KeyPurposeSchema,
  publicKey: Ed25519PublicKeySchema,
  staffId: StaffIdSchema,
  reason: KeyRevocationReasonSchema,
});
export const PublicKeyRevokedSchema = z
  .strictObject({ keyId: KeyIdSchema, publicKey: Ed25519PublicKeySchema, revokedAt: TimestampSchema })
  .meta({ id: 'PublicKeyRevoked' });
