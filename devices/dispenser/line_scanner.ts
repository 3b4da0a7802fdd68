/**
 * Reads the serial line one event at a time. A serial line has no packets: the bytes of an answer may arrive in
 * several reads, an ACK may arrive glued to the answer behind it, and noise (a cable plugged in, a device booting)
 * may come first. `scanLine` looks at the bytes received so far and says what the first event is and how many bytes
 * it used, or that it needs more bytes. Pure: the link and the simulator keep the buffer.
 *
 * Recovery, so one damaged byte costs one frame and not the line: a frame whose ETX is where its length says but
 * whose BCC or head is wrong is consumed whole (the sender is asked to repeat it); a frame whose ETX is not where
 * its length says (a damaged length, or a frame cut short and followed by the next one) costs only its STX, and the
 * scan resumes on the next byte so the frame behind it is still found.
 */
import { type DispenserFrame, decodeFrame, type FrameError, frameLength } from './dispenser_frame.js';
import type { DispenserProfile } from './profiles/dispenser_profile.js';

export type ControlByte = 'ack' | 'nak' | 'enq' | 'eot';

export type LineEvent =
  | { kind: 'control'; control: ControlByte }
  | { kind: 'frame'; frame: DispenserFrame }
  | { kind: 'bad-frame'; error: FrameError }
  /** Bytes that belong to nothing (line noise, a stale partial answer), skipped. */
  | { kind: 'noise'; length: number };

/** The first event in `buffer` and the bytes it took, or `undefined` (with 0) when more bytes are needed. */
export type ScanResult = { event: LineEvent; consumed: number } | { event: undefined; consumed: 0 };

function controlOf(byte: number, profile: DispenserProfile): ControlByte | undefined {
  const { ack, nak, enq, eot } = profile.control;
  if (byte === ack) return 'ack';
  if (byte === nak) return 'nak';
  if (byte === enq) return 'enq';
  if (byte === eot) return 'eot';
  return undefined;
}

export function scanLine(buffer: Uint8Array, profile: DispenserProfile): ScanResult {
  if (buffer.length === 0) return { event: undefined, consumed: 0 };
  const first = buffer[0]!;
  const control = controlOf(first, profile);
  if (control !== undefined) return { event: { kind: 'control', control }, consumed: 1 };
  if (first !== profile.framing.stx) {
    let length = 1;
    while (length < buffer.length) {
      const byte = buffer[length]!;
      if (byte === profile.framing.stx || controlOf(byte, profile) !== undefined) break;
      length += 1;
    }
    return { event: { kind: 'noise', length }, consumed: length };
  }
  const total = frameLength(buffer.subarray(0, 4), profile);
  if (!total.ok) {
    if (total.error.code === 'truncated') return { event: undefined, consumed: 0 };
    return { event: { kind: 'bad-frame', error: total.error }, consumed: 1 };
  }
  if (buffer.length < total.value) return { event: undefined, consumed: 0 };
  const bytes = buffer.subarray(0, total.value);
  const decoded = decodeFrame(bytes, profile);
  if (decoded.ok) return { event: { kind: 'frame', frame: decoded.value }, consumed: total.value };
  const consumed = decoded.error.code === 'bad-end' ? 1 : total.value;
  return { event: { kind: 'bad-frame', error: decoded.error }, consumed };
}

/** Every complete event in `buffer`, and the bytes left over for the next read (for tests and the simulator). */
export function scanAll(
  buffer: Uint8Array,
  profile: DispenserProfile,
): { events: LineEvent[]; rest: Uint8Array } {
  const events: LineEvent[] = [];
  let offset = 0;
  for (;;) {
    const next = scanLine(buffer.subarray(offset), profile);
    if (next.event === undefined) break;
    events.push(next.event);
    offset += next.consumed;
  }
  return { events, rest: buffer.slice(offset) };
}
