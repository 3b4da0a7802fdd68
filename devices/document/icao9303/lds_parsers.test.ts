import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTlv } from './ber_tlv.js';
import { parseDg1 } from './dg1.js';
import { parseDg2 } from './dg2.js';
import { parseSod } from './ef_sod.js';
import { parseEfCom } from './lds_files.js';
import { buildDg1 } from './simulator/lds_builder.js';

const today = new Date('2026-11-27T00:00:00Z');

describe('LDS file parsers', () => {
  it('DG1 carries the MRZ as one string inside 5F1F', () => {
    const dg1 = buildDg1([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
    const parsed = parseDg1(dg1, { today });
    expect(parsed.ok && parsed.value.format).toBe('TD1');
    expect(parsed.ok && parsed.value.documentNumber).toBe('D23145890');
    expect(parseDg1(encodeTlv(0x61, encodeTlv(0x5f1f, Uint8Array.of(0x41, 0x42))), { today })).toEqual({
      ok: false,
      error: { code: 'dg1-mrz', reasons: [{ code: 'wrong-line-count', got: 1 }] },
    });
  });

  it('property: arbitrary bytes give typed results from every parser', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(0x60, 0x61, 0x75, 0x77), (body, tag) => {
        // Both raw bytes and bytes inside the right outer tag, so the inner decoders are reached too.
        for (const bytes of [body, encodeTlv(tag, body)]) {
          expect(typeof parseEfCom(bytes).ok).toBe('boolean');
          expect(typeof parseDg1(bytes, { today }).ok).toBe('boolean');
          expect(typeof parseDg2(bytes).ok).toBe('boolean');
          expect(typeof parseSod(bytes).ok).toBe('boolean');
        }
      }),
      { numRuns: 1500 },
    );
  });
});
