import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CommandApdu,
  decodeCommandApdu,
  decodeResponseApdu,
  encodeCommandApdu,
  encodeResponseApdu,
} from './apdu.js';

const hex = (text: string) => Uint8Array.from(text.split(' ').map((byte) => Number.parseInt(byte, 16)));
const short = { extendedLength: false };
const extended = { extendedLength: true };

describe('command APDU cases (ISO/IEC 7816-4 §5.1)', () => {
  it('case 1: header only', () => {
    expect(encodeCommandApdu({ cla: 0x00, ins: 0x84, p1: 0, p2: 0, data: new Uint8Array(0) }, short)).toEqual(
      {
        ok: true,
        value: hex('00 84 00 00'),
      },
    );
  });

  it('case 2 short: GET CHALLENGE 00 84 00 00 08, and Le 00 = 256', () => {
    expect(
      encodeCommandApdu({ cla: 0, ins: 0x84, p1: 0, p2: 0, data: new Uint8Array(0), ne: 8 }, short),
    ).toEqual({
      ok: true,
      value: hex('00 84 00 00 08'),
    });
    expect(decodeCommandApdu(hex('00 B0 00 00 00'))).toEqual({
      ok: true,
      value: { cla: 0, ins: 0xb0, p1: 0, p2: 0, data: new Uint8Array(0), ne: 256 },
    });
  });

  it('case 3 short: SELECT EF.COM 00 A4 02 0C 02 01 1E', () => {
    const apdu: CommandApdu = { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: hex('01 1E') };
    expect(encodeCommandApdu(apdu, short)).toEqual({ ok: true, value: hex('00 A4 02 0C 02 01 1E') });
    expect(decodeCommandApdu(hex('00 A4 02 0C 02 01 1E'))).toEqual({ ok: true, value: apdu });
  });

  it('case 4 short: EXTERNAL AUTHENTICATE with 40 data bytes and Le 28', () => {
    const data = new Uint8Array(40).fill(0xaa);
    const encoded = encodeCommandApdu({ cla: 0, ins: 0x82, p1: 0, p2: 0, data, ne: 40 }, short);
    expect(encoded.ok && [...encoded.value.subarray(0, 5), encoded.value.at(-1)]).toEqual([
      0, 0x82, 0, 0, 0x28, 0x28,
    ]);
  });

  it('extended cases: 2E 00 B0 00 00 00 03 E8, 3E and 4E with 2-byte Lc/Le, Le 0000 = 65536', () => {
    expect(
      encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, data: new Uint8Array(0), ne: 1000 }, extended),
    ).toEqual({
      ok: true,
      value: hex('00 B0 00 00 00 03 E8'),
    });
    const data = new Uint8Array(300);
    const case3 = encodeCommandApdu({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data }, extended);
    expect(case3.ok && [...case3.value.subarray(4, 7)]).toEqual([0x00, 0x01, 0x2c]);
    const case4 = encodeCommandApdu({ cla: 0, ins: 0x2a, p1: 0, p2: 0, data, ne: 65536 }, extended);
    expect(case4.ok && [...case4.value.subarray(-2)]).toEqual([0, 0]);
    expect(case4.ok && decodeCommandApdu(case4.value)).toEqual({
      ok: true,
      value: { cla: 0, ins: 0x2a, p1: 0, p2: 0, data, ne: 65536 },
    });
  });

  it('refuses extended length when the reader or card does not support it, and bad fields', () => {
    expect(
      encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, data: new Uint8Array(0), ne: 257 }, short),
    ).toEqual({
      ok: false,
      error: { code: 'extended-length-unsupported', dataLength: 0, ne: 257 },
    });
    expect(
      encodeCommandApdu({ cla: 256, ins: 0, p1: 0, p2: 0, data: new Uint8Array(0) }, short),
    ).toMatchObject({
      ok: false,
      error: { code: 'header-byte-out-of-range', field: 'cla' },
    });
    expect(
      encodeCommandApdu({ cla: 0, ins: 0, p1: 0, p2: 0, data: new Uint8Array(0), ne: 0 }, short),
    ).toMatchObject({
      ok: false,
      error: { code: 'ne-out-of-range' },
    });
    expect(decodeCommandApdu(hex('00 A4 02 0C 05 01 1E'))).toMatchObject({
      ok: false,
      error: { code: 'length-mismatch' },
    });
    expect(decodeCommandApdu(hex('00 A4 02'))).toEqual({
      ok: false,
      error: { code: 'too-short', length: 3 },
    });
  });

  it('splits a response into data and SW1 SW2', () => {
    expect(decodeResponseApdu(hex('60 16 90 00'))).toEqual({
      ok: true,
      value: { data: hex('60 16'), sw1: 0x90, sw2: 0x00, sw: 0x9000 },
    });
    expect(decodeResponseApdu(hex('90'))).toEqual({ ok: false, error: { code: 'too-short', length: 1 } });
  });
});

const commandApdu = (maxData: number, maxNe: number) =>
  fc.record({
    cla: fc.integer({ min: 0, max: 255 }),
    ins: fc.integer({ min: 0, max: 255 }),
    p1: fc.integer({ min: 0, max: 255 }),
    p2: fc.integer({ min: 0, max: 255 }),
    data: fc.uint8Array({ maxLength: maxData }),
    ne: fc.option(fc.integer({ min: 1, max: maxNe }), { nil: undefined }),
  });

describe('properties', () => {
  it('short APDUs round-trip', () => {
    fc.assert(
      fc.property(commandApdu(255, 256), (apdu) => {
        const encoded = encodeCommandApdu(apdu, short);
        expect(encoded.ok).toBe(true);
        if (encoded.ok)
          expect(decodeCommandApdu(encoded.value)).toEqual({ ok: true, value: stripUndefined(apdu) });
      }),
    );
  });

  it('extended APDUs round-trip', () => {
    fc.assert(
      fc.property(commandApdu(1200, 65536), (apdu) => {
        const encoded = encodeCommandApdu(apdu, extended);
        expect(encoded.ok).toBe(true);
        if (encoded.ok)
          expect(decodeCommandApdu(encoded.value)).toEqual({ ok: true, value: stripUndefined(apdu) });
      }),
      { numRuns: 300 },
    );
  });

  it('responses round-trip and arbitrary bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 0xffff }), (data, sw) => {
        expect(decodeResponseApdu(encodeResponseApdu(data, sw))).toEqual({
          ok: true,
          value: { data, sw1: sw >> 8, sw2: sw & 0xff, sw },
        });
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const decoded = decodeCommandApdu(bytes);
        if (decoded.ok) {
          const again = encodeCommandApdu(decoded.value, extended);
          expect(again.ok).toBe(true);
        } else {
          expect(['too-short', 'length-mismatch']).toContain(decoded.error.code);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

function stripUndefined(apdu: CommandApdu): CommandApdu {
  return apdu.ne === undefined
    ? { cla: apdu.cla, ins: apdu.ins, p1: apdu.p1, p2: apdu.p2, data: apdu.data }
    : apdu;
}
