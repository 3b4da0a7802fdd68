import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from './mrz_check_digit.js';
import { parseMrzDate } from './mrz_dates.js';
import { bacInputFromMrz, bacInputFromTyped, mrzInformation } from './mrz_information.js';
import { decodeMrz, type MrzReason, parseMrz, splitMrzText } from './mrz_parser.js';

const today = new Date('2026-11-27T00:00:00Z');
const opts = { today };

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
const TD3_BAC = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C<3UTO6908061F9406236ZE184226B<<<<<14',
];
const TD1_LONG = [
  'I<UTOD23145890<7349<<<<<<<<<<<',
  '3407127M9507122UTO<<<<<<<<<<<2',
  'STEVENSON<<PETER<JOHN<<<<<<<<<',
];
const TD2_LONG = ['I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<', 'D23145890<UTO3407127M95071227349<<<8'];

function parsed(lines: string[]) {
  const result = parseMrz(lines, opts);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('check digits (9303-3 Appendix A)', () => {
  it.each([
    ['520727', 3],
    ['AB2134<<<', 5],
    ['HA672242<658022549601086<<<<<<<<<<<<<<0', 8],
    ['D231458907<<<<<<<<<<<<<<<34071279507122<<<<<<<<<<<', 2],
    ['HA672242<658022549601086<<<<<<<0', 8],
    ['123456BB', 5],
  ])('%s → %i', (input, digit) => {
    expect(computeCheckDigit(input)).toBe(digit);
  });
});

describe('Utopia specimens', () => {
  it('TD3 (Part 4): fields, every check digit, name and dates', () => {
    const mrz = parsed(TD3);
    expect(mrz.format).toBe('TD3');
    expect(mrz.documentCode).toBe('P<');
    expect(mrz.issuingState).toBe('UTO');
    expect(mrz.documentNumber).toBe('L898902C3');
    expect(mrz.nationality).toBe('UTO');
    expect(mrz.birthDate?.iso).toBe('1974-08-12');
    expect(mrz.expiryDate?.iso).toBe('2012-04-15');
    expect(mrz.sex).toBe('female');
    expect(mrz.optionalData).toBe('ZE184226B');
    expect(mrz.name).toEqual({
      primary: 'ERIKSSON',
      secondary: 'ANNA MARIA',
      full: 'ERIKSSON ANNA MARIA',
      possiblyTruncated: false,
    });
    expect(mrz.checkDigits.map((c) => [c.field, c.printed, c.valid])).toEqual([
      ['documentNumber', '6', true],
      ['birthDate', '2', true],
      ['expiryDate', '9', true],
      ['personalNumber', '1', true],
      ['composite', '0', true],
    ]);
    expect(mrzInformation(bacInputFromMrz(mrz))).toBe('L898902C3674081221204159');
  });

  it('TD2 (Part 6) and TD1 (Part 5) decode to the same person', () => {
    for (const lines of [TD2, TD1]) {
      const mrz = parsed(lines);
      expect(mrz.documentNumber).toBe('D23145890');
      expect(mrz.birthDate?.iso).toBe('1974-08-12');
      expect(mrz.expiryDate?.iso).toBe('2012-04-15');
      expect(mrz.name.full).toBe('ERIKSSON ANNA MARIA');
      expect(mrz.checkDigits.every((c) => c.valid)).toBe(true);
      expect(mrz.checkDigits.find((c) => c.field === 'composite')?.printed).toBe('6');
    }
    expect(parsed(TD1).format).toBe('TD1');
    expect(parsed(TD2).format).toBe('TD2');
  });

  it('BAC-era TD3 keeps the filler in MRZ_information (§1.6)', () => {
    const mrz = parsed(TD3_BAC);
    expect(mrz.documentNumber).toBe('L898902C');
    expect(mrz.documentNumberForBac).toBe('L898902C<');
    expect(mrz.birthDate?.iso).toBe('1969-08-06');
    expect(mrz.expiryDate?.iso).toBe('1994-06-23');
    expect(mrzInformation(bacInputFromMrz(mrz))).toBe('L898902C<369080619406236');
  });

  it('long document numbers (Part 11 D.2) in TD1 and TD2 give the same MRZ_information', () => {
    for (const lines of [TD1_LONG, TD2_LONG]) {
      const mrz = parsed(lines);
      expect(mrz.documentNumber).toBe('D23145890734');
      expect(mrz.sex).toBe('male');
      expect(mrz.birthDate?.iso).toBe('1934-07-12');
      expect(mrz.name.full).toBe('STEVENSON PETER JOHN');
      expect(mrzInformation(bacInputFromMrz(mrz))).toBe('D23145890734934071279507122');
    }
  });

  it('splits a DG1-style single string into lines', () => {
    expect(splitMrzText(TD1.join(''))).toEqual(TD1);
    expect(splitMrzText(TD3.join(''))).toEqual(TD3);
    expect(splitMrzText(`${TD2.join('\r\n')}\r\n`)).toEqual(TD2);
  });
});

describe('rejections', () => {
  const reasonsOf = (lines: string[]): MrzReason[] => {
    const result = parseMrz(lines, opts);
    return result.ok ? [] : [...result.error.reasons];
  };

  it('reports a wrong line count and a wrong line length', () => {
    expect(reasonsOf([TD3[0]!])).toEqual([{ code: 'wrong-line-count', got: 1 }]);
    expect(reasonsOf([TD3[0]!, `${TD3[1]!}<`])).toEqual([
      { code: 'wrong-line-length', line: 2, expected: 44, got: 45 },
    ]);
    expect(reasonsOf(['P<UTO', 'X'])[0]?.code).toBe('wrong-line-length');
  });

  it('reports the position of a character outside the alphabet', () => {
    const bad = [TD3[0]!, TD3[1]!.replace('ZE184226B', 'ze184226B')];
    expect(reasonsOf(bad)).toEqual([
      { code: 'bad-charset', line: 2, position: 28, character: 'z' },
      { code: 'bad-charset', line: 2, position: 29, character: 'e' },
    ]);
  });

  it('names the field whose check digit is wrong, and still decodes the rest', () => {
    const line2 = `${TD3[1]!.slice(0, 19)}3${TD3[1]!.slice(20)}`;
    expect(reasonsOf([TD3[0]!, line2])).toEqual([
      { code: 'bad-check-digit', field: 'birthDate', printed: '3', computed: 2 },
      { code: 'bad-check-digit', field: 'composite', printed: '0', computed: 3 },
    ]);
    const decoded = decodeMrz([TD3[0]!, line2], opts);
    expect(decoded.ok && decoded.value.checkDigits.filter((c) => !c.valid).map((c) => c.field)).toEqual([
      'birthDate',
      'composite',
    ]);
  });

  it('the printed BAC-era composite digits 8 and 1 fail, as protocols.md §1.6 recomputed', () => {
    const td2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L898902C<3UTO6908061F9406236<<<<<<<8'];
    expect(reasonsOf(td2)).toEqual([
      { code: 'bad-check-digit', field: 'composite', printed: '8', computed: 2 },
    ]);
  });

  it('rejects impossible dates and unknown sex codes', () => {
    const l2 = TD3_BAC[1]!;
    const month13 = `${l2.slice(0, 13)}691306${l2.slice(19)}`;
    const reasons = reasonsOf([TD3_BAC[0]!, month13]);
    expect(reasons).toContainEqual({ code: 'invalid-date', field: 'birthDate', raw: '691306' });
    const sexQ = `${l2.slice(0, 20)}Q${l2.slice(21)}`;
    expect(reasonsOf([TD3_BAC[0]!, sexQ])).toEqual([{ code: 'invalid-sex', raw: 'Q' }]);
  });
});

describe('fields without a check digit (9303-3)', () => {
  const reasonsOf = (lines: string[]): MrzReason[] => {
    const result = parseMrz(lines, opts);
    return result.ok ? [] : [...result.error.reasons];
  };
  const at = (line: string, index: number, text: string) =>
    line.slice(0, index) + text + line.slice(index + text.length);

  it('a digit in the name, issuing state, nationality or document code is invalid, naming the field', () => {
    const [l1, l2] = TD3 as [string, string];
    expect(reasonsOf([at(l1, 5, 'ERIKSS0N'), l2])).toEqual([{ code: 'letters-expected', field: 'name' }]);
    expect(reasonsOf([at(l1, 15, 'ANNA<MAR1A'), l2])).toEqual([{ code: 'letters-expected', field: 'name' }]);
    expect(reasonsOf([at(l1, 2, 'UT0'), l2])).toEqual([{ code: 'letters-expected', field: 'issuingState' }]);
    expect(reasonsOf([l1, at(l2, 10, '0TO')])).toEqual([{ code: 'letters-expected', field: 'nationality' }]);
    expect(reasonsOf([at(l1, 0, '1<'), l2])).toEqual([{ code: 'letters-expected', field: 'documentCode' }]);
    expect(reasonsOf([at(l1, 0, 'P1'), l2])).toEqual([{ code: 'letters-expected', field: 'documentCode' }]);
    const [t1, t2, t3] = TD1 as [string, string, string];
    expect(reasonsOf([t1, at(t2, 15, 'U7O'), at(t3, 0, 'ERIKSSON<<ANNA<MARIA<2')])).toEqual([
      { code: 'letters-expected', field: 'nationality' },
      { code: 'letters-expected', field: 'name' },
    ]);
  });

  it('short state codes are padded with fillers (D<<), and fillers never lead', () => {
    const [l1, l2] = TD3 as [string, string];
    expect(reasonsOf([at(l1, 2, 'D<<'), at(l2, 10, 'D<<')])).toEqual([]);
    expect(reasonsOf([at(l1, 2, '<UT'), l2])).toEqual([{ code: 'letters-expected', field: 'issuingState' }]);
    expect(reasonsOf([at(l1, 0, '<P'), l2])).toEqual([{ code: 'letters-expected', field: 'documentCode' }]);
  });
});

describe('expiry', () => {
  const on = (iso: string) => ({ today: new Date(`${iso}T12:00:00Z`) });

  it('an expired document is valid and says so; it is valid through its expiry date', () => {
    const after = parseMrz(TD3, on('2012-04-16'));
    expect(after).toMatchObject({ ok: true, value: { expired: true, expiryDate: { iso: '2012-04-15' } } });
    expect(parseMrz(TD3, on('2012-04-15'))).toMatchObject({ ok: true, value: { expired: false } });
    expect(parseMrz(TD3, opts)).toMatchObject({ ok: true, value: { expired: true } });
    expect(parseMrz(TD1_LONG, opts)).toMatchObject({ ok: true, value: { expired: true } });
  });

  it('an expiry date that cannot be read leaves expired undefined (and the MRZ invalid)', () => {
    const l2 = TD3[1]!;
    const decoded = decodeMrz([TD3[0]!, `${l2.slice(0, 21)}121332${l2.slice(27)}`], opts);
    expect(decoded.ok && decoded.value.expired).toBeUndefined();
  });
});

describe('dates and century inference', () => {
  it('puts birth dates in the past and expiry dates within the window', () => {
    expect(parseMrzDate('261127', 'birth', opts)?.iso).toBe('2026-11-27');
    expect(parseMrzDate('261128', 'birth', opts)?.iso).toBe('1926-11-28');
    expect(parseMrzDate('740812', 'birth', opts)?.iso).toBe('1974-08-12');
    expect(parseMrzDate('360101', 'expiry', opts)?.iso).toBe('2036-01-01');
    expect(parseMrzDate('940623', 'expiry', opts)?.iso).toBe('1994-06-23');
    expect(parseMrzDate('940623', 'expiry', { today, expiryYearsAhead: 70 })?.iso).toBe('2094-06-23');
    expect(parseMrzDate('000229', 'birth', opts)?.iso).toBe('2000-02-29');
    expect(parseMrzDate('010229', 'birth', opts)).toBeUndefined();
    expect(parseMrzDate('74<<<<', 'birth', opts)).toMatchObject({
      year: 1974,
      month: undefined,
      iso: undefined,
    });
    expect(parseMrzDate('74<<<<', 'expiry', opts)).toBeUndefined();
  });
});

describe('BAC input from typed values (keypad flow)', () => {
  it('pads short numbers, accepts YYYY-MM-DD, and produces the ICAO MRZ_information', () => {
    const input = bacInputFromTyped('l898902c', '1969-08-06', '940623');
    expect(input.ok && mrzInformation(input.value)).toBe('L898902C<369080619406236');
    const long = bacInputFromTyped('D23145890734', '340712', '950712');
    expect(long.ok && mrzInformation(long.value)).toBe('D23145890734934071279507122');
  });

  it('reports typed-input errors', () => {
    expect(bacInputFromTyped('  ', '690806', '940623')).toEqual({
      ok: false,
      error: { code: 'document-number-empty' },
    });
    expect(bacInputFromTyped('L89-8902', '690806', '940623')).toEqual({
      ok: false,
      error: { code: 'document-number-charset', character: '-' },
    });
    expect(bacInputFromTyped('L898902C', '6908', '940623')).toEqual({
      ok: false,
      error: { code: 'date-format', field: 'birthDate', value: '6908' },
    });
  });
});

describe('property: arbitrary input never throws', () => {
  const mrzChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<'.split(''));
  it('arbitrary strings give a typed result', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 50 }), { maxLength: 4 }), (lines) => {
        const result = parseMrz(lines, opts);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('well-shaped lines of MRZ characters always decode, and validity equals "every check passes"', () => {
    const shaped = fc
      .constantFrom({ n: 3, len: 30 }, { n: 2, len: 36 }, { n: 2, len: 44 })
      .chain(({ n, len }) =>
        fc.array(
          fc.array(mrzChar, { minLength: len, maxLength: len }).map((c) => c.join('')),
          { minLength: n, maxLength: n },
        ),
      );
    fc.assert(
      fc.property(shaped, (lines) => {
        const decoded = decodeMrz(lines, opts);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        const valid = parseMrz(lines, opts).ok;
        if (valid) expect(decoded.value.checkDigits.every((c) => c.valid)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
