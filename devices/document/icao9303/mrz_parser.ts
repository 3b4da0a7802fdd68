/**
 * Decode and validate the machine readable zone of TD1 (3×30), TD2 (2×36) and TD3 (2×44) documents, field layout
 * per ICAO 9303 Parts 4–6 (see protocols.md §1.2). Every check digit is reported on its own, so staff and the CLI
 * can see which field is wrong; `parseMrz` turns any failed check into a typed rejection.
 *
 * Fields without a check digit are defined by 9303-3 all the same, and a digit in them means a misread or a
 * forgery: the document code is a letter and a letter or filler (`P<`, `ID`); issuing state and nationality are
 * three-letter codes, shorter ones padded with fillers (`D<<`); names are letters and fillers only.
 * Expiry is not validity: an expired document's MRZ is valid and carries `expired: true`, so a flow can refuse
 * it with its own message.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import { isMrzCharacter } from './mrz_check_digit.js';
import { type CenturyOptions, isExpired, type MrzDate, parseMrzDate } from './mrz_dates.js';
import { decodeFields } from './mrz_layout.js';
import type { MrzName } from './mrz_names.js';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';
export type CheckedField = 'documentNumber' | 'birthDate' | 'expiryDate' | 'personalNumber' | 'composite';
export type MrzSex = 'female' | 'male' | 'unspecified';

export interface CheckDigitResult {
  readonly field: CheckedField;
  /** The character printed in the check-digit position. */
  readonly printed: string;
  /** The digit computed over the field (undefined only if the field holds characters outside the alphabet). */
  readonly computed: number | undefined;
  readonly valid: boolean;
}

export interface MrzFields {
  readonly format: MrzFormat;
  readonly documentCode: string;
  readonly issuingState: string;
  /** Without fillers; may be longer than 9 characters (9303-11 D.2). */
  readonly documentNumber: string;
  /** As BAC needs it: 9 characters with `<` fillers kept, or the full long number. */
  readonly documentNumberForBac: string;
  readonly nationality: string;
  readonly birthDateRaw: string;
  readonly birthDate: MrzDate | undefined;
  readonly sex: MrzSex | undefined;
  readonly sexRaw: string;
  readonly expiryDateRaw: string;
  readonly expiryDate: MrzDate | undefined;
  readonly name: MrzName;
  /** TD3 personal number, TD1 optional data 1 (after a long document number), TD2 optional data; fillers removed. */
  readonly optionalData: string;
  /** TD1 optional data 2 (line 2); empty for TD2/TD3. */
  readonly optionalData2: string;
}

export interface DecodedMrz extends MrzFields {
  readonly lines: readonly string[];
  readonly checkDigits: readonly CheckDigitResult[];
  /** The expiry date lies before `today` (CenturyOptions); undefined when the expiry date cannot be read. */
  readonly expired: boolean | undefined;
}

/** Fields 9303-3 defines as letters (with fillers), which carry no check digit. */
export type LetterField = 'documentCode' | 'issuingState' | 'nationality' | 'name';

export type MrzReason =
  | { readonly code: 'wrong-line-count'; readonly got: number }
  | {
      readonly code: 'wrong-line-length';
      readonly line: number;
      readonly expected: number;
      readonly got: number;
    }
  | {
      readonly code: 'bad-charset';
      readonly line: number;
      readonly position: number;
      readonly character: string;
    }
  | {
      readonly code: 'bad-check-digit';
      readonly field: CheckedField;
      readonly printed: string;
      readonly computed: number | undefined;
    }
  | { readonly code: 'invalid-date'; readonly field: 'birthDate' | 'expiryDate'; readonly raw: string }
  | { readonly code: 'invalid-sex'; readonly raw: string }
  | { readonly code: 'letters-expected'; readonly field: LetterField }
  | { readonly code: 'missing-document-number' };

export type MrzResult<T> = Result<T, { readonly reasons: readonly MrzReason[] }>;

const LAYOUTS: Record<MrzFormat, { lines: number; length: number }> = {
  TD1: { lines: 3, length: 30 },
  TD2: { lines: 2, length: 36 },
  TD3: { lines: 2, length: 44 },
};

function detectFormat(lines: readonly string[]): MrzResult<MrzFormat> {
  const first = lines[0]?.length ?? 0;
  const format: MrzFormat | undefined =
    lines.length === 3
      ? 'TD1'
      : lines.length === 2
        ? first === 44
          ? 'TD3'
          : first === 36
            ? 'TD2'
            : undefined
        : undefined;
  if (lines.length !== 2 && lines.length !== 3) {
    return err({ reasons: [{ code: 'wrong-line-count', got: lines.length }] });
  }
  if (format === undefined) {
    return err({ reasons: [{ code: 'wrong-line-length', line: 1, expected: 44, got: first }] });
  }
  const reasons: MrzReason[] = [];
  const expected = LAYOUTS[format].length;
  lines.forEach((line, index) => {
    if (line.length !== expected)
      reasons.push({ code: 'wrong-line-length', line: index + 1, expected, got: line.length });
  });
  return reasons.length > 0 ? err({ reasons }) : ok(format);
}

