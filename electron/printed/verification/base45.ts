/**
 * Base45 (RFC 9285): bytes as QR alphanumeric characters. A QR in alphanumeric mode stores 5.5 bits per
 * character, so base45 packs a signed payload into a smaller code than base64 in byte mode (the EU Digital
 * COVID Certificate uses it for the same reason).
 */
import { err, ok, type Result } from '../../../lib/result.js';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const values = new Map([...alphabet].map((c, i) => [c, i] as const));

export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0);
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += alphabet[c]! + alphabet[d]! + alphabet[e]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] ?? 0;
    out += alphabet[n % 45]! + alphabet[Math.floor(n / 45)]!;
  }
  return out;
}

export type Base45Result = Result<Uint8Array, { code: 'malformed'; detail: string }>;

export function decodeBase45(text: string): Base45Result {
  if (text.length % 3 === 1) return err({ code: 'malformed', detail: 'base45 length' });
  const digits: number[] = [];
  for (const c of text) {
    const v = values.get(c);
    if (v === undefined) return err({ code: 'malformed', detail: 'base45 character' });
    digits.push(v);
  }
  const out: number[] = [];
  for (let i = 0; i < digits.length; i += 3) {
    const c = digits[i] ?? 0;
    const d = digits[i + 1] ?? 0;
    if (i + 2 < digits.length) {
      const n = c + d * 45 + (digits[i + 2] ?? 0) * 2025;
      if (n > 0xffff) return err({ code: 'malformed', detail: 'base45 triplet out of range' });
      out.push(n >> 8, n & 0xff);
    } else {
      const n = c + d * 45;
      if (n > 0xff) return err({ code: 'malformed', detail: 'base45 pair out of range' });
      out.push(n);
    }
  }
  return ok(Uint8Array.from(out));
}
