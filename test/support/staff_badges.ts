import { generateIssuerKey, type IssuerKey, readIssuerKey } from '../../electron/keys/issuer_key_file.js';
import { publicKeyEntry } from '../../electron/keys/key_table.js';
import { issueStaffBadge, type StaffRole } from '../../electron/staff/staff_badge.js';

/**
 * Staff badges for tests: a staff office's issuing key (made for the run, or the committed development key the
 * e2e configuration trusts), the key table a configuration lists, and badges as the staff office prints them —
 * plus the three a kiosk must refuse: tampered, expired, and signed by a key it does not know.
 */
export interface StaffBadgeOffice {
  key: IssuerKey;
  /** `staff.badgeKeys` for a configuration that trusts this office. */
  badgeKeys: Record<string, string>;
  badge(staffId: string, options?: { name?: string; roles?: StaffRole[]; expiresAt?: number }): string;
}

const inADay = () => Math.floor(Date.now() / 1000) + 86_400;

export function staffBadgeOffice(
  key: IssuerKey = generateIssuerKey('staff-badge', 'test-staff-office'),
): StaffBadgeOffice {
  return {
    key,
    badgeKeys: { [key.issuer]: publicKeyEntry(key.privateKey) },
    badge: (staffId, options = {}) =>
      issueStaffBadge(
        {
          staffId,
          name: options.name ?? 'CHAN Siu Ming 陳小明',
          roles: options.roles ?? ['technician'],
          expiresAt: options.expiresAt ?? inADay(),
        },
        key,
      ),
  };
}

/** The development staff office (config/dev): its public key is in the development and e2e configurations. */
export function developmentStaffOffice(): StaffBadgeOffice {
  const key = readIssuerKey('config/dev/dev-staff-badge.key.json', 'staff-badge');
  if (!key.ok) throw new Error(`config/dev/dev-staff-badge.key.json: ${key.error.code}`);
  return staffBadgeOffice(key.value);
}

/** A badge whose signed bytes were changed after signing (one base45 character swapped). */
export function tampered(badge: string): string {
  const at = badge.length - 20;
  return `${badge.slice(0, at)}${badge[at] === 'A' ? 'B' : 'A'}${badge.slice(at + 1)}`;
}

/** A badge from a staff office the kiosk does not know. */
export function unknownKeyBadge(staffId: string): string {
  return staffBadgeOffice(generateIssuerKey('staff-badge', 'rogue-office')).badge(staffId);
}
