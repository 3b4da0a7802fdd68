import { createHash, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * PINs, authorisations and references of the embedded backend. PINs are kept only as scrypt hashes (a six-digit
 * PIN is weak whatever the hash: the lock-out is the real defence, the hash keeps a copied file from handing the
 * PINs out directly). Authorisation tokens are stored as SHA-256 digests, so the file cannot be used to act for a
 * resident either.
 */

// N = 2^14, r = 8: the usual interactive cost (~16 MiB, a few tens of milliseconds per check).
const scryptOptions = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, scryptOptions);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, scryptOptions);
  return timingSafeEqual(actual, expected);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Crockford base 32: no I, L, O or U, so a typed reference is never misread. */
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomCrockford(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += crockford[randomInt(crockford.length)];
  return out;
}

export function randomDigits(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(randomInt(10));
  return out;
}
