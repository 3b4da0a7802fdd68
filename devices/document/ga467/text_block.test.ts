import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { macaoPermit } from '../../../test/documents/ga467_test_cards.js';
import {
  decodeTextBlock,
  encodeTextBlock,
  type ForeignerPermanentResidenceFields,
  type ResidentIdCardFields,
} from './text_block.js';

const residentCard: ResidentIdCardFields = {
  kind: 'resident-id-card',
  name: '李小梅',
  sexCode: '2',
  nationCode: '01',
  birthDate: '1965-11-30',
  address: '广东省珠海市香洲区人民东路1号',
  idNumber: '44040019651130002X',
  issuingAuthority: '珠海市公安局香洲分局',
  validFrom: '2015-06-01',
  validUntil: { kind: 'long-term' },
};

const foreignerCard: ForeignerPermanentResidenceFields = {
  kind: 'foreigner-permanent-residence',
  englishName: 'SILVA, JOAO PEDRO',
  chineseName: '席爾瓦',
  sexCode: '1',
  permitNumber: 'PRT440080012345',
  nationalityCode: 'PRT',
  birthDate: '1978-07-04',
  validFrom: '2019-01-10',
  validUntil: { kind: 'date', date: '2029-01-09' },
  cardVersion: '01',
  authorityCode: '1500',
};

function encoded(fields: Parameters<typeof encodeTextBlock>[0]): Uint8Array {
  const block = encodeTextBlock(fields);
  if (!block.ok) throw new Error(JSON.stringify(block.error));
  return block.value;
}

describe('256-byte text block (protocols.md §7.5)', () => {
  it("lays out a 'J' residence permit at the documented offsets, UCS-2LE and space padded", () => {
    const block = encoded(macaoPermit);
    expect(block.length).toBe(256);
    expect([...block.subarray(0, 8)]).toEqual([0x73, 0x96, 0x27, 0x59, 0x87, 0x65, 0x20, 0x00]); // 陳大文 + space
    expect([...block.subarray(30, 32)]).toEqual([0x31, 0x00]); // sex '1'
    expect([...block.subarray(122, 126)]).toEqual([0x38, 0x00, 0x32, 0x00]); // "82…"
    expect([...block.subarray(220, 222)]).toEqual([0x4d, 0x00]); // pass number "M…"
    expect([...block.subarray(238, 242)]).toEqual([0x30, 0x00, 0x31, 0x00]); // issue count "01"
    expect([...block.subarray(248, 250)]).toEqual([0x4a, 0x00]); // 'J'
    expect([...block.subarray(250, 256)]).toEqual([0x20, 0x00, 0x20, 0x00, 0x20, 0x00]);
    expect(decodeTextBlock(block)).toEqual({
      ok: true,
      value: { ...macaoPermit, sex: 'male', region: 'macao' },
    });
  });

  it('reads a Mainland resident ID card with a long-term (长期) end date', () => {
    const block = encoded(residentCard);
    expect([...block.subarray(204, 208)]).toEqual([0x7f, 0x95, 0x1f, 0x67]); // 长期
    expect([...block.subarray(248, 250)]).toEqual([0x20, 0x00]);
    expect(decodeTextBlock(block)).toEqual({ ok: true, value: { ...residentCard, sex: 'female' } });
  });

  it("reads an 'I' foreigner permanent residence permit with its 120-byte English name", () => {
    const block = encoded(foreignerCard);
    expect([...block.subarray(248, 250)]).toEqual([0x49, 0x00]);
    expect([...block.subarray(120, 122)]).toEqual([0x31, 0x00]);
    expect(decodeTextBlock(block)).toEqual({ ok: true, value: { ...foreignerCard, sex: 'male' } });
  });

  it('tells Hong Kong, Macao and Taiwan permits apart by the 81/82/83 number prefix', () => {
    for (const [prefix, region] of [
      ['81', 'hong-kong'],
      ['82', 'macao'],
      ['83', 'taiwan'],
      ['44', 'unknown'],
    ] as const) {
      const decoded = decodeTextBlock(encoded({ ...macaoPermit, idNumber: `${prefix}0000199003150017` }));
      expect(decoded.ok && decoded.value.kind === 'hmt-residence-permit' && decoded.value.region).toBe(
        region,
      );
    }
  });

  it('gives typed errors for bad dates, counts, layouts, lengths and overlong fields', () => {
    const block = encoded(macaoPermit);
    const badDate = block.slice();
    // Birth "19900315" starts at byte 36; overwrite chars 2–5 to get "19131315" (month 13).
    badDate.set([0x31, 0x00, 0x33, 0x00], 40);
    badDate.set([0x31, 0x00, 0x33, 0x00], 44);
    expect(decodeTextBlock(badDate)).toMatchObject({
      ok: false,
      error: { code: 'bad-date', field: 'birthDate' },
    });
    const yFlag = block.slice();
    yFlag.set([0x59, 0x00], 248);
    expect(decodeTextBlock(yFlag)).toEqual({
      ok: false,
      error: { code: 'unsupported-layout', typeFlag: 'Y' },
    });
    expect(decodeTextBlock(block.subarray(0, 255))).toEqual({
      ok: false,
      error: { code: 'wrong-length', length: 255 },
    });
    expect(encodeTextBlock({ ...macaoPermit, name: '名'.repeat(16) })).toEqual({
      ok: false,
      error: { code: 'field-too-long', field: 'name', maxChars: 15 },
    });
  });
});

const bmpText = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0x4e00, max: 0x9fff })), {
      maxLength,
    })
    .map((codes) => String.fromCharCode(...codes));
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('properties', () => {
  it("'J' permits round-trip through the 256-byte block", () => {
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constant('hmt-residence-permit' as const),
          name: bmpText(15),
          sexCode: fc.constantFrom('1', '2'),
          birthDate: isoDate,
          address: bmpText(35),
          idNumber: bmpText(18),
          issuingAuthority: bmpText(15),
          validFrom: isoDate,
          validUntil: fc.oneof(
            fc.constant({ kind: 'long-term' as const }),
            isoDate.map((date) => ({ kind: 'date' as const, date })),
          ),
          passNumber: bmpText(9),
          issueCount: fc.integer({ min: 0, max: 99 }),
        }),
        (fields) => {
          const block = encodeTextBlock(fields);
          expect(block.ok).toBe(true);
          if (block.ok) expect(decodeTextBlock(block.value)).toMatchObject({ ok: true, value: fields });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('arbitrary 256-byte blocks and arbitrary lengths give a value or a typed error, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (block) => {
        const decoded = decodeTextBlock(block);
        if (!decoded.ok)
          expect(['unsupported-layout', 'bad-date', 'bad-number']).toContain(decoded.error.code);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (block) => {
        const decoded = decodeTextBlock(block);
        if (block.length !== 256)
          expect(decoded).toEqual({ ok: false, error: { code: 'wrong-length', length: block.length } });
      }),
    );
  });
});
