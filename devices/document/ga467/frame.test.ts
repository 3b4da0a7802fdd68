import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandFrame, encodeReadData, parseReadData } from './commands.js';
import {
  decodeCommandFrame,
  decodeResponseFrame,
  encodeCommandFrame,
  encodeResponseFrame,
  expectedFrameLength,
} from './frame.js';
import { sw3Name, sw3Names } from './status_codes.js';

const hex = (text: string) => Uint8Array.from(text.split(' ').map((byte) => Number.parseInt(byte, 16)));

describe('GA 467 command frames (protocols.md §7.2 vectors)', () => {
  it.each([
    ['resetSam', 'AA AA AA 96 69 00 03 10 FF EC'],
    ['samStatus', 'AA AA AA 96 69 00 03 11 FF ED'],
    ['samId', 'AA AA AA 96 69 00 03 12 FF EE'],
    ['findCard', 'AA AA AA 96 69 00 03 20 01 22'],
    ['selectCard', 'AA AA AA 96 69 00 03 20 02 21'],
    ['readTextAndPhoto', 'AA AA AA 96 69 00 03 30 01 32'],
    ['readTextPhotoAndFingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
    ['readAppendedAddress', 'AA AA AA 96 69 00 03 30 03 30'],
  ] as const)('%s = %s', (name, bytes) => {
    expect(commandFrame(name)).toEqual(hex(bytes));
    expect(decodeCommandFrame(hex(bytes)).ok).toBe(true);
  });

  it('frames "set max RF frame bytes" 61 FF 50 with data: AA AA AA 96 69 00 04 61 FF 50 CA', () => {
    expect(encodeCommandFrame({ command: 0x61, parameter: 0xff, data: hex('50') })).toEqual({
      ok: true,
      value: hex('AA AA AA 96 69 00 04 61 FF 50 CA'),
    });
  });

  it('rejects the wrong-checksum find-card frames copied around public code (00 03 20 01 21, 00 03 20 00 22)', () => {
    expect(decodeCommandFrame(hex('AA AA AA 96 69 00 03 20 01 21'))).toEqual({
      ok: false,
      error: { code: 'bad-checksum', expected: 0x22, actual: 0x21 },
    });
    expect(decodeCommandFrame(hex('AA AA AA 96 69 00 03 20 00 22'))).toEqual({
      ok: false,
      error: { code: 'bad-checksum', expected: 0x23, actual: 0x22 },
    });
  });
});

describe('GA 467 response frames (§7.3 vectors)', () => {
  it('find OK carries SW3 9F and 4 bytes of card management number', () => {
    const frame = hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    expect(decodeResponseFrame(frame)).toEqual({
      ok: true,
      value: { sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) },
    });
    expect(encodeResponseFrame({ sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) })).toEqual({
      ok: true,
      value: frame,
    });
  });

  it('select OK is 19 bytes ending 9C', () => {
    const frame = hex('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C');
    expect(encodeResponseFrame({ sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(8) })).toEqual({
      ok: true,
      value: frame,
    });
  });

  it.each([
    ['AA AA AA 96 69 00 04 00 00 80 84', 'find-card-failed'],
    ['AA AA AA 96 69 00 04 00 00 81 85', 'select-card-failed'],
    ['AA AA AA 96 69 00 04 00 00 91 95', 'no-content'],
  ])('%s → %s', (bytes, name) => {
    const decoded = decodeResponseFrame(hex(bytes));
    expect(decoded.ok && sw3Name(decoded.value.sw3)).toBe(name);
  });

  it('decodes the 30 01 header AA AA AA 96 69 05 08 00 00 90 01 00 04 00 of a 1295-byte read', () => {
    const data = encodeReadData({ text: new Uint8Array(256), photo: new Uint8Array(1024) }, false);
    const frame = encodeResponseFrame({ sw1: 0, sw2: 0, sw3: 0x90, data });
    expect(frame.ok && frame.value.length).toBe(1295);
    expect(frame.ok && frame.value.subarray(0, 14)).toEqual(hex('AA AA AA 96 69 05 08 00 00 90 01 00 04 00'));
    expect(frame.ok && expectedFrameLength(frame.value.subarray(0, 7))).toEqual({ ok: true, value: 1295 });
  });

  it('names every SW3 status code', () => {
    expect(Object.keys(sw3Names).length).toBe(18);
    expect(sw3Name(0x10)).toBe('checksum-error');
    expect(sw3Name(0x11)).toBe('length-error');
    expect(sw3Name(0x21)).toBe('command-error');
    expect(sw3Name(0x23)).toBe('unauthorized-operation');
    expect(sw3Name(0x24)).toBe('unknown-error');
    expect(sw3Name(0x31)).toBe('card-failed-to-authenticate-sam');
    expect(sw3Name(0x32)).toBe('sam-failed-to-authenticate-card');
    expect(sw3Name(0x33)).toBe('information-verification-error');
    expect(sw3Name(0x40)).toBe('unrecognised-card-type');
    expect(sw3Name(0x41)).toBe('read-card-failed');
    expect(sw3Name(0x47)).toBe('get-random-failed');
    expect(sw3Name(0x60)).toBe('sam-self-test-failed');
    expect(sw3Name(0x66)).toBe('sam-not-authorised');
    expect(sw3Name(0x90)).toBe('success');
    expect(sw3Name(0x55)).toBe('unrecognised-status');
  });

  it('reports truncation, trailing bytes, a bad preamble and a too-small length', () => {
    expect(decodeResponseFrame(hex('AA AA AA 96 69 00 08 00 00 9F'))).toEqual({
      ok: false,
      error: { code: 'truncated', expected: 15, actual: 10 },
    });
    expect(decodeResponseFrame(hex('AA AA AA 96 69 00 04 00 00 80 84 00'))).toMatchObject({
      ok: false,
      error: { code: 'trailing-bytes' },
    });
    expect(decodeResponseFrame(hex('AA AA AB 96 69 00 04 00 00 80 84'))).toEqual({
      ok: false,
      error: { code: 'bad-preamble' },
    });
    expect(decodeResponseFrame(hex('AA AA AA 96 69 00 02 00 02'))).toMatchObject({
      ok: false,
      error: { code: 'length-too-small' },
    });
  });

  it('parses 30 10 data with a fingerprint and rejects lengths that do not add up', () => {
    const read = {
      text: new Uint8Array(256).fill(1),
      photo: new Uint8Array(1024).fill(2),
      fingerprint: new Uint8Array(1024).fill(3),
    };
    expect(parseReadData(encodeReadData(read, true), true)).toEqual({ ok: true, value: read });
    expect(parseReadData(hex('01 00 04 00 00'), false)).toMatchObject({
      ok: false,
      error: { code: 'malformed-read' },
    });
  });
});

