import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../lib/bytes.js';
import { type DispenserFrame, encodeFrame } from './dispenser_frame.js';
import { type LineEvent, scanAll, scanLine } from './line_scanner.js';
import { crt591Profile as profile } from './profiles/crt591.js';

const ACK = 0x06;
const NAK = 0x15;
const EOT = 0x04;

const answer = (st0: number): DispenserFrame => ({
  address: 0,
  text: {
    kind: 'positive',
    cm: 0x31,
    pm: 0x30,
    status: { st0, st1: 0x32, st2: 0x30 },
    data: new Uint8Array(),
  },
});
const bytesOf = (frame: DispenserFrame) => {
  const encoded = encodeFrame(frame, profile);
  if (!encoded.ok) throw new Error(encoded.error.code);
  return encoded.value;
};

/** Splits `bytes` at the given cut points, as a serial adapter hands them over. */
function chunks(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    out.push(bytes.slice(from, point));
    from = point;
  }
  return out;
}

/** Feeds chunks one by one, keeping the unread rest, as the link does. */
function scanChunked(parts: Uint8Array[]): LineEvent[] {
  const events: LineEvent[] = [];
  let rest: Uint8Array = new Uint8Array();
  for (const part of parts) {
    const scanned = scanAll(concatBytes(rest, part), profile);
    events.push(...scanned.events);
    rest = scanned.rest;
  }
  return events;
}

describe('serial line scanner', () => {
  it('reads an ACK glued to the answer behind it, and waits for the rest of a split answer', () => {
    const frame = bytesOf(answer(0x31));
    const line = Uint8Array.from([ACK, ...frame]);
    expect(scanLine(line.subarray(0, 5), profile)).toEqual({
      event: { kind: 'control', control: 'ack' },
      consumed: 1,
    });
    expect(scanLine(line.subarray(1, 5), profile)).toEqual({ event: undefined, consumed: 0 });
    expect(scanLine(line.subarray(1), profile)).toEqual({
      event: { kind: 'frame', frame: answer(0x31) },
      consumed: frame.length,
    });
  });

  it('skips noise before a frame as one event, and costs a damaged frame only itself', () => {
    const good = bytesOf(answer(0x30));
    const damaged = bytesOf(answer(0x31));
    damaged[6] = 0x99; // inside the text: the BCC no longer matches
    const { events, rest } = scanAll(Uint8Array.from([0x41, 0x42, ...damaged, ...good, EOT]), profile);
    expect(events).toEqual([
      { kind: 'noise', length: 2 },
      { kind: 'bad-frame', error: { code: 'bad-bcc', expected: expect.any(Number), actual: damaged.at(-1) } },
      { kind: 'frame', frame: answer(0x30) },
      { kind: 'control', control: 'eot' },
    ]);
    expect(rest).toEqual(new Uint8Array());
  });

  it('finds the frame behind a frame cut short (its ETX is not where its length says)', () => {
    const cut = bytesOf(answer(0x31)).subarray(0, 7);
    const good = bytesOf(answer(0x30));
    const { events } = scanAll(concatBytes(cut, good), profile);
    expect(events.at(-1)).toEqual({ kind: 'frame', frame: answer(0x30) });
  });

  it('any mix of frames and control bytes, split anywhere, scans to the same events', () => {
    const piece = fc.oneof(
      fc.constantFrom(ACK, NAK, EOT).map((control) => ({ bytes: Uint8Array.of(control), kind: 'control' })),
      fc.constantFrom(0x30, 0x31, 0x32).map((st0) => ({ bytes: bytesOf(answer(st0)), kind: 'frame' })),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (pieces, cuts) => {
          const line = concatBytes(...pieces.map((p) => p.bytes));
          const whole = scanAll(line, profile).events;
          expect(whole.map((event) => event.kind)).toEqual(pieces.map((p) => p.kind));
          expect(scanChunked(chunks(line, cuts))).toEqual(whole);
        },
      ),
    );
  });

  it('never throws on arbitrary bytes and always makes progress or asks for more', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const scanned = scanLine(bytes, profile);
        if (scanned.event === undefined) expect(scanned.consumed).toBe(0);
        else {
          expect(scanned.consumed).toBeGreaterThan(0);
          expect(scanned.consumed).toBeLessThanOrEqual(bytes.length);
        }
        const all = scanAll(bytes, profile);
        expect(all.rest.length).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 3000 },
    );
  });
});
