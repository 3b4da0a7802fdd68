/**
 * GA 467 (SAM_V) frames, both directions (protocols.md §7.1):
 *   host → SAM: AA AA AA 96 69 | Len1 Len2 (BE) | CMD | Para | Data… | CHK     Len = 2 + |Data| + 1
 *   SAM → host: AA AA AA 96 69 | Len1 Len2 (BE) | SW1 SW2 SW3 | Data… | CHK  Len = 3 + |Data| + 1
 * CHK = XOR of every byte after the preamble and before CHK (Len1, Len2, CMD/SW…, Data): `00^03^20^01 = 22`.
 * Public snippets send `… 00 03 20 01 21` — a wrong checksum — so the checksum is always computed, never copied.
 */

import { err, ok, type Result } from '../../../lib/result.js';
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Preamble + 2 length bytes: what must arrive before the rest of the frame's size is known. */
export const FRAME_HEADER_SIZE = 7;
/** Len is 16 bits; the largest real frame (30 10, text + photo + fingerprint) is well under this. */
export const MAX_BODY_LENGTH = 0xffff;

export interface CommandFrame {
  command: number;
  parameter: number;
  data: Uint8Array;
}

export interface ResponseFrame {
  sw1: number;
  sw2: number;
  /** The SAM's own status (see `status_codes.ts`). */
  sw3: number;
  data: Uint8Array;
}

export type Ga467FrameError =
  | { code: 'bad-preamble' }
  | { code: 'truncated'; expected: number; actual: number }
  | { code: 'trailing-bytes'; expected: number; actual: number }
  | { code: 'length-too-small'; length: number; minimum: number }
  | { code: 'bad-checksum'; expected: number; actual: number }
  | { code: 'too-long'; length: number };

export type FrameResult<T> = Result<T, Ga467FrameError>;

export function xorChecksum(bytes: Uint8Array): number {
  let check = 0;
  for (const byte of bytes) check ^= byte;
  return check;
}

function build(body: Uint8Array): FrameResult<Uint8Array> {
  const length = body.length + 1;
  if (length > MAX_BODY_LENGTH) return err({ code: 'too-long', length });
  const out = new Uint8Array(FRAME_HEADER_SIZE + length);
  out.set(PREAMBLE);
  out[5] = length >> 8;
  out[6] = length & 0xff;
  out.set(body, FRAME_HEADER_SIZE);
  out[out.length - 1] = xorChecksum(out.subarray(5, out.length - 1));
  return ok(out);
}

export function encodeCommandFrame(frame: CommandFrame): FrameResult<Uint8Array> {
  return build(Uint8Array.from([frame.command & 0xff, frame.parameter & 0xff, ...frame.data]));
}

export function encodeResponseFrame(frame: ResponseFrame): FrameResult<Uint8Array> {
  const body = new Uint8Array(3 + frame.data.length);
  body.set([frame.sw1 & 0xff, frame.sw2 & 0xff, frame.sw3 & 0xff]);
  body.set(frame.data, 3);
  return build(body);
}

/** Total frame length once the 7-byte header is in, or an error if the preamble is wrong. */
export function expectedFrameLength(header: Uint8Array): FrameResult<number> {
  for (let index = 0; index < PREAMBLE.length && index < header.length; index++) {
    if (header[index] !== PREAMBLE[index]) return err({ code: 'bad-preamble' });
  }
  if (header.length < FRAME_HEADER_SIZE) {
    return err({ code: 'truncated', expected: FRAME_HEADER_SIZE, actual: header.length });
  }
  return ok(FRAME_HEADER_SIZE + ((header[5]! << 8) | header[6]!));
}

/** Checks preamble, length and checksum; returns the bytes between Len and CHK. */
function openFrame(bytes: Uint8Array, minimumLength: number): FrameResult<Uint8Array> {
  const expected = expectedFrameLength(bytes);
  if (!expected.ok) return expected;
  const length = expected.value - FRAME_HEADER_SIZE;
  if (length < minimumLength) return err({ code: 'length-too-small', length, minimum: minimumLength });
  if (bytes.length < expected.value) {
    return err({ code: 'truncated', expected: expected.value, actual: bytes.length });
  }
  if (bytes.length > expected.value) {
    return err({ code: 'trailing-bytes', expected: expected.value, actual: bytes.length });
  }
  const check = xorChecksum(bytes.subarray(5, bytes.length - 1));
  const actual = bytes[bytes.length - 1]!;
  if (check !== actual) return err({ code: 'bad-checksum', expected: check, actual });
  return ok(bytes.slice(FRAME_HEADER_SIZE, bytes.length - 1));
}

export function decodeCommandFrame(bytes: Uint8Array): FrameResult<CommandFrame> {
  const body = openFrame(bytes, 3);
  if (!body.ok) return body;
  const [command, parameter] = body.value;
  return ok({ command: command!, parameter: parameter!, data: body.value.slice(2) });
}

export function decodeResponseFrame(bytes: Uint8Array): FrameResult<ResponseFrame> {
  const body = openFrame(bytes, 4);
  if (!body.ok) return body;
  const [sw1, sw2, sw3] = body.value;
  return ok({ sw1: sw1!, sw2: sw2!, sw3: sw3!, data: body.value.slice(3) });
}
