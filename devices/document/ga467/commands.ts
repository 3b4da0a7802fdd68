/**
 * The GA 467 commands a kiosk uses (protocols.md §7.2) and the layout of the read responses (§7.4):
 *   30 01 data: textLen(2, BE) photoLen(2, BE) text photo                 (256 + 1024 on every card seen)
 *   30 10 data: textLen(2, BE) photoLen(2, BE) fpLen(2, BE) text photo fp
 * The photo is the proprietary "WLT" compressed image; it stays opaque here (decoding needs a licensed library).
 */

import { err, ok, type Result } from '../../../lib/result.js';
import { encodeCommandFrame } from './frame.js';

export const ga467Commands = {
  resetSam: { command: 0x10, parameter: 0xff },
  samStatus: { command: 0x11, parameter: 0xff },
  samId: { command: 0x12, parameter: 0xff },
  findCard: { command: 0x20, parameter: 0x01 },
  selectCard: { command: 0x20, parameter: 0x02 },
  readTextAndPhoto: { command: 0x30, parameter: 0x01 },
  readTextPhotoAndFingerprint: { command: 0x30, parameter: 0x10 },
  /** [!] 30 03 per libsamv.h and softs.im; one SDK says 30 02. */
  readAppendedAddress: { command: 0x30, parameter: 0x03 },
} as const;

export type Ga467CommandName = keyof typeof ga467Commands;

export function commandFrame(name: Ga467CommandName): Uint8Array {
  const encoded = encodeCommandFrame({ ...ga467Commands[name], data: new Uint8Array(0) });
  // Two bytes of body can never exceed the 16-bit length: a failure here is a bug, not a device fault.
  if (!encoded.ok) throw new Error(`GA 467 command ${name} could not be framed`);
  return encoded.value;
}

export interface CardRead {
  text: Uint8Array;
  /** WLT-compressed photo, opaque. */
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

export type ReadLayoutError = { code: 'malformed-read'; detail: string };

export function parseReadData(data: Uint8Array, withFingerprint: boolean): Result<CardRead, ReadLayoutError> {
  const headerSize = withFingerprint ? 6 : 4;
  if (data.length < headerSize) {
    return err({ code: 'malformed-read', detail: `${data.length} bytes, no length header` });
  }
  const textLength = (data[0]! << 8) | data[1]!;
  const photoLength = (data[2]! << 8) | data[3]!;
  const fingerprintLength = withFingerprint ? (data[4]! << 8) | data[5]! : 0;
  const expected = headerSize + textLength + photoLength + fingerprintLength;
  if (data.length !== expected) {
    return err({ code: 'malformed-read', detail: `lengths say ${expected} bytes, got ${data.length}` });
  }
  const text = data.slice(headerSize, headerSize + textLength);
  const photo = data.slice(headerSize + textLength, headerSize + textLength + photoLength);
  if (!withFingerprint) return ok({ text, photo });
  return ok({ text, photo, fingerprint: data.slice(headerSize + textLength + photoLength) });
}

export function encodeReadData(read: CardRead, withFingerprint: boolean): Uint8Array {
  const fingerprint = read.fingerprint ?? new Uint8Array(0);
  const lengths = withFingerprint
    ? [read.text.length, read.photo.length, fingerprint.length]
    : [read.text.length, read.photo.length];
  const header = lengths.flatMap((length) => [length >> 8, length & 0xff]);
  return Uint8Array.from([...header, ...read.text, ...read.photo, ...(withFingerprint ? fingerprint : [])]);
}
