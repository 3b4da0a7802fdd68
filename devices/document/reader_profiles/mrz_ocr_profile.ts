/**
 * Reads identity from MRZ-like OCR lines that a full-page document reader supplies. The MRZ parser is injected
 * (`parseMrz`), so this folder does not depend on the ICAO 9303 module; the lead passes the ICAO helper's parser
 * through a small adapter to `MrzParser`. Here we only clean up OCR output and refuse what is plainly not an MRZ.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type {
  IdentityFields,
  ProfileReadResult,
  ReaderCapabilities,
  Sex,
  VendorReaderProfile,
} from './vendor_profile.js';

/** The subset of a parsed MRZ this profile needs; dates as ISO strings. */
export interface MrzIdentity {
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  birthDate: string;
  sex: Sex;
  expiryDate: string;
}

export type MrzParser = (lines: readonly string[]) => Result<MrzIdentity, { code: string; detail?: string }>;

/** TD1 (3 × 30), TD2 (2 × 36), TD3 (2 × 44) — ICAO 9303 Parts 4–6. */
const MRZ_SHAPES: readonly (readonly number[])[] = [
  [30, 30, 30],
  [36, 36],
  [44, 44],
];

/** OCR engines return lower case, spaces and look-alike characters; an MRZ only has A–Z, 0–9 and '<'. */
export function normaliseOcrLines(lines: readonly string[]): Result<string[], string> {
  const cleaned = lines
    .map((line) => line.toUpperCase().replace(/\s+/gu, '').replace(/[«‹]/gu, '<'))
    .filter((line) => line.length > 0);
  const bad = cleaned.find((line) => !/^[A-Z0-9<]+$/u.test(line));
  if (bad !== undefined) return err('characters outside the MRZ set');
  const shape = MRZ_SHAPES.find(
    (lengths) =>
      lengths.length === cleaned.length &&
      lengths.every((length, index) => cleaned[index]!.length === length),
  );
  if (shape === undefined) {
    return err(`line lengths ${cleaned.map((line) => line.length).join('/')} match no MRZ format`);
  }
  return ok(cleaned);
}

export function createMrzOcrProfile(options: { id?: string; parseMrz: MrzParser }): VendorReaderProfile {
  const id = options.id ?? 'mrz-ocr';
  return {
    id,
    async readIdentity(reader: ReaderCapabilities): Promise<ProfileReadResult> {
      if (reader.readOcrLines === undefined) {
        return err({ code: 'unsupported', reason: 'reader supplies no OCR lines' });
      }
      const ocr = await reader.readOcrLines();
      if (!ocr.ok) return err(ocr.error);
      const normalised = normaliseOcrLines(ocr.value);
      if (!normalised.ok) return err({ code: 'invalid-ocr', detail: normalised.error });
      const parsed = options.parseMrz(normalised.value);
      if (!parsed.ok) {
        const detail =
          parsed.error.detail === undefined
            ? parsed.error.code
            : `${parsed.error.code}: ${parsed.error.detail}`;
        return err({ code: 'invalid-ocr', detail });
      }
      const mrz = parsed.value;
      const fields: IdentityFields = {
        profile: id,
        source: 'ocr',
        documentType: mrz.documentCode,
        documentNumber: mrz.documentNumber,
        surname: mrz.surname,
        givenNames: mrz.givenNames,
        fullName: [mrz.surname, mrz.givenNames].filter((part) => part.length > 0).join(' '),
        issuer: mrz.issuingState,
        nationality: mrz.nationality,
        birthDate: mrz.birthDate,
        sex: mrz.sex,
        expiryDate: mrz.expiryDate,
      };
      return ok(fields);
    },
  };
}
