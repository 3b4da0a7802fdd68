/**
 * What a barcode scanner driver emits: exactly one event per code the scanner read, either the decoded code
 * or a typed error when the reports that carried it were truncated or garbled. Never two events for one code.
 */

import type { Result } from '../../lib/result.js';

export const symbologies = [
  'qr',
  'code128',
  'gs1-128',
  'ean13',
  'ean8',
  'upc-ean',
  'code39',
  'code93',
  'codabar',
  'itf',
  'pdf417',
  'datamatrix',
  'gs1-datamatrix',
  'aztec',
  'maxicode',
  'gs1-databar',
  'unknown',
] as const;
export type Symbology = (typeof symbologies)[number];

export interface ScannedCode {
  symbology: Symbology;
  /** The data as text: UTF-8 when the bytes are valid UTF-8 (QR codes carry it), otherwise Latin-1. */
  text: string;
  /** The data bytes exactly as the scanner sent them (symbology identifier and suffix removed). */
  bytes: Uint8Array;
}

export type ScanErrorCode =
  /** The scanner stopped sending in the middle of a code (no continuation / no Enter before the gap). */
  | 'truncated'
  /** The device went away in the middle of a code. */
  | 'interrupted'
  /** Reports of one code did not fit together (symbology changed, a bad report in the middle). */
  | 'garbled'
  /** A report of the wrong size or shape. */
  | 'malformed-report'
  | 'unexpected-report-id'
  | 'missing-symbology-id'
  | 'length-out-of-range'
  | 'empty-code'
  | 'too-long'
  /** A keyboard-wedge key that is not part of a barcode (F-keys, Ctrl/Alt chords, Backspace …). */
  | 'unmapped-key';

export interface ScanError {
  code: ScanErrorCode;
  detail?: string;
}

export type ScanEvent = Result<ScannedCode, ScanError>;

/**
 * A stateful decoder of one scanner protocol. `push` takes one input report (byte 0 = report ID, as
 * `HidTransport` delivers it); `tick` lets a code that stopped arriving time out; `interrupt` is called when
 * the device disconnects. All three return the events they complete, and none throws on any input.
 */
export interface ScanDecoder {
  push(report: Uint8Array, nowMs: number): ScanEvent[];
  tick(nowMs: number): ScanEvent[];
  interrupt(): ScanEvent[];
  /** Whether a code is partly received (the driver ticks faster then). */
  readonly pending: boolean;
}

/** Decodes a code's bytes as the scanner meant them: UTF-8 if valid, else Latin-1 (one char per byte). */
export function textOfCode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return text;
  }
}
