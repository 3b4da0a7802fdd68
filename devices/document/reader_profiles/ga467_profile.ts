/**
 * The vendor-profile face of a GA 467 reader: Mainland resident ID cards, Hong Kong/Macao/Taiwan residents'
 * residence permits ('J') and foreigners' permanent residence permits ('I') become the same `IdentityFields` as any
 * other document, so a kiosk flow that identifies a resident does not care which reader the card went on.
 */
import type { Ga467Result, IdentityRead } from '../ga467/ga467_reader.js';
import type { IdentityText } from '../ga467/text_block.js';
import type { IdentityFields, ProfileReadResult, VendorReaderProfile } from './vendor_profile.js';

export const GA467_PROFILE_ID = 'ga467-id-card';

/** The part of a GA 467 reader this profile uses (`Ga467Reader` and `ManagedGa467Reader` both fit). */
export interface Ga467IdentitySource {
  readIdentity(options?: { fingerprint?: boolean }): Promise<Ga467Result<IdentityRead>>;
}

export function identityFieldsFromGa467(text: IdentityText): IdentityFields {
  const base = {
    profile: GA467_PROFILE_ID,
    source: 'chip' as const,
    sex: text.sex,
    birthDate: text.birthDate,
  };
  const expiry = text.validUntil.kind === 'date' ? { expiryDate: text.validUntil.date } : {};
  switch (text.kind) {
    case 'resident-id-card':
      return {
        ...base,
        ...expiry,
        documentType: 'cn-resident-id-card',
        documentNumber: text.idNumber,
        fullName: text.name,
        issuer: 'CHN',
        nationality: 'CHN',
      };
    case 'hmt-residence-permit':
      return {
        ...base,
        ...expiry,
        documentType: 'cn-hmt-residence-permit',
        documentNumber: text.idNumber,
        fullName: text.name,
        issuer: 'CHN',
        nationality: 'CHN',
      };
    case 'foreigner-permanent-residence':
      return {
        ...base,
        ...expiry,
        documentType: 'cn-foreigner-permanent-residence-permit',
        documentNumber: text.permitNumber,
        fullName: text.englishName,
        issuer: 'CHN',
        nationality: text.nationalityCode,
      };
    default: {
      const unreachable: never = text;
      return unreachable;
    }
  }
}

export function createGa467Profile(source: Ga467IdentitySource): VendorReaderProfile {
  return {
    id: GA467_PROFILE_ID,
    async readIdentity(): Promise<ProfileReadResult> {
      const read = await source.readIdentity();
      if (read.ok) return { ok: true, value: identityFieldsFromGa467(read.value.text) };
      const { error } = read;
      switch (error.code) {
        case 'no-card':
          return { ok: false, error: { code: 'no-document' } };
        case 'sam-status':
          if (error.name === 'unrecognised-card-type')
            return { ok: false, error: { code: 'unsupported', reason: 'card type not readable by the SAM' } };
          return { ok: false, error: { code: 'read-failed', detail: error.name } };
        case 'bad-text':
          if (error.error.code === 'unsupported-layout') {
            return {
              ok: false,
              error: { code: 'unsupported', reason: `text layout '${error.error.typeFlag}'` },
            };
          }
          return { ok: false, error: { code: 'read-failed', detail: error.error.code } };
        default:
          return { ok: false, error: { code: 'read-failed', detail: error.code } };
      }
    },
  };
}
