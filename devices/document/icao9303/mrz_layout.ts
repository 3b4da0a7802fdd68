/**
 * Where each field sits in TD1, TD2 and TD3 lines (9303 Parts 4–6, protocols.md §1.2), which characters each check
 * digit covers, and the long-document-number rule of Part 11 D.2. Pure string slicing; validation of the values
 * is in mrz_parser.ts.
 */
import { computeCheckDigit } from './mrz_check_digit.js';
import { parseMrzName } from './mrz_names.js';
import type { CheckDigitResult, CheckedField, MrzFields, MrzFormat } from './mrz_parser.js';

function check(field: CheckedField, data: string, printed: string): CheckDigitResult {
  const computed = computeCheckDigit(data);
  return { field, printed, computed, valid: computed !== undefined && printed === String(computed) };
}

function withoutFillers(text: string): string {
  return text.replace(/<+$/, '').replace(/</g, ' ');
}

/**
 * A document number longer than 9 characters: the CD position holds `<`, and the optional field starts with the
 * overflow characters followed by the real check digit and a filler (9303-11 D.2, TD1/TD2 only).
 */
function documentNumberOf(
  first9: string,
  cdPosition: string,
  optional: string,
): { number: string; cd: string; rest: string } {
  if (cdPosition === '<' && /^[0-9A-Z]/.test(optional)) {
    const end = optional.indexOf('<') === -1 ? optional.length : optional.indexOf('<');
    const overflow = optional.slice(0, end);
    return { number: first9 + overflow.slice(0, -1), cd: overflow.slice(-1), rest: optional.slice(end) };
  }
  return { number: first9, cd: cdPosition, rest: optional };
}

export function decodeFields(
  format: MrzFormat,
  l: readonly string[],
): { fields: Omit<MrzFields, 'birthDate' | 'expiryDate' | 'sex'>; checks: CheckDigitResult[] } {
  const l1 = l[0]!;
  const l2 = l[1]!;
  const documentCode = l1.slice(0, 2);
  const issuingState = l1.slice(2, 5);
  if (format === 'TD1') {
    const doc = documentNumberOf(l1.slice(5, 14), l1[14]!, l1.slice(15, 30));
    const checks = [
      check('documentNumber', doc.number, doc.cd),
      check('birthDate', l2.slice(0, 6), l2[6]!),
      check('expiryDate', l2.slice(8, 14), l2[14]!),
      check('composite', l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2[29]!),
    ];
    const fields = {
      format,
      documentCode,
      issuingState,
      documentNumber: withoutFillers(doc.number),
      documentNumberForBac: doc.number,
      nationality: l2.slice(15, 18),
      birthDateRaw: l2.slice(0, 6),
      sexRaw: l2[7]!,
      expiryDateRaw: l2.slice(8, 14),
      name: parseMrzName(l[2]!),
      optionalData: withoutFillers(doc.rest).trim(),
      optionalData2: withoutFillers(l2.slice(18, 29)),
    };
    return { fields, checks };
  }
  const common = {
    format,
    documentCode,
    issuingState,
    nationality: l2.slice(10, 13),
    birthDateRaw: l2.slice(13, 19),
    sexRaw: l2[20]!,
    expiryDateRaw: l2.slice(21, 27),
    name: parseMrzName(l1.slice(5)),
    optionalData2: '',
  };
  if (format === 'TD2') {
    const doc = documentNumberOf(l2.slice(0, 9), l2[9]!, l2.slice(28, 35));
    const checks = [
      check('documentNumber', doc.number, doc.cd),
      check('birthDate', l2.slice(13, 19), l2[19]!),
      check('expiryDate', l2.slice(21, 27), l2[27]!),
      check('composite', l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35), l2[35]!),
    ];
    return {
      fields: {
        ...common,
        documentNumber: withoutFillers(doc.number),
        documentNumberForBac: doc.number,
        optionalData: withoutFillers(doc.rest).trim(),
      },
      checks,
    };
  }
  const personal = l2.slice(28, 42);
  const personalCd = l2[42]!;
  // An empty personal number may carry `<` as its check digit (9303-4 §4.2.2); `0` is also valid then.
  const personalCheck: CheckDigitResult =
    /^<+$/.test(personal) && personalCd === '<'
      ? { field: 'personalNumber', printed: '<', computed: 0, valid: true }
      : check('personalNumber', personal, personalCd);
  const checks = [
    check('documentNumber', l2.slice(0, 9), l2[9]!),
    check('birthDate', l2.slice(13, 19), l2[19]!),
    check('expiryDate', l2.slice(21, 27), l2[27]!),
    personalCheck,
    check('composite', l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), l2[43]!),
  ];
  return {
    fields: {
      ...common,
      documentNumber: withoutFillers(l2.slice(0, 9)),
      documentNumberForBac: l2.slice(0, 9),
      optionalData: withoutFillers(personal),
    },
    checks,
  };
}
