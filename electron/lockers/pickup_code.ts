/**
 * Smart Locker ("Easy Pickup", 智取易) pickup codes. The backend issues one per locker application when the item
 * is in its compartment; the resident shows it as a QR from Macao One Account, or types its digits.
 *
 * - The QR text is a signed envelope (`BL1:` + base45 of payload and Ed25519 signature; electron/keys/) whose
 *   payload names the issuer, the application, the locker station, the compartment and an expiry. A station
 *   verifies it offline against its key table: signature, expiry, station.
 * - The digits (12: 11 derived from a SHA-256 of the signed bytes, then a Damm check digit) are what a person
 *   types. They carry no signature, so they only *name* a code: the backend maps them to the same record, and
 *   typed attempts are rate-limited by the station.
 * Whether a code was already used, or is known at all, only the backend can say (`used`, `unknown`).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';
import { dammCheckDigit, hasValidDammCheckDigit } from '../keys/check_digit.js';
import { decodeCompact, encodeCompact } from '../keys/compact_fields.js';
import type { IssuerKey } from '../keys/issuer_key_file.js';
import type { PublicKeyTable } from '../keys/key_table.js';
import { checkEnvelopeSignature, openEnvelope, sealEnvelope } from '../keys/signed_envelope.js';

export const PICKUP_CODE_PREFIX = 'BL1:';
const VERSION = 1;
const layout = {
  issuer: 'text',
  applicationId: 'text',
  station: 'text',
  compartment: 'text',
  expiresAt: 'u32',
} as const;

const IdSchema = z.string().regex(/^[A-Za-z0-9-]{1,40}$/);
export const PickupClaimsSchema = z.object({
  issuer: IdSchema,
  applicationId: IdSchema,
  /** The locker station (a terminal id) whose doors hold the item. */
  station: IdSchema,
  /** The door, as the station's configuration names it (e.g. `A1`). */
  compartment: z.string().regex(/^[A-Za-z0-9]{1,8}$/),
  /** Seconds since the epoch. */
  expiresAt: z.number().int().min(0).max(0xffffffff),
});
export type PickupClaims = z.infer<typeof PickupClaimsSchema>;

export interface IssuedPickupCode {
  /** The QR text. */
  code: string;
  /** 12 digits for typing. */
  digits: string;
}

export const pickupRefusalReasons = [
  'forged',
  'expired',
  'wrong-station',
  'used',
  'unknown',
  'malformed',
] as const;
export type PickupRefusalReason = (typeof pickupRefusalReasons)[number];

export interface PickupRefusal {
  reason: PickupRefusalReason;
  /** For staff and the audit log, never shown to the resident as is. */
  detail: string;
}

export function pickupDigitsFor(signed: Uint8Array): string {
  const digest = createHash('sha256').update(signed).digest();
  let n = 0n;
  for (let i = 0; i < 8; i++) n = (n << 8n) | BigInt(digest[i] ?? 0);
  const body = (n % 10n ** 11n).toString().padStart(11, '0');
  return body + dammCheckDigit(body);
}

/** Digits as a person may type them (spaces, dashes) → the canonical 12 digits, or undefined. */
export function normalisePickupDigits(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{12}$/.test(digits) && hasValidDammCheckDigit(digits) ? digits : undefined;
}

export function issuePickupCode(claims: Omit<PickupClaims, 'issuer'>, key: IssuerKey): IssuedPickupCode {
  if (key.kind !== 'locker-pickup') throw new Error('not a locker pickup issuing key');
  const full = PickupClaimsSchema.parse({ ...claims, issuer: key.issuer });
  const sealed = sealEnvelope(PICKUP_CODE_PREFIX, encodeCompact(VERSION, layout, full), key.privateKey);
  return { code: sealed.text, digits: pickupDigitsFor(sealed.signed) };
}

export interface VerifyPickupOptions {
  station: string;
  keys: PublicKeyTable;
  /** Seconds since the epoch. */
  now: number;
}

export interface VerifiedPickupCode {
  claims: PickupClaims;
  digits: string;
}

/**
 * What a station can check without the backend: the code's shape, its signature against the issuer's key, its
 * expiry and its station. A valid result still needs the backend's "known, not yet used" before a door opens.
 */
export function verifyPickupCode(
  text: string,
  options: VerifyPickupOptions,
): Result<VerifiedPickupCode, PickupRefusal> {
  const opened = openEnvelope(text.trim(), PICKUP_CODE_PREFIX);
  if (!opened.ok) return err({ reason: 'malformed', detail: 'not a pickup code' });
  const decoded = decodeCompact(VERSION, layout, opened.value.body);
  if (!decoded.ok) return err({ reason: 'malformed', detail: decoded.error.code });
  const claims = PickupClaimsSchema.safeParse(decoded.value);
  if (!claims.success) return err({ reason: 'malformed', detail: 'field values' });
  const signature = checkEnvelopeSignature(opened.value, claims.data.issuer, options.keys);
  // An unknown issuer is a forgery as far as this station can tell: nobody it trusts signed the code.
  if (!signature.ok) return err({ reason: 'forged', detail: signature.error.code });
  if (claims.data.expiresAt <= options.now) return err({ reason: 'expired', detail: 'past its expiry' });
  if (claims.data.station !== options.station)
    return err({ reason: 'wrong-station', detail: 'issued for another locker station' });
  return ok({ claims: claims.data, digits: pickupDigitsFor(opened.value.signed) });
}
