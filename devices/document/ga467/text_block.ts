/**
 * The 256-byte text block of a GA 467 read (protocols.md §7.5): UCS-2LE, space (20 00) padded, fixed offsets.
 * Byte 248 tells the layout: 'J' = Hong Kong/Macao/Taiwan residents' residence permit, 'I' = foreigner's permanent
 * residence permit (2017), anything else = Mainland resident identity card. The 2023 'Y' permit rests on one
 * source and is reported as `unsupported-layout` rather than guessed.
 */

import { err, ok, type Result } from '../../../lib/result.js';
export const TEXT_BLOCK_SIZE = 256;

interface FieldSpec {
  offset: number;
  length: number;
}

const residentLayout = {
  name: { offset: 0, length: 30 },
  sexCode: { offset: 30, length: 2 },
  nationCode: { offset: 32, length: 4 },
  birthDate: { offset: 36, length: 16 },
  address: { offset: 52, length: 70 },
  idNumber: { offset: 122, length: 36 },
  issuingAuthority: { offset: 158, length: 30 },
  validFrom: { offset: 188, length: 16 },
  validUntil: { offset: 204, length: 16 },
} as const satisfies Record<string, FieldSpec>;

const permitLayout = {
  ...residentLayout,
  passNumber: { offset: 220, length: 18 },
  issueCount: { offset: 238, length: 4 },
} as const satisfies Record<string, FieldSpec>;

const foreignerLayout = {
  englishName: { offset: 0, length: 120 },
  sexCode: { offset: 120, length: 2 },
  permitNumber: { offset: 122, length: 30 },
  nationalityCode: { offset: 152, length: 6 },
  chineseName: { offset: 158, length: 30 },
  validFrom: { offset: 188, length: 16 },
  validUntil: { offset: 204, length: 16 },
  birthDate: { offset: 220, length: 16 },
  cardVersion: { offset: 236, length: 4 },
  authorityCode: { offset: 240, length: 8 },
} as const satisfies Record<string, FieldSpec>;

const TYPE_FLAG: FieldSpec = { offset: 248, length: 2 };

/** GB/T 2261.1: 1 male, 2 female; 0 unknown and 9 unspecified exist too. Anything else is not guessed. */
export type Sex = 'male' | 'female' | 'unspecified';
/** "valid until" holds either a date or the text 长期 (long-term) on cards without an end date. */
export type ValidUntil = { kind: 'date'; date: string } | { kind: 'long-term' };
export type PermitRegion = 'hong-kong' | 'macao' | 'taiwan' | 'unknown';

export interface ResidentIdCardFields {
  kind: 'resident-id-card';
  name: string;
  sexCode: string;
  /** Two digits, e.g. "01" = Han. */
  nationCode: string;
  /** ISO dates (YYYY-MM-DD). */
  birthDate: string;
  address: string;
  idNumber: string;
  issuingAuthority: string;
  validFrom: string;
  validUntil: ValidUntil;
}

export interface ResidencePermitFields extends Omit<ResidentIdCardFields, 'kind' | 'nationCode'> {
  kind: 'hmt-residence-permit';
  /** The Mainland travel permit (回乡证/台胞证) number. */
  passNumber: string;
  issueCount: number;
}

export interface ForeignerPermanentResidenceFields {
  kind: 'foreigner-permanent-residence';
  englishName: string;
  chineseName: string;
  sexCode: string;
  permitNumber: string;
  /** ISO 3166-1 alpha-3. */
  nationalityCode: string;
  birthDate: string;
  validFrom: string;
  validUntil: ValidUntil;
  cardVersion: string;
  authorityCode: string;
}

export type IdentityTextFields =
  | ResidentIdCardFields
  | ResidencePermitFields
  | ForeignerPermanentResidenceFields;

export type IdentityText =
  | (ResidentIdCardFields & { sex: Sex })
  | (ResidencePermitFields & { sex: Sex; region: PermitRegion })
  | (ForeignerPermanentResidenceFields & { sex: Sex });