function sexOf(raw: string): MrzSex | undefined {
  switch (raw) {
    case 'F':
      return 'female';
    case 'M':
      return 'male';
    case '<':
    case 'X':
      return 'unspecified';
    default:
      return undefined;
  }
}

/** Decode the structure and compute every check; fails only when lines cannot be laid out at all. */
export function decodeMrz(input: readonly string[], options: CenturyOptions): MrzResult<DecodedMrz> {
  const lines = input.map((line) => line.replace(/\r$/, ''));
  const format = detectFormat(lines);
  if (!format.ok) return format;
  const reasons: MrzReason[] = [];
  lines.forEach((line, index) => {
    for (let position = 0; position < line.length; position++) {
      if (!isMrzCharacter(line[position]!)) {
        reasons.push({ code: 'bad-charset', line: index + 1, position, character: line[position]! });
      }
    }
  });
  if (reasons.length > 0) return err({ reasons });
  const { fields, checks } = decodeFields(format.value, lines);
  const expiryDate = parseMrzDate(fields.expiryDateRaw, 'expiry', options);
  const decoded: DecodedMrz = {
    ...fields,
    birthDate: parseMrzDate(fields.birthDateRaw, 'birth', options),
    expiryDate,
    expired: isExpired(expiryDate, options.today),
    sex: sexOf(fields.sexRaw),
    lines,
    checkDigits: checks,
  };
  return ok(decoded);
}

/** What each letter field may hold (9303-3 §4.6, Parts 4–6 field tables). */
const LETTER_FIELD_PATTERNS: Readonly<Record<LetterField, RegExp>> = {
  documentCode: /^[A-Z][A-Z<]$/,
  issuingState: /^[A-Z](?:[A-Z]{2}|[A-Z]<|<<)$/,
  nationality: /^[A-Z](?:[A-Z]{2}|[A-Z]<|<<)$/,
  // The readable name: name parts separated by spaces where the MRZ had fillers.
  name: /^[A-Z ]*$/,
};

function letterFieldProblems(mrz: DecodedMrz): MrzReason[] {
  const values: Record<LetterField, string> = {
    documentCode: mrz.documentCode,
    issuingState: mrz.issuingState,
    nationality: mrz.nationality,
    name: mrz.name.full,
  };
  return (Object.keys(LETTER_FIELD_PATTERNS) as LetterField[])
    .filter((field) => !LETTER_FIELD_PATTERNS[field].test(values[field]))
    .map((field) => ({ code: 'letters-expected', field }));
}

/** Every reason a decoded MRZ is not acceptable; empty when it is valid (an expired document can be valid). */
export function mrzProblems(mrz: DecodedMrz): MrzReason[] {
  const reasons: MrzReason[] = letterFieldProblems(mrz);
  if (mrz.documentNumber.length === 0) reasons.push({ code: 'missing-document-number' });
  for (const result of mrz.checkDigits) {
    if (!result.valid)
      reasons.push({
        code: 'bad-check-digit',
        field: result.field,
        printed: result.printed,
        computed: result.computed,
      });
  }
  if (mrz.birthDate === undefined)
    reasons.push({ code: 'invalid-date', field: 'birthDate', raw: mrz.birthDateRaw });
  if (mrz.expiryDate === undefined)
    reasons.push({ code: 'invalid-date', field: 'expiryDate', raw: mrz.expiryDateRaw });
  if (mrz.sex === undefined) reasons.push({ code: 'invalid-sex', raw: mrz.sexRaw });
  return reasons;
}

/**
 * Decode and validate: ok only when the layout, the charset, the letter fields, every check digit, both dates
 * and the sex are valid.
 */
export function parseMrz(lines: readonly string[], options: CenturyOptions): MrzResult<DecodedMrz> {
  const decoded = decodeMrz(lines, options);
  if (!decoded.ok) return decoded;
  const reasons = mrzProblems(decoded.value);
  return reasons.length > 0 ? err({ reasons }) : decoded;
}

/** Split a block of text (as an OCR scanner or DG1 delivers it) into MRZ lines. */
export function splitMrzText(text: string, format?: MrzFormat): string[] {
  const trimmed = text.replace(/\r/g, '');
  if (trimmed.includes('\n')) return trimmed.split('\n').filter((line) => line.length > 0);
  const lineLength =
    format !== undefined
      ? LAYOUTS[format].length
      : trimmed.length === 90
        ? 30
        : trimmed.length === 72
          ? 36
          : 44;
  const lines: string[] = [];
  for (let offset = 0; offset < trimmed.length; offset += lineLength)
    lines.push(trimmed.slice(offset, offset + lineLength));
  return lines;
}
