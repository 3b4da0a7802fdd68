import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DispenserFrame, type DispenserText, decodeFrame, encodeFrame } from './dispenser_frame.js';
import { decodeSensors, encodeSensors, faultOf } from './dispenser_sensors.js';
import { crt591Profile as profile } from './profiles/crt591.js';

const hex = (text: string) => Uint8Array.from(text.split(' ').map((byte) => Number.parseInt(byte, 16)));
const encoded = (frame: DispenserFrame) => {
  const bytes = encodeFrame(frame, profile);
  if (!bytes.ok) throw new Error(bytes.error.code);
  return bytes.value;
};
const command = (cm: number, pm: number, data = new Uint8Array()): DispenserText => ({
  kind: 'command',
  cm,
  pm,
  data,
});

const byte = fc.integer({ min: 0, max: 255 });
const data = fc.uint8Array({ maxLength: 64 });
const text: fc.Arbitrary<DispenserText> = fc.oneof(
  fc.record({ kind: fc.constant('command' as const), cm: byte, pm: byte, data }),
  fc.record({
    kind: fc.constant('positive' as const),
    cm: byte,
    pm: byte,
    status: fc.record({ st0: byte, st1: byte, st2: byte }),
    data,
  }),
  fc.record({
    kind: fc.constant('negative' as const),
    cm: byte,
    pm: byte,
    error: fc.tuple(byte, byte).map(([e1, e0]) => String.fromCharCode(e1, e0)),
    data,
  }),
);
const frame = fc.record({ address: fc.integer({ min: 0, max: 15 }), text });

describe('CRT-591 frames: vectors from public implementations (profiles/crt591.ts)', () => {
  it.each([
    // Status request and "initialise, do not move the card", as SWTest-ATM sends them to a CRT-591 at address 0.
    ['status', 0x31, 0x30, 'F2 00 00 03 43 31 30 03 B0'],
    ['initialise', 0x30, 0x33, 'F2 00 00 03 43 30 33 03 B2'],
  ])('%s = %s', (_name, cm, pm, bytes) => {
    expect(encoded({ address: 0, text: command(cm, pm) })).toEqual(hex(bytes));
    expect(decodeFrame(hex(bytes), profile)).toEqual({
      ok: true,
      value: { address: 0, text: command(cm, pm) },
    });
  });

  it('reads a positive status answer: card at the gate, few cards left, reject bin not full', () => {
    const answer = encoded({
      address: 3,
      text: {
        kind: 'positive',
        cm: 0x31,
        pm: 0x30,
        status: { st0: 0x31, st1: 0x31, st2: 0x30 },
        data: new Uint8Array(),
      },
    });
    expect(answer.subarray(0, 10)).toEqual(hex('F2 03 00 06 50 31 30 31 31 30'));
    const decoded = decodeFrame(answer, profile);
    expect(
      decoded.ok &&
        decoded.value.text.kind === 'positive' &&
        decodeSensors(decoded.value.text.status, profile),
    ).toEqual({
      card: 'gate',
      stacker: 'low',
      rejectBin: 'ok',
    });
  });

  it("accepts both negative heads the sources use ('N' and 'E') and reads the error characters", () => {
    for (const head of [0x4e, 0x45]) {
      const bytes = hex(`F2 00 00 05 ${head.toString(16)} 32 30 31 30 03 00`);
      bytes[bytes.length - 1] = bytes.subarray(0, bytes.length - 1).reduce((a, b) => a ^ b, 0);
      const decoded = decodeFrame(bytes, profile);
      expect(decoded).toEqual({
        ok: true,
        value: {
          address: 0,
          text: { kind: 'negative', cm: 0x32, pm: 0x30, error: '10', data: new Uint8Array() },
        },
      });
      expect(
        decoded.ok && decoded.value.text.kind === 'negative' && faultOf(decoded.value.text.error, profile),
      ).toBe('jam');
    }
  });

  it('maps the error table and the status characters through the profile, unknown ones to device / unknown', () => {
    expect(['10', 'A0', 'A1', 'B0', '51', 'ZZ'].map((code) => faultOf(code, profile))).toEqual([
      'jam',
      'empty',
      'reject-bin-full',
      'needs-init',
      'device',
      'device',
    ]);
    expect(decodeSensors({ st0: 0x39, st1: 0x32, st2: 0x31 }, profile)).toEqual({
      card: 'unknown',
      stacker: 'ok',
      rejectBin: 'full',
    });
    const sensors = { card: 'inside', stacker: 'empty', rejectBin: 'full' } as const;
    expect(decodeSensors(encodeSensors(sensors, profile), profile)).toEqual(sensors);
  });

  it('refuses a text longer than the protocol allows, as a value', () => {
    const result = encodeFrame({ address: 0, text: command(0x60, 0x30, new Uint8Array(600)) }, profile);
    expect(result).toEqual({ ok: false, error: { code: 'too-long', length: 603 } });
  });
});

describe('CRT-591 frames: properties', () => {
  it('every frame round-trips through encode and decode', () => {
    fc.assert(
      fc.property(frame, (original) => {
        expect(decodeFrame(encoded(original), profile)).toEqual({ ok: true, value: original });
      }),
    );
  });

  it('the BCC (or the framing) catches any single-byte change', () => {
    fc.assert(
      fc.property(frame, fc.nat(), fc.integer({ min: 1, max: 255 }), (original, at, delta) => {
        const bytes = encoded(original);
        const index = at % bytes.length;
        bytes[index] = (bytes[index] ?? 0) ^ delta;
        expect(decodeFrame(bytes, profile).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('every proper prefix is "truncated" and extra bytes are "trailing-bytes"', () => {
    fc.assert(
      fc.property(frame, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), (original, cut, extra) => {
        const bytes = encoded(original);
        const prefix = bytes.subarray(0, cut % bytes.length);
        const decoded = decodeFrame(prefix, profile);
        expect(decoded.ok === false && decoded.error.code).toBe('truncated');
        const longer = Uint8Array.from([...bytes, ...extra]);
        const trailing = decodeFrame(longer, profile);
        expect(trailing.ok === false && trailing.error.code).toBe('trailing-bytes');
      }),
    );
  });

  it('garbage never throws: it decodes to a typed error, or to a frame that re-encodes to itself', () => {
    const codes = [
      'bad-start',
      'truncated',
      'trailing-bytes',
      'bad-length',
      'bad-end',
      'bad-bcc',
      'unknown-head',
    ];
    const garbage = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      // Garbage that at least starts like a frame, so the deeper checks run too.
      fc
        .tuple(fc.uint8Array({ minLength: 3, maxLength: 40 }))
        .map(([tail]) => Uint8Array.from([0xf2, ...tail])),
    );
    fc.assert(
      fc.property(garbage, (bytes) => {
        const decoded = decodeFrame(bytes, profile);
        if (!decoded.ok) expect(codes).toContain(decoded.error.code);
        else if (bytes[4] !== 0x45) expect(encoded(decoded.value)).toEqual(bytes);
      }),
      { numRuns: 3000 },
    );
  });
});