export type TextBlockError =
  | { code: 'wrong-length'; length: number }
  | { code: 'unsupported-layout'; typeFlag: string }
  | { code: 'bad-date'; field: string; value: string }
  | { code: 'bad-number'; field: string; value: string }
  | { code: 'field-too-long'; field: string; maxChars: number };

export type TextBlockResult<T> = Result<T, TextBlockError>;

const LONG_TERM = '长期';
const utf16 = new TextDecoder('utf-16le');

/** Fields are padded with spaces (20 00); some writers pad with NULs instead. Both are trimmed from the end. */
function readField(block: Uint8Array, spec: FieldSpec): string {
  const text = utf16.decode(block.subarray(spec.offset, spec.offset + spec.length));
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x00)) end--;
  return text.slice(0, end);
}

function sexOf(code: string): Sex {
  if (code === '1') return 'male';
  if (code === '2') return 'female';
  return 'unspecified';
}

function regionOf(idNumber: string): PermitRegion {
  if (idNumber.startsWith('81')) return 'hong-kong';
  if (idNumber.startsWith('82')) return 'macao';
  if (idNumber.startsWith('83')) return 'taiwan';
  return 'unknown';
}

function parseDate(field: string, value: string): TextBlockResult<string> {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (match === null) return err({ code: 'bad-date', field, value });
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return err({ code: 'bad-date', field, value });
  }
  return ok(`${match[1]}-${match[2]}-${match[3]}`);
}

function parseValidUntil(value: string): TextBlockResult<ValidUntil> {
  if (value === LONG_TERM) return ok({ kind: 'long-term' });
  const date = parseDate('validUntil', value);
  return date.ok ? ok({ kind: 'date', date: date.value }) : date;
}

export function decodeTextBlock(block: Uint8Array): TextBlockResult<IdentityText> {
  if (block.length !== TEXT_BLOCK_SIZE) return err({ code: 'wrong-length', length: block.length });
  const flag = readField(block, TYPE_FLAG);
  if (flag === 'I') return decodeForeigner(block);
  if (flag !== 'J' && flag !== '') return err({ code: 'unsupported-layout', typeFlag: flag });
  const field = (name: keyof typeof permitLayout) => readField(block, permitLayout[name]);
  const birthDate = parseDate('birthDate', field('birthDate'));
  if (!birthDate.ok) return birthDate;
  const validFrom = parseDate('validFrom', field('validFrom'));
  if (!validFrom.ok) return validFrom;
  const validUntil = parseValidUntil(field('validUntil'));
  if (!validUntil.ok) return validUntil;
  const common = {
    name: field('name'),
    sexCode: field('sexCode'),
    sex: sexOf(field('sexCode')),
    birthDate: birthDate.value,
    address: field('address'),
    idNumber: field('idNumber'),
    issuingAuthority: field('issuingAuthority'),
    validFrom: validFrom.value,
    validUntil: validUntil.value,
  };
  if (flag === '') return ok({ kind: 'resident-id-card', ...common, nationCode: field('nationCode') });
  const issueCount = field('issueCount');
  if (!/^\d{1,2}$/.test(issueCount))
    return err({ code: 'bad-number', field: 'issueCount', value: issueCount });
  return ok({
    kind: 'hmt-residence-permit',
    ...common,
    region: regionOf(common.idNumber),
    passNumber: field('passNumber'),
    issueCount: Number(issueCount),
  });
}

