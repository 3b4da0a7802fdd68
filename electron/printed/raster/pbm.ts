/**
 * Binary PBM (P4, netpbm) as pdftoppm -mono writes it. The pixel layout is already the printer's: rows top to
 * bottom, MSB first, 1 = black — so parsing is checking the header and slicing.
 */
import type { MonoBitmap } from '../../../devices/printer/index.js';
import { err, ok, type Result } from '../../../lib/result.js';

export type PbmError = { code: 'malformed-pbm'; detail: string };
export type PbmResult = Result<MonoBitmap, PbmError>;

/** Larger than any ticket a kiosk prints (a 2 m receipt at 203 dpi is ~16 000 rows). */
const MAX_DIMENSION = 65_535;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

export function parsePbm(bytes: Uint8Array): PbmResult {
  const fail = (detail: string): PbmResult => err({ code: 'malformed-pbm', detail });
  if (bytes.length < 2 || bytes[0] !== 0x50 || bytes[1] !== 0x34) return fail('not a P4 file');
  let pos = 2;
  const numbers: number[] = [];
  while (numbers.length < 2) {
    const start = pos;
    // Whitespace and comments (from '#' to end of line) may separate header fields.
    while (pos < bytes.length) {
      const byte = bytes[pos] ?? 0;
      if (isSpace(byte)) pos++;
      else if (byte === 0x23) while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
      else break;
    }
    if (pos === start) return fail('missing separator');
    let value = 0;
    const digitsStart = pos;
    while (pos < bytes.length && (bytes[pos] ?? 0) >= 0x30 && (bytes[pos] ?? 0) <= 0x39) {
      value = value * 10 + ((bytes[pos] ?? 0) - 0x30);
      if (value > MAX_DIMENSION) return fail('dimension too large');
      pos++;
    }
    if (pos === digitsStart) return fail('missing dimension');
    numbers.push(value);
  }
  // Exactly one whitespace byte separates the header from the raster.
  if (pos >= bytes.length || !isSpace(bytes[pos] ?? 0)) return fail('missing raster separator');
  pos++;
  const [width = 0, height = 0] = numbers;
  if (width === 0 || height === 0) return fail('empty image');
  const rowBytes = Math.ceil(width / 8);
  const size = rowBytes * height;
  if (bytes.length - pos < size) return fail('truncated raster');
  return ok({ width, height, data: bytes.slice(pos, pos + size) });
}

/** Crops or pads every row to `width` dots (the print head's), left-aligned. */
export function fitWidth(bitmap: MonoBitmap, width: number): MonoBitmap {
  if (bitmap.width === width) return bitmap;
  const fromRow = Math.ceil(bitmap.width / 8);
  const toRow = Math.ceil(width / 8);
  const data = new Uint8Array(toRow * bitmap.height);
  const copy = Math.min(fromRow, toRow);
  for (let row = 0; row < bitmap.height; row++) {
    data.set(bitmap.data.subarray(row * fromRow, row * fromRow + copy), row * toRow);
  }
  // Clear bits past the new right edge in the last byte of each row.
  const spare = toRow * 8 - width;
  if (spare > 0) {
    const keep = (0xff << spare) & 0xff;
    for (let row = 0; row < bitmap.height; row++) {
      const index = row * toRow + toRow - 1;
      data[index] = (data[index] ?? 0) & keep;
    }
  }
  return { width, height: bitmap.height, data };
}
