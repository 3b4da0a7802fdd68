import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIssuerKey } from '../keys/issuer_key_file.js';
import { publicKeyEntry } from '../keys/key_table.js';
import { decodeBase45, encodeBase45 } from '../printed/verification/base45.js';
import {
  issuePickupCode,
  normalisePickupDigits,
  PICKUP_CODE_PREFIX,
  pickupRefusalReasons,
  verifyPickupCode,
} from './pickup_code.js';

const issuer = generateIssuerKey('locker-pickup', 'easy-pickup');
const attacker = generateIssuerKey('locker-pickup', 'easy-pickup');
const keys = { 'easy-pickup': publicKeyEntry(issuer.privateKey) };
const now = 1_780_000_000;
const claims = {
  applicationId: 'LA-2026-000123',
  station: 'MO-CP-L1',
  compartment: 'A1',
  expiresAt: now + 3600,
};
const options = { station: 'MO-CP-L1', keys, now };

const reason = (text: string, opts = options) => {
  const result = verifyPickupCode(text, opts);
  return result.ok ? 'valid' : result.error.reason;
};

describe('Smart Locker pickup codes', () => {
  it('a code issued for this station verifies, and names its application and door', () => {
    const issued = issuePickupCode(claims, issuer);
    expect(issued.code.startsWith(PICKUP_CODE_PREFIX)).toBe(true);
    expect(issued.digits).toMatch(/^\d{12}$/);
    const result = verifyPickupCode(issued.code, options);
    expect(result).toEqual({
      ok: true,
      value: { claims: { ...claims, issuer: 'easy-pickup' }, digits: issued.digits },
    });
  });

  it('refuses a code signed by a key the station does not trust, even under the right issuer id', () => {
    expect(reason(issuePickupCode(claims, attacker).code)).toBe('forged');
    const stranger = generateIssuerKey('locker-pickup', 'someone-else');
    expect(reason(issuePickupCode(claims, stranger).code)).toBe('forged');
  });

  it('refuses an altered code: another door in a genuine envelope', () => {
    const { code } = issuePickupCode(claims, issuer);
    const signed = decodeBase45(code.slice(PICKUP_CODE_PREFIX.length));
    if (!signed.ok) throw new Error('issued code must decode');
    const bytes = Uint8Array.from(signed.value);
    const at = new TextDecoder().decode(bytes).indexOf('A1');
    bytes[at + 1] = '2'.charCodeAt(0);
    expect(reason(PICKUP_CODE_PREFIX + encodeBase45(bytes))).toBe('forged');
  });

  it('refuses expired and wrong-station codes, expiry at the exact second included', () => {
    const { code } = issuePickupCode(claims, issuer);
    expect(reason(code, { ...options, now: claims.expiresAt })).toBe('expired');
    expect(reason(code, { ...options, station: 'MO-TL-L1' })).toBe('wrong-station');
  });

  it('refuses whatever is not a pickup code as malformed, and never throws', () => {
    for (const text of ['', 'BL1:', 'BL1:%%%', 'BV1:ABC', 'hello', `${PICKUP_CODE_PREFIX}${'0'.repeat(300)}`])
      expect(reason(text)).toBe('malformed');
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(pickupRefusalReasons).toContain(reason(text));
      }),
    );
  });

  it('any change to a genuine code is refused', () => {
    const { code } = issuePickupCode(claims, issuer);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    fc.assert(
      fc.property(fc.nat(), fc.nat(44), (at, pick) => {
        const i = PICKUP_CODE_PREFIX.length + (at % (code.length - PICKUP_CODE_PREFIX.length));
        const c = alphabet[pick]!;
        fc.pre(c !== code[i]);
        expect(reason(code.slice(0, i) + c + code.slice(i + 1))).not.toBe('valid');
      }),
    );
  });

  it('digits accept spaces and dashes, and refuse a mistyped digit', () => {
    const { digits } = issuePickupCode(claims, issuer);
    const spaced = `${digits.slice(0, 4)} ${digits.slice(4, 8)}-${digits.slice(8)}`;
    expect(normalisePickupDigits(spaced)).toBe(digits);
    const typo = digits.slice(0, 5) + String((Number(digits[5]) + 1) % 10) + digits.slice(6);
    expect(normalisePickupDigits(typo)).toBeUndefined();
    expect(normalisePickupDigits('12345')).toBeUndefined();
  });

  it('refuses to issue with a staff-badge key or characters a code cannot carry', () => {
    expect(() => issuePickupCode(claims, generateIssuerKey('staff-badge', 'x'))).toThrow();
    expect(() => issuePickupCode({ ...claims, compartment: 'A 1' }, issuer)).toThrow();
  });
});