function decodeForeigner(block: Uint8Array): TextBlockResult<IdentityText> {
  const field = (name: keyof typeof foreignerLayout) => readField(block, foreignerLayout[name]);
  const birthDate = parseDate('birthDate', field('birthDate'));
  if (!birthDate.ok) return birthDate;
  const validFrom = parseDate('validFrom', field('validFrom'));
  if (!validFrom.ok) return validFrom;
  const validUntil = parseValidUntil(field('validUntil'));
  if (!validUntil.ok) return validUntil;
  return ok({
    kind: 'foreigner-permanent-residence',
    englishName: field('englishName'),
    chineseName: field('chineseName'),
    sexCode: field('sexCode'),
    sex: sexOf(field('sexCode')),
    permitNumber: field('permitNumber'),
    nationalityCode: field('nationalityCode'),
    birthDate: birthDate.value,
    validFrom: validFrom.value,
    validUntil: validUntil.value,
    cardVersion: field('cardVersion'),
    authorityCode: field('authorityCode'),
  });
}

/** Builds the 256-byte block a card holds: what the GA 467 simulator serves, byte for byte. */
export function encodeTextBlock(fields: IdentityTextFields): TextBlockResult<Uint8Array> {
  const block = new Uint8Array(TEXT_BLOCK_SIZE);
  for (let index = 0; index < TEXT_BLOCK_SIZE; index += 2) block[index] = 0x20;
  const write = (name: string, spec: FieldSpec, value: string): TextBlockError | undefined => {
    const maxChars = spec.length / 2;
    if (value.length > maxChars) return { code: 'field-too-long', field: name, maxChars };
    for (let index = 0; index < value.length; index++) {
      const unit = value.charCodeAt(index);
      block[spec.offset + 2 * index] = unit & 0xff;
      block[spec.offset + 2 * index + 1] = unit >> 8;
    }
    return undefined;
  };
  const compact = (date: string) => date.replaceAll('-', '');
  const until = (value: ValidUntil) => (value.kind === 'long-term' ? LONG_TERM : compact(value.date));
  const entries: [string, FieldSpec, string][] = [];
  switch (fields.kind) {
    case 'resident-id-card':
    case 'hmt-residence-permit': {
      const layout = permitLayout;
      entries.push(
        ['name', layout.name, fields.name],
        ['sexCode', layout.sexCode, fields.sexCode],
        ['birthDate', layout.birthDate, compact(fields.birthDate)],
        ['address', layout.address, fields.address],
        ['idNumber', layout.idNumber, fields.idNumber],
        ['issuingAuthority', layout.issuingAuthority, fields.issuingAuthority],
        ['validFrom', layout.validFrom, compact(fields.validFrom)],
        ['validUntil', layout.validUntil, until(fields.validUntil)],
      );
      if (fields.kind === 'resident-id-card') {
        entries.push(['nationCode', layout.nationCode, fields.nationCode]);
      } else {
        entries.push(
          ['passNumber', layout.passNumber, fields.passNumber],
          ['issueCount', layout.issueCount, String(fields.issueCount).padStart(2, '0')],
          ['typeFlag', TYPE_FLAG, 'J'],
        );
      }
      break;
    }
    case 'foreigner-permanent-residence': {
      const layout = foreignerLayout;
      entries.push(
        ['englishName', layout.englishName, fields.englishName],
        ['chineseName', layout.chineseName, fields.chineseName],
        ['sexCode', layout.sexCode, fields.sexCode],
        ['permitNumber', layout.permitNumber, fields.permitNumber],
        ['nationalityCode', layout.nationalityCode, fields.nationalityCode],
        ['birthDate', layout.birthDate, compact(fields.birthDate)],
        ['validFrom', layout.validFrom, compact(fields.validFrom)],
        ['validUntil', layout.validUntil, until(fields.validUntil)],
        ['cardVersion', layout.cardVersion, fields.cardVersion],
        ['authorityCode', layout.authorityCode, fields.authorityCode],
        ['typeFlag', TYPE_FLAG, 'I'],
      );
      break;
    }
    default: {
      const unreachable: never = fields;
      return unreachable;
    }
  }
  for (const [name, spec, value] of entries) {
    const error = write(name, spec, value);
    if (error !== undefined) return err(error);
  }
  return ok(block);
}
