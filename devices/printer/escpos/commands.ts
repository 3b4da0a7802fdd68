/**
 * ESC/POS command bytes (protocols.md §5). Pure functions; arguments are validated by the ticket encoder, so an
 * out-of-range value here is a programming error and throws a RangeError.
 */
import { concatBytes } from '../../../lib/bytes.js';
import type { MonoBitmap } from '../printer.js';

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

function checkByte(value: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer in ${min}..${max}, got ${value}`);
  }
  return value;
}

/** ESC @: clear the print buffer and reset modes (the receive buffer is kept). */
export function initialize(): Uint8Array {
  return Uint8Array.of(ESC, 0x40);
}

/** ESC t n: select the character code table. */
export function selectCharacterTable(n: number): Uint8Array {
  return Uint8Array.of(ESC, 0x74, checkByte(n, 0, 255, 'code table'));
}

export type Alignment = 'left' | 'center' | 'right';

/** ESC a n: justification, n = 0 left, 1 centre, 2 right. */
export function align(alignment: Alignment): Uint8Array {
  switch (alignment) {
    case 'left':
      return Uint8Array.of(ESC, 0x61, 0);
    case 'center':
      return Uint8Array.of(ESC, 0x61, 1);
    case 'right':
      return Uint8Array.of(ESC, 0x61, 2);
    default: {
      const unreachable: never = alignment;
      return unreachable;
    }
  }
}

/** ESC E n: emphasised (bold) on or off. */
export function emphasis(on: boolean): Uint8Array {
  return Uint8Array.of(ESC, 0x45, on ? 1 : 0);
}

/** GS ! n: character width and height multipliers 1–8 (high nibble width − 1, low nibble height − 1). */
export function characterSize(width: number, height: number): Uint8Array {
  const w = checkByte(width, 1, 8, 'width multiplier') - 1;
  const h = checkByte(height, 1, 8, 'height multiplier') - 1;
  return Uint8Array.of(GS, 0x21, (w << 4) | h);
}

/** ESC d n: print the buffer and feed n lines. */
export function feedLines(lines: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, checkByte(lines, 0, 255, 'feed lines'));
}

export type CutKind = 'full' | 'partial';

/**
 * GS V m n with m = 65 (full) / 66 (partial): feed to the cutter position plus n vertical units, then cut, so
 * the last printed line is not left under the cutter.
 */
export function feedAndCut(kind: CutKind, extraFeed = 0): Uint8Array {
  return Uint8Array.of(GS, 0x56, kind === 'full' ? 65 : 66, checkByte(extraFeed, 0, 255, 'cut feed'));
}

/** DLE EOT n (n = 1..4): real-time status request, answered at once with one byte. */
export function realtimeStatusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, checkByte(n, 1, 4, 'status function'));
}

/**
 * GS ( H fn 48: process ID response. The printer sends `37 22 d1 d2 d3 d4 00` once everything before it has
 * been processed, and, for print data, once printing is complete (Epson ESC/POS reference, TM-T88IV and later).
 */
export function processIdRequest(id: string): Uint8Array {
  if (id.length !== 4 || !/^[\x20-\x7e]{4}$/.test(id))
    throw new RangeError('process ID is 4 printable ASCII chars');
  return Uint8Array.of(GS, 0x28, 0x48, 6, 0, 0x30, 0x30, ...Array.from(id, (c) => c.charCodeAt(0)));
}

/**
 * GS r 1: transmit the paper sensor status. Not a real-time command: the printer answers when it reaches it in
 * the receive buffer, i.e. once everything before it has been processed. Used as the end-of-job marker on
 * printers without GS ( H (TM-T88III, Bixolon SRP-350, TM-U220).
 */
export function transmitPaperStatusRequest(): Uint8Array {
  return Uint8Array.of(GS, 0x72, 1);
}

/** Bytes per raster row of a bitmap. */
export function rowBytes(bitmap: MonoBitmap): number {
  return Math.ceil(bitmap.width / 8);
}

/**
 * GS v 0 raster bit image, split into bands of at most `bandRows` rows: printers have a limited image buffer,
 * and a band is also the unit the print head advances by. x is in bytes, y in dots (rows).
 */
export function rasterImage(bitmap: MonoBitmap, bandRows: number): Uint8Array[] {
  const xBytes = rowBytes(bitmap);
  checkByte(xBytes, 1, 0xffff, 'raster width in bytes');
  checkByte(bandRows, 1, 0xffff, 'band rows');
  if (bitmap.data.length !== xBytes * bitmap.height) {
    throw new RangeError(`bitmap data is ${bitmap.data.length} bytes, expected ${xBytes * bitmap.height}`);
  }
  const bands: Uint8Array[] = [];
  for (let top = 0; top < bitmap.height; top += bandRows) {
    const rows = Math.min(bandRows, bitmap.height - top);
    const header = Uint8Array.of(GS, 0x76, 0x30, 0, xBytes & 0xff, xBytes >> 8, rows & 0xff, rows >> 8);
    bands.push(concatBytes(header, bitmap.data.subarray(top * xBytes, (top + rows) * xBytes)));
  }
  return bands;
}

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
const qrErrorByte: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** Maximum QR payload in one GS ( k Fn 180 store: (pL + pH·256) ≤ 7092, minus the 3 bytes cn fn m. */
export const QR_MAX_STORE_BYTES = 7092 - 3;

function gsParenK(body: readonly number[] | Uint8Array): Uint8Array {
  const length = body.length;
  return concatBytes(Uint8Array.of(GS, 0x28, 0x6b, length & 0xff, length >> 8), Uint8Array.from(body));
}

/** GS ( k, cn = 49: select model 2, module size, error level, store the data, print the symbol. */
export function qrCode(data: Uint8Array, moduleSize: number, errorLevel: QrErrorLevel): Uint8Array {
  checkByte(moduleSize, 1, 16, 'QR module size');
  if (data.length < 1 || data.length > QR_MAX_STORE_BYTES)
    throw new RangeError('QR data length out of range');
  return concatBytes(
    gsParenK([0x31, 0x41, 50, 0]),
    gsParenK([0x31, 0x43, moduleSize]),
    gsParenK([0x31, 0x45, qrErrorByte[errorLevel]]),
    gsParenK(concatBytes(Uint8Array.of(0x31, 0x50, 0x30), data)),
    gsParenK([0x31, 0x51, 0x30]),
  );
}
