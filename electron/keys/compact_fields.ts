/**
 * The compact binary payload of signed codes: a version byte, then fields in a fixed order — unsigned 32-bit
 * big-endian integers and length-prefixed UTF-8 strings (one length byte, so at most 255 bytes). A QR stays
 * small, and decoding is strict: truncation, trailing bytes and invalid UTF-8 are all `malformed`.
 */
import { err, ok, type Result } from '../../lib/result.js';

export type FieldKind = 'u32' | 'text';
export type FieldLayout = Readonly<Record<string, FieldKind>>;
export type FieldValues<L extends FieldLayout> = { [K in keyof L]: L[K] extends 'u32' ? number : string };

export type CompactDecodeError =
  | { code: 'malformed'; detail: string }
  | { code: 'unsupported-version'; version: number };

const encoder = new TextEncoder();

export function encodeCompact<L extends FieldLayout>(
  version: number,
  layout: L,
  values: FieldValues<L>,
): Uint8Array {
  const out: number[] = [version];
  for (const [name, kind] of Object.entries(layout)) {
    const value = values[name as keyof L];
    if (kind === 'u32') {
      const n = value as number;
      if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`${name} is not a u32`);
      out.push((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    } else {
      const bytes = encoder.encode(value as string);
      if (bytes.length > 255) throw new RangeError(`${name} is longer than 255 bytes`);
      out.push(bytes.length, ...bytes);
    }
  }
  return Uint8Array.from(out);
}

export function decodeCompact<L extends FieldLayout>(
  version: number,
  layout: L,
  bytes: Uint8Array,
): Result<FieldValues<L>, CompactDecodeError> {
  if (bytes.length < 1) return err({ code: 'malformed', detail: 'empty payload' });
  if (bytes[0] !== version) return err({ code: 'unsupported-version', version: bytes[0] ?? 0 });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const values: Record<string, number | string> = {};
  let offset = 1;
  for (const [name, kind] of Object.entries(layout)) {
    if (kind === 'u32') {
      if (offset + 4 > bytes.length) return err({ code: 'malformed', detail: `field ${name} truncated` });
      values[name] =
        (((bytes[offset] ?? 0) << 24) >>> 0) +
        ((bytes[offset + 1] ?? 0) << 16) +
        ((bytes[offset + 2] ?? 0) << 8) +
        (bytes[offset + 3] ?? 0);
      offset += 4;
    } else {
      const length = bytes[offset];
      if (length === undefined || offset + 1 + length > bytes.length)
        return err({ code: 'malformed', detail: `field ${name} truncated` });
      try {
        values[name] = decoder.decode(bytes.subarray(offset + 1, offset + 1 + length));
      } catch {
        return err({ code: 'malformed', detail: `field ${name} is not UTF-8` });
      }
      offset += 1 + length;
    }
  }
  if (offset !== bytes.length) return err({ code: 'malformed', detail: 'trailing bytes' });
  return ok(values as FieldValues<L>);
}
