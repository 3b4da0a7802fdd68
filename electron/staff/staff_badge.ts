/**
 * Staff badges: a QR a field engineer presents to the kiosk's scanner to start a staff sign-in (a PIN follows,
 * checked by the backend). The QR text is a signed envelope (`BS1:`, electron/keys/) carrying the issuer, the staff
 * id, the name shown on the staff screen, the roles and an expiry; the kiosk checks it against the staff-badge
 * key table in its configuration. A badge alone never grants anything: it names who is signing in.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';
import { decodeCompact, encodeCompact } from '../keys/compact_fields.js';
import type { IssuerKey } from '../keys/issuer_key_file.js';
import type { PublicKeyTable } from '../keys/key_table.js';
import { checkEnvelopeSignature, openEnvelope, sealEnvelope } from '../keys/signed_envelope.js';

export const STAFF_BADGE_PREFIX = 'BS1:';
const VERSION = 1;
const layout = { issuer: 'text', staffId: 'text', name: 'text', roles: 'text', expiresAt: 'u32' } as const;

export const staffRoles = ['technician', 'supervisor'] as const;
export const StaffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const StaffBadgeSchema = z.object({
  issuer: z.string().regex(/^[A-Za-z0-9-]{1,32}$/),
  staffId: z.string().regex(/^[A-Za-z0-9-]{1,16}$/),
  name: z.string().min(1).max(60),
  roles: z.array(StaffRoleSchema).min(1),
  /** Seconds since the epoch. */
  expiresAt: z.number().int().min(0).max(0xffffffff),
});
export type StaffBadge = z.infer<typeof StaffBadgeSchema>;

export type BadgeRefusal =
  | { reason: 'malformed'; detail: string }
  | { reason: 'forged'; detail: string }
  | { reason: 'expired' };

export function issueStaffBadge(badge: Omit<StaffBadge, 'issuer'>, key: IssuerKey): string {
  if (key.kind !== 'staff-badge') throw new Error('not a staff-badge issuing key');
  const full = StaffBadgeSchema.parse({ ...badge, issuer: key.issuer });
  const body = encodeCompact(VERSION, layout, { ...full, roles: full.roles.join(',') });
  return sealEnvelope(STAFF_BADGE_PREFIX, body, key.privateKey).text;
}

export function isStaffBadgeText(text: string): boolean {
  return text.trim().startsWith(STAFF_BADGE_PREFIX);
}

/** `now` in seconds since the epoch. */
export function verifyStaffBadge(
  text: string,
  keys: PublicKeyTable,
  now: number,
): Result<StaffBadge, BadgeRefusal> {
  const opened = openEnvelope(text.trim(), STAFF_BADGE_PREFIX);
  if (!opened.ok) return err({ reason: 'malformed', detail: 'not a staff badge' });
  const decoded = decodeCompact(VERSION, layout, opened.value.body);
  if (!decoded.ok) return err({ reason: 'malformed', detail: decoded.error.code });
  const badge = StaffBadgeSchema.safeParse({ ...decoded.value, roles: decoded.value.roles.split(',') });
  if (!badge.success) return err({ reason: 'malformed', detail: 'field values' });
  const signature = checkEnvelopeSignature(opened.value, badge.data.issuer, keys);
  if (!signature.ok) return err({ reason: 'forged', detail: signature.error.code });
  if (badge.data.expiresAt <= now) return err({ reason: 'expired' });
  return ok(badge.data);
}
