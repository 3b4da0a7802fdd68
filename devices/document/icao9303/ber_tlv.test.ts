import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTlv, decodeTlvHeader, decodeTlvList, encodeLength, encodeTlv } from './ber_tlv.js';
import { parseEfCom } from './lds_files.js';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

describe('BER-TLV', () => {
  it('decodes the ICAO D.4 EF.COM with its two-byte tags', () => {
    const efCom = hex('60145F0104303130365F36063034303030305C026175');
    const outer = decodeTlv(efCom);
    expect(outer.ok && outer.value.tag).toBe(0x60);
    expect(outer.ok && outer.value.constructed).toBe(true);
    const children = outer.ok ? decodeTlvList(outer.value.value) : undefined;
    expect(children?.ok && children.value.map((c) => c.tag)).toEqual([0x5f01, 0x5f36, 0x5c]);
    expect(parseEfCom(efCom)).toEqual({
      ok: true,
      value: { ldsVersion: '0106', unicodeVersion: '040000', dataGroups: [1, 2] },
    });
  });

  it('reads long-form lengths of 1 to 4 bytes', () => {
    expect(decodeTlvHeader(hex('7581FF'))).toMatchObject({
      ok: true,
      value: { length: 255, headerLength: 3 },
    });
    expect(decodeTlvHeader(hex('75824E20'))).toMatchObject({
      ok: true,
      value: { length: 20000, headerLength: 4 },
    });
    expect(decodeTlvHeader(hex('7583010000'))).toMatchObject({
      ok: true,
      value: { length: 65536, headerLength: 5 },
    });
    expect(decodeTlvHeader(hex('758401000000'))).toMatchObject({ ok: true, value: { length: 16777216 } });
    expect(toHex(encodeLength(20000))).toBe('824E20');
  });

  it('gives typed errors for truncation and unsupported forms', () => {
    expect(decodeTlv(hex(''))).toEqual({ ok: false, error: { code: 'tlv-truncated-tag', offset: 0 } });
    expect(decodeTlv(hex('5F'))).toEqual({ ok: false, error: { code: 'tlv-truncated-tag', offset: 0 } });
    expect(decodeTlv(hex('5F1F'))).toEqual({ ok: false, error: { code: 'tlv-truncated-length', offset: 2 } });
    expect(decodeTlv(hex('7582'))).toEqual({ ok: false, error: { code: 'tlv-truncated-length', offset: 1 } });
    expect(decodeTlv(hex('7580'))).toMatchObject({ ok: false, error: { code: 'tlv-unsupported-length' } });
    expect(decodeTlv(hex('758500000000'))).toMatchObject({
      ok: false,
      error: { code: 'tlv-unsupported-length' },
    });
    expect(decodeTlv(hex('5FFFFF0100'))).toMatchObject({ ok: false, error: { code: 'tlv-tag-too-long' } });
    expect(decodeTlv(hex('6105AABB'))).toEqual({
      ok: false,
      error: { code: 'tlv-truncated-value', offset: 0, declared: 5, available: 2 },
    });
  });

  it('property: arbitrary bytes decode to a typed result and never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const list = decodeTlvList(bytes);
        if (list.ok) {
          const total = list.value.reduce((sum, tlv) => sum + tlv.headerLength + tlv.value.length, 0);
          expect(total).toBe(bytes.length);
        } else {
          expect(list.error.code).toMatch(/^tlv-/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: encode → decode round-trips tags up to 3 bytes and lengths up to 70 000', () => {
    const tag = fc.oneof(
      fc.integer({ min: 0, max: 0xff }).filter((t) => (t & 0x1f) !== 0x1f),
      fc.integer({ min: 0x1f, max: 0x7f }).map((t) => 0x5f00 | t),
      fc.integer({ min: 0x80, max: 0xff }).map((t) => 0x7f0000 | (t << 8) | 0x10),
    );
    fc.assert(
      fc.property(tag, fc.integer({ min: 0, max: 70_000 }), (t, length) => {
        const value = new Uint8Array(length).fill(0xa5);
        const decoded = decodeTlv(encodeTlv(t, value));
        expect(decoded.ok && decoded.value.tag).toBe(t);
        expect(decoded.ok && decoded.value.value.length).toBe(length);
      }),
      { numRuns: 300 },
    );
  });
});
