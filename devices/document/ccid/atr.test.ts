import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactlessPseudoAtr, parseAtr } from './atr.js';

const hex = (text: string) => Uint8Array.from(text.split(' ').map((byte) => Number.parseInt(byte, 16)));

describe('ATR (protocols.md §3.4 vectors)', () => {
  it('recognises the DESFire pseudo-ATR 3B 81 80 01 80 80 as ISO 14443-4 contactless', () => {
    const atr = parseAtr(hex('3B 81 80 01 80 80'));
    expect(atr.ok && atr.value).toMatchObject({
      protocols: [0, 1],
      historical: hex('80'),
      interface: { kind: 'contactless-iso14443-4' },
    });
  });

  it('recognises the EZ-link Type B pseudo-ATR with 8 historical bytes', () => {
    const atr = parseAtr(hex('3B 88 80 01 1C 2D 94 11 F7 71 85 00 BE'));
    expect(atr.ok && atr.value.historical).toEqual(hex('1C 2D 94 11 F7 71 85 00'));
    expect(atr.ok && atr.value.interface.kind).toBe('contactless-iso14443-4');
  });

  it('recognises MIFARE Classic 1K and 4K storage-card pseudo-ATRs', () => {
    const classic1k = parseAtr(hex('3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A'));
    expect(classic1k.ok && classic1k.value.interface).toEqual({
      kind: 'contactless-storage',
      standard: 3,
      cardName: 1,
    });
    const classic4k = parseAtr(hex('3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 02 00 00 00 00 69'));
    expect(classic4k.ok && classic4k.value.interface).toEqual({
      kind: 'contactless-storage',
      standard: 3,
      cardName: 2,
    });
  });

  it('treats a T=0 contact ATR (no TCK) as contact', () => {
    // TS=3B, T0=65 (TB1, TC1, 5 historical bytes), TB1=00, TC1=00, historical 9C 11 01 01 03.
    const atr = parseAtr(hex('3B 65 00 00 9C 11 01 01 03'));
    expect(atr.ok && atr.value).toMatchObject({ protocols: [], interface: { kind: 'contact' } });
  });

  it('rejects a wrong TCK, a wrong TS, truncation and trailing bytes', () => {
    expect(parseAtr(hex('3B 81 80 01 80 81'))).toEqual({
      ok: false,
      error: { code: 'bad-tck', expected: 0x80, actual: 0x81 },
    });
    expect(parseAtr(hex('3C 81 80 01 80 80'))).toEqual({ ok: false, error: { code: 'bad-ts', ts: 0x3c } });
    expect(parseAtr(hex('3B 88 80 01 1C 2D'))).toMatchObject({ ok: false, error: { code: 'truncated' } });
    expect(parseAtr(hex('3B 81 80 01 80 80 00'))).toMatchObject({
      ok: false,
      error: { code: 'trailing-bytes' },
    });
    expect(parseAtr(new Uint8Array(0))).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('builds pseudo-ATRs that parse back as contactless (property) and never throws on arbitrary bytes', () => {
    expect(contactlessPseudoAtr(hex('80'))).toEqual(hex('3B 81 80 01 80 80'));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 15 }), (historical) => {
        const parsed = parseAtr(contactlessPseudoAtr(historical));
        expect(parsed.ok && parsed.value.historical).toEqual(historical);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const parsed = parseAtr(Uint8Array.from([0x3b, ...bytes]));
        if (!parsed.ok) expect(typeof parsed.error.code).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});
