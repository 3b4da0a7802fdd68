/**
 * Command functions behind the `balcao` bin (the lead wires argv to them). Pure: lines in, JSON and an exit code
 * out, so they are tested without a process.
 *
 *   balcao mrz <line1> <line2> [<line3>]   → decode and validate an MRZ
 *
 * Exit codes: 0 valid, 1 decoded but invalid (a check digit, date, sex code or letter field is wrong), 2 not an
 * MRZ layout. An expired document is valid: `expired: true` says it, against `today`.
 */
import { bacInputFromMrz, mrzInformation } from './mrz_information.js';
import { decodeMrz, mrzProblems } from './mrz_parser.js';

export interface CommandOutput {
  readonly json: unknown;
  readonly exitCode: number;
}

export function mrzCommand(lines: string[], today: Date = new Date()): CommandOutput {
  // Accept the lines as separate arguments or as one argument with line breaks; ignore surrounding spaces.
  const normalised = lines
    .flatMap((line) => line.split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const decoded = decodeMrz(normalised, { today });
  if (!decoded.ok) return { json: { valid: false, problems: decoded.error.reasons }, exitCode: 2 };
  const mrz = decoded.value;
  const problems = mrzProblems(mrz);
  const valid = problems.length === 0;
  return {
    json: {
      valid,
      format: mrz.format,
      documentCode: mrz.documentCode.replace(/</g, ''),
      issuingState: mrz.issuingState,
      documentNumber: mrz.documentNumber,
      nationality: mrz.nationality,
      birthDate: { raw: mrz.birthDateRaw, iso: mrz.birthDate?.iso ?? null },
      sex: mrz.sex ?? null,
      expiryDate: { raw: mrz.expiryDateRaw, iso: mrz.expiryDate?.iso ?? null },
      expired: mrz.expired ?? null,
      name: {
        primary: mrz.name.primary,
        secondary: mrz.name.secondary,
        full: mrz.name.full,
        possiblyTruncated: mrz.name.possiblyTruncated,
      },
      optionalData: mrz.optionalData,
      optionalData2: mrz.optionalData2,
      checkDigits: mrz.checkDigits.map((check) => ({
        field: check.field,
        printed: check.printed,
        computed: check.computed ?? null,
        valid: check.valid,
      })),
      bacMrzInformation: valid ? mrzInformation(bacInputFromMrz(mrz)) : null,
      problems,
    },
    exitCode: valid ? 0 : 1,
  };
}
