/**
 * Frames of the CRT-5xx serial protocol (sources and the choices where they disagree: profiles/crt591.ts):
 *
 *   STX ADDR LENH LENL TEXT… ETX BCC        LEN = |TEXT| (big-endian), BCC = XOR of STX … ETX inclusive
 *   TEXT of a command          'C' CM PM data…
 *   TEXT of a positive answer  'P' CM PM st0 st1 st2 data…
 *   TEXT of a negative answer  'N' CM PM e1 e0 data…
 *
 * Pure functions, bytes in and typed values out: anything malformed is a `FrameError`, never an exception. The
 * framing bytes come from the profile, so another vendor's dispenser with the same frame shape decodes here too.
 */
import { err, ok, type Result } from '../../lib/result.js';
import type { DispenserProfile } from './profiles/dispenser_profile.js';

/** The three status characters of a positive answer, as sent (ASCII digits on a CRT-591). */
export interface StatusBytes {
  st0: number;
  st1: number;
  st2: number;
}

export type DispenserText =
  | { kind: 'command'; cm: number; pm: number; data: Uint8Array }
  | { kind: 'positive'; cm: number; pm: number; status: StatusBytes; data: Uint8Array }
  /** `error` is the two error characters e1 e0, e.g. "10" (jam) or "A0" (stacker empty). */
  | { kind: 'negative'; cm: number; pm: number; error: string; data: Uint8Array };

export interface DispenserFrame {
  /** The unit's bus address (DIP switches, 0–15 on a CRT-591). */
  address: number;
  text: DispenserText;
}

export type FrameError =
  | { code: 'bad-start'; byte: number }
  | { code: 'truncated'; expected: number; actual: number }
  | { code: 'trailing-bytes'; expected: number; actual: number }
  | { code: 'bad-length'; length: number }
  | { code: 'bad-end'; byte: number }
  | { code: 'bad-bcc'; expected: number; actual: number }
  | { code: 'unknown-head'; head: number }
  | { code: 'too-long'; length: number };

/** STX, ADDR, LENH, LENL: what must arrive before the frame's size is known. */
export const FRAME_HEADER_LENGTH = 4;
/** ETX and BCC after the text. */
const FRAME_TRAILER_LENGTH = 2;
/** Head, CM, PM: the shortest text (a command without data). */
const MIN_TEXT_LENGTH = 3;
/** Shortest answers: head, CM, PM and three status characters, or two error characters. */
const MIN_TEXT = { positive: 6, negative: 5 } as const;

/** XOR of `bytes[start, end)`. */
export function blockCheck(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let check = 0;
  for (let index = start; index < end; index++) check ^= bytes[index]!;
  return check;
}

function textBytes(text: DispenserText, profile: DispenserProfile): Uint8Array {
  switch (text.kind) {
    case 'command':
      return Uint8Array.of(profile.framing.commandHead, text.cm, text.pm, ...text.data);
    case 'positive': {
      const { st0, st1, st2 } = text.status;
      return Uint8Array.of(profile.framing.positiveHead, text.cm, text.pm, st0, st1, st2, ...text.data);
    }
    case 'negative': {
      const [e1 = 0x30, e0 = 0x30] = [...text.error].map((char) => char.charCodeAt(0) & 0xff);
      const head = profile.framing.negativeHeads[0]!;
      return Uint8Array.of(head, text.cm, text.pm, e1, e0, ...text.data);
    }
    default: {
      const unreachable: never = text;
      return unreachable;
    }
  }
}

export function encodeFrame(
  frame: DispenserFrame,
  profile: DispenserProfile,
): Result<Uint8Array, FrameError> {
  const text = textBytes(frame.text, profile);
  if (text.length > profile.framing.maxTextLength) return err({ code: 'too-long', length: text.length });
  const out = new Uint8Array(FRAME_HEADER_LENGTH + text.length + FRAME_TRAILER_LENGTH);
  out[0] = profile.framing.stx;
  out[1] = frame.address & 0xff;
  out[2] = text.length >> 8;
  out[3] = text.length & 0xff;
  out.set(text, FRAME_HEADER_LENGTH);
  out[out.length - 2] = profile.framing.etx;
  out[out.length - 1] = blockCheck(out, 0, out.length - 1);
  return ok(out);
}

/**
 * The whole frame's length once its 4-byte header is in, or why the header cannot start a frame. A length outside
 * the protocol's range is refused here, before a reader waits for bytes that will never come.
 */
export function frameLength(header: Uint8Array, profile: DispenserProfile): Result<number, FrameError> {
  if (header.length > 0 && header[0] !== profile.framing.stx)
    return err({ code: 'bad-start', byte: header[0]! });
  if (header.length < FRAME_HEADER_LENGTH)
    return err({ code: 'truncated', expected: FRAME_HEADER_LENGTH, actual: header.length });
  const length = (header[2]! << 8) | header[3]!;
  if (length < MIN_TEXT_LENGTH || length > profile.framing.maxTextLength)
    return err({ code: 'bad-length', length });
  return ok(FRAME_HEADER_LENGTH + length + FRAME_TRAILER_LENGTH);
}

function decodeText(text: Uint8Array, profile: DispenserProfile): Result<DispenserText, FrameError> {
  const [head = 0, cm = 0, pm = 0] = text;
  const { commandHead, positiveHead, negativeHeads } = profile.framing;
  if (head === commandHead) return ok({ kind: 'command', cm, pm, data: text.slice(3) });
  if (head === positiveHead) {
    if (text.length < MIN_TEXT.positive) return err({ code: 'bad-length', length: text.length });
    const status = { st0: text[3]!, st1: text[4]!, st2: text[5]! };
    return ok({ kind: 'positive', cm, pm, status, data: text.slice(6) });
  }
  if (negativeHeads.includes(head)) {
    if (text.length < MIN_TEXT.negative) return err({ code: 'bad-length', length: text.length });
    const error = String.fromCharCode(text[3]!, text[4]!);
    return ok({ kind: 'negative', cm, pm, error, data: text.slice(5) });
  }
  return err({ code: 'unknown-head', head });
}

/** Checks start, length, end and BCC of exactly one frame, then reads its text. */
export function decodeFrame(
  bytes: Uint8Array,
  profile: DispenserProfile,
): Result<DispenserFrame, FrameError> {
  const expected = frameLength(bytes, profile);
  if (!expected.ok) return expected;
  if (bytes.length < expected.value)
    return err({ code: 'truncated', expected: expected.value, actual: bytes.length });
  if (bytes.length > expected.value)
    return err({ code: 'trailing-bytes', expected: expected.value, actual: bytes.length });
  const end = bytes[bytes.length - 2]!;
  if (end !== profile.framing.etx) return err({ code: 'bad-end', byte: end });
  const check = blockCheck(bytes, 0, bytes.length - 1);
  const actual = bytes[bytes.length - 1]!;
  if (check !== actual) return err({ code: 'bad-bcc', expected: check, actual });
  const text = decodeText(bytes.subarray(FRAME_HEADER_LENGTH, bytes.length - FRAME_TRAILER_LENGTH), profile);
  if (!text.ok) return text;
  return ok({ address: bytes[1]!, text: text.value });
}
