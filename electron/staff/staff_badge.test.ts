import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIssuerKey } from '../keys/issuer_key_file.js';
import { publicKeyEntry } from '../keys/key_table.js';
import { issueStaffBadge, STAFF_BADGE_PREFIX, verifyStaffBadge } from './staff_badge.js';

const office = generateIssuerKey('staff-badge', 'staff-office');
const keys = { 'staff-office': publicKeyEntry(office.privateKey) };
const now = 1_780_000_000;
const badge = {
  staffId: 'S0001',
  name: 'Wong Ka Man 黃嘉敏',
  roles: ['technician' as const],
  expiresAt: now + 86_400,
};

const outcome = (text: string, at = now) => {
  const result = verifyStaffBadge(text, keys, at);
  return result.ok ? 'valid' : result.error.reason;
};

describe('staff badges', () => {
  it('a badge from the staff office verifies with its id, name and roles', () => {
    const text = issueStaffBadge(badge, office);
    expect(text.startsWith(STAFF_BADGE_PREFIX)).toBe(true);
    expect(verifyStaffBadge(text, keys, now)).toEqual({
      ok: true,
      value: { ...badge, issuer: 'staff-office' },
    });
  });

  it('refuses a badge signed by an unknown key, a tampered badge and an expired one', () => {
    expect(outcome(issueStaffBadge(badge, generateIssuerKey('staff-badge', 'staff-office')))).toBe('forged');
    expect(outcome(issueStaffBadge(badge, generateIssuerKey('staff-badge', 'rogue')))).toBe('forged');
    expect(outcome(issueStaffBadge(badge, office), badge.expiresAt)).toBe('expired');
    const text = issueStaffBadge(badge, office);
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), (at, c) => {
        const i = STAFF_BADGE_PREFIX.length + (at % (text.length - STAFF_BADGE_PREFIX.length));
        fc.pre(c !== text[i]);
        expect(outcome(text.slice(0, i) + c + text.slice(i + 1))).not.toBe('valid');
      }),
    );
  });

  it('a pickup code or a printed proof is not a badge', () => {
    expect(outcome('BL1:ABCD')).toBe('malformed');
    expect(outcome('BV1:ABCD')).toBe('malformed');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(['malformed', 'forged']).toContain(outcome(s));
      }),
    );
  });

  it('anything behind the badge prefix is refused with a reason and never throws, up to a scanner-full 8 KB', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 400 })), (rest) => {
        expect(['malformed', 'forged']).toContain(outcome(`${STAFF_BADGE_PREFIX}${rest}`));
      }),
    );
    const text = issueStaffBadge(badge, office);
    expect(outcome(`${text}${'0'.repeat(8192 - text.length)}`)).not.toBe('valid');
    expect(outcome(`${STAFF_BADGE_PREFIX}${'A'.repeat(8192)}`)).toBe('malformed');
    expect(outcome(`${text}\u0000`)).not.toBe('valid');
  });
});