describe('properties', () => {
  const frameFields = fc.record({
    sw1: fc.integer({ min: 0, max: 255 }),
    sw2: fc.integer({ min: 0, max: 255 }),
    sw3: fc.integer({ min: 0, max: 255 }),
    data: fc.uint8Array({ maxLength: 1400 }),
  });

  it('response and command frames round-trip', () => {
    fc.assert(
      fc.property(frameFields, (fields) => {
        const encoded = encodeResponseFrame(fields);
        expect(encoded.ok && decodeResponseFrame(encoded.value)).toEqual({ ok: true, value: fields });
        const command = { command: fields.sw1, parameter: fields.sw2, data: fields.data };
        const commandBytes = encodeCommandFrame(command);
        expect(commandBytes.ok && decodeCommandFrame(commandBytes.value)).toEqual({
          ok: true,
          value: command,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('any single flipped byte after the preamble is caught (checksum, length or truncation)', () => {
    fc.assert(
      fc.property(frameFields, fc.nat(), fc.integer({ min: 1, max: 255 }), (fields, position, flip) => {
        const encoded = encodeResponseFrame(fields);
        if (!encoded.ok) return;
        const bytes = encoded.value.slice();
        const index = 5 + (position % (bytes.length - 5));
        bytes[index] = bytes[index]! ^ flip;
        expect(decodeResponseFrame(bytes).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary bytes give a typed error, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (tail, withPreamble) => {
        const bytes = withPreamble ? Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, ...tail]) : tail;
        for (const decoded of [decodeResponseFrame(bytes), decodeCommandFrame(bytes)]) {
          if (!decoded.ok) expect(typeof decoded.error.code).toBe('string');
        }
        const read = parseReadData(bytes, withPreamble);
        if (!read.ok) expect(read.error.code).toBe('malformed-read');
      }),
      { numRuns: 3000 },
    );
  });
});
