/**
 * MRZ_information, the BAC key seed input (9303-11 §9.7.2 / D.2):
 * document number (fillers kept, at least 9 characters) + CD + birth date + CD + expiry date + CD.
 * Built either from a decoded MRZ or from values a resident types on the kiosk keypad.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import { computeCheckDigit } from './mrz_check_digit.js';
import type { DecodedMrz } from './mrz_parser.js';

/** The three values BAC needs, already normalised. */
export interface BacMrzInput {
  /** Document number with `<` fillers up to 9 characters (or longer, for long numbers). */
  readonly documentNumber: string;
  /** YYMMDD. */
  readonly birthDate: string;
  /** YYMMDD. */
  readonly expiryDate: string;
}

export type TypedMrzInputError =
  | { readonly code: 'document-number-empty' }
  | { readonly code: 'document-number-charset'; readonly character: string }
  | { readonly code: 'document-number-too-long'; readonly length: number }
  | { readonly code: 'date-format'; readonly field: 'birthDate' | 'expiryDate'; readonly value: string };

export type TypedMrzInputResult = Result<BacMrzInput, TypedMrzInputError>;

/** 9303 allows up to 22 characters for a TD1/TD2 document number (9 + 13 in the optional field). */
const MAX_DOCUMENT_NUMBER = 22;

export function bacInputFromMrz(mrz: DecodedMrz): BacMrzInput {
  return {
    documentNumber: mrz.documentNumberForBac,
    birthDate: mrz.birthDateRaw,
    expiryDate: mrz.expiryDateRaw,
  };
}

function normaliseDate(value: string): string {
  // Keypads and forms also produce YYYY-MM-DD or DD/MM/YY-free digits; BAC needs YYMMDD.
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits.slice(2) : digits;
}

/**
 * From typed input: spaces and case are forgiven, fillers are added, a date may be YYMMDD or YYYY-MM-DD.
 * The result is what BAC needs, not a full MRZ (no names), for the "type your document number" flow.
 */
export function bacInputFromTyped(
  documentNumber: string,
  birthDate: string,
  expiryDate: string,
): TypedMrzInputResult {
  const compact = documentNumber.toUpperCase().replace(/\s/g, '').replace(/<+$/, '');
  if (compact.length === 0) return err({ code: 'document-number-empty' });
  const bad = [...compact].find((c) => !/[0-9A-Z<]/.test(c));
  if (bad !== undefined) return err({ code: 'document-number-charset', character: bad });
  if (compact.length > MAX_DOCUMENT_NUMBER) {
    return err({ code: 'document-number-too-long', length: compact.length });
  }
  const birth = normaliseDate(birthDate);
  const expiry = normaliseDate(expiryDate);
  if (!/^\d{6}$/.test(birth)) return err({ code: 'date-format', field: 'birthDate', value: birthDate });
  if (!/^\d{6}$/.test(expiry)) return err({ code: 'date-format', field: 'expiryDate', value: expiryDate });
  return ok({ documentNumber: compact.padEnd(9, '<'), birthDate: birth, expiryDate: expiry });
}

function withCheckDigit(field: string): string {
  const digit = computeCheckDigit(field);
  if (digit === undefined) throw new Error(`MRZ_information field outside the MRZ alphabet: ${field}`);
  return field + String(digit);
}

/** The MRZ_information string, e.g. `L898902C<369080619406236`. */
export function mrzInformation(input: BacMrzInput): string {
  const documentNumber = input.documentNumber.padEnd(9, '<');
  return withCheckDigit(documentNumber) + withCheckDigit(input.birthDate) + withCheckDigit(input.expiryDate);
}
