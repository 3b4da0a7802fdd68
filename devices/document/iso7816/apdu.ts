/**
 * ISO/IEC 7816-4 §5.1 command and response APDUs. The four cases, short and extended length:
 *   case 1  CLA INS P1 P2
 *   case 2  … Le                  (short: 1 byte, 00 = 256; extended: 00 Le1 Le2, 0000 = 65536)
 *   case 3  … Lc data             (short: Lc 1–255; extended: 00 Lc1 Lc2, 1–65535)
 *   case 4  … Lc data Le          (extended: Le is 2 bytes after the data)
 * `ne` is the number of response bytes expected (Ne), 1–65536, or undefined when no data is expected.
 */

import { err, ok, type Result } from '../../../lib/result.js';
export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data: Uint8Array;
  ne?: number | undefined;
}

export interface ResponseApdu {
  data: Uint8Array;
  sw1: number;
  sw2: number;
  /** SW1 << 8 | SW2. */
  sw: number;
}

export type ApduCodecError =
  | { code: 'too-short'; length: number }
  | { code: 'length-mismatch'; length: number; detail: string }
  | { code: 'data-too-long'; length: number; max: number }
  | { code: 'ne-out-of-range'; ne: number }
  | { code: 'extended-length-unsupported'; dataLength: number; ne: number | undefined }
  | { code: 'header-byte-out-of-range'; field: 'cla' | 'ins' | 'p1' | 'p2'; value: number };

export type ApduResult<T> = Result<T, ApduCodecError>;

export const MAX_SHORT_DATA = 255;
export const MAX_SHORT_NE = 256;
export const MAX_EXTENDED_DATA = 65_535;
export const MAX_EXTENDED_NE = 65_536;

export interface EncodeOptions {
  /** Whether the card and reader accept extended length; when false, long commands must be chained by the caller. */
  extendedLength: boolean;
}

export function encodeCommandApdu(apdu: CommandApdu, options: EncodeOptions): ApduResult<Uint8Array> {
  for (const field of ['cla', 'ins', 'p1', 'p2'] as const) {
    const value = apdu[field];
    if (!Number.isInteger(value) || value < 0 || value > 0xff) {
      return err({ code: 'header-byte-out-of-range', field, value });
    }
  }
  const { data, ne } = apdu;
  if (data.length > MAX_EXTENDED_DATA) {
    return err({ code: 'data-too-long', length: data.length, max: MAX_EXTENDED_DATA });
  }
  if (ne !== undefined && (!Number.isInteger(ne) || ne < 1 || ne > MAX_EXTENDED_NE)) {
    return err({ code: 'ne-out-of-range', ne });
  }
  const header = [apdu.cla, apdu.ins, apdu.p1, apdu.p2];
  const extended = data.length > MAX_SHORT_DATA || (ne !== undefined && ne > MAX_SHORT_NE);
  if (extended && !options.extendedLength) {
    return err({ code: 'extended-length-unsupported', dataLength: data.length, ne });
  }
  const bytes: number[] = [...header];
  if (!extended) {
    if (data.length > 0) bytes.push(data.length, ...data);
    if (ne !== undefined) bytes.push(ne === MAX_SHORT_NE ? 0 : ne);
    return ok(Uint8Array.from(bytes));
  }
  // Extended: one 00 marker byte, then 2-byte Lc and/or Le.
  bytes.push(0);
  if (data.length > 0) bytes.push(data.length >> 8, data.length & 0xff, ...data);
  if (ne !== undefined) {
    const le = ne === MAX_EXTENDED_NE ? 0 : ne;
    bytes.push(le >> 8, le & 0xff);
  }
  return ok(Uint8Array.from(bytes));
}

/** Decodes per ISO/IEC 7816-3 §12.1.3: the length of the command tells the case. */
export function decodeCommandApdu(bytes: Uint8Array): ApduResult<CommandApdu> {
  if (bytes.length < 4) return err({ code: 'too-short', length: bytes.length });
  const header = { cla: bytes[0]!, ins: bytes[1]!, p1: bytes[2]!, p2: bytes[3]! };
  const body = bytes.subarray(4);
  const empty = new Uint8Array(0);
  if (body.length === 0) return ok({ ...header, data: empty });
  const b1 = body[0]!;
  if (body.length === 1) return ok({ ...header, data: empty, ne: b1 === 0 ? 256 : b1 });
  if (b1 !== 0) {
    const lc = b1;
    if (body.length === 1 + lc) return ok({ ...header, data: body.slice(1) });
    if (body.length === 2 + lc) {
      const le = body[1 + lc]!;
      return ok({ ...header, data: body.slice(1, 1 + lc), ne: le === 0 ? 256 : le });
    }
    return err({
      code: 'length-mismatch',
      length: bytes.length,
      detail: `short Lc ${lc} vs ${body.length - 1} bytes`,
    });
  }
  // b1 = 00 and more bytes follow: extended length.
  if (body.length === 3) {
    const le = (body[1]! << 8) | body[2]!;
    return ok({ ...header, data: empty, ne: le === 0 ? MAX_EXTENDED_NE : le });
  }
  const lc = (body[1]! << 8) | body[2]!;
  if (lc === 0 || body.length < 3 + lc) {
    return err({ code: 'length-mismatch', length: bytes.length, detail: `extended Lc ${lc}` });
  }
  if (body.length === 3 + lc) return ok({ ...header, data: body.slice(3, 3 + lc) });
  if (body.length === 5 + lc) {
    const le = (body[3 + lc]! << 8) | body[4 + lc]!;
    return ok({ ...header, data: body.slice(3, 3 + lc), ne: le === 0 ? MAX_EXTENDED_NE : le });
  }
  return err({ code: 'length-mismatch', length: bytes.length, detail: `extended Lc ${lc}` });
}

export function decodeResponseApdu(bytes: Uint8Array): ApduResult<ResponseApdu> {
  if (bytes.length < 2) return err({ code: 'too-short', length: bytes.length });
  const sw1 = bytes[bytes.length - 2]!;
  const sw2 = bytes[bytes.length - 1]!;
  return ok({ data: bytes.slice(0, -2), sw1, sw2, sw: (sw1 << 8) | sw2 });
}

export function encodeResponseApdu(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = (sw >> 8) & 0xff;
  out[data.length + 1] = sw & 0xff;
  return out;
}
