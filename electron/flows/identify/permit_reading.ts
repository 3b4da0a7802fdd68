import { createGa467Profile, type ManagedGa467Reader } from '../../../devices/document/index.js';
import { err, ok, type Result } from '../../../lib/result.js';

/**
 * The Residence Permit for Hong Kong and Macao Residents (港澳居民居住證), read by the GA 467 reader of a Hengqin
 * terminal. The reader's SAM authenticates the card itself (the text it releases is what the card's chip signed for
 * it), so there is no passive authentication step here; the kiosk still checks that the card is a residence permit
 * (type 'J': not a Mainland resident ID card, not a foreigner's permit) and that it is within its validity.
 */

/** What the permit says. Personal data: held by the identification for the session only. */
export interface PermitIdentity {
  /** 18 digits, Mainland ID format, 820000… for Macao residents. */
  number: string;
  /** In Chinese characters, as printed. */
  fullName: string;
  birthDate: string | undefined;
  expiryDate: string | undefined;
  sex: 'female' | 'male' | 'unspecified';
}

export type PermitRefusal =
  | { code: 'card-removed' }
  | { code: 'unreadable'; detail: string }
  /** A card the SAM read but that is no residence permit for Macao residents. */
  | { code: 'not-a-residence-permit' }
  | { code: 'expired' };

export async function readPermit(
  reader: ManagedGa467Reader,
  today: string,
): Promise<Result<PermitIdentity, PermitRefusal>> {
  const read = await createGa467Profile(reader).readIdentity({});
  if (!read.ok) {
    const { error } = read;
    switch (error.code) {
      case 'no-document':
        return err({ code: 'card-removed' });
      case 'unsupported':
        return err({ code: 'not-a-residence-permit' });
      case 'read-failed':
        return err({ code: 'unreadable', detail: error.detail });
      case 'invalid-ocr':
        return err({ code: 'unreadable', detail: 'invalid-ocr' });
      default: {
        const unreachable: never = error;
        return unreachable;
      }
    }
  }
  const fields = read.value;
  if (fields.documentType !== 'cn-hmt-residence-permit') return err({ code: 'not-a-residence-permit' });
  // Valid through its expiry date; a permit "valid for a long time" carries no date and never expires.
  if (fields.expiryDate !== undefined && fields.expiryDate < today) return err({ code: 'expired' });
  return ok({
    number: fields.documentNumber,
    fullName: fields.fullName,
    birthDate: fields.birthDate,
    expiryDate: fields.expiryDate,
    sex: fields.sex,
  });
}
