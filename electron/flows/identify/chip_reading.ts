import {
  type ApduChannel,
  type BacMrzInput,
  type FaceImage,
  isCardRemoved,
  type ReadEmrtdError,
  readEmrtd,
} from '../../../devices/document/index.js';
import { err, ok, type Result } from '../../../lib/result.js';
import type { IdentifiedDocument } from '../../rpc/flows/identify_contract.js';

/**
 * One eMRTD read for identification, and the kiosk's verdict on it: the chip is read (BAC with the MRZ values,
 * secure messaging, EF.COM, DG1, DG2, EF.SOD) and must pass passive authentication against the configured CSCA
 * trust store before anything in it is believed; then the document must be within its validity. The order matters:
 * a forged chip is reported as forged (a security event) even when its dates are also out of range.
 */

/** What the chip says, once it proved genuine. Personal data: held by the identification for the session only. */
export interface ChipIdentity {
  document: Extract<IdentifiedDocument, 'passport' | 'id-card'>;
  /** Without fillers, as the backend knows it. */
  number: string;
  surname: string;
  givenNames: string;
  /** As the MRZ prints it: family name first. */
  fullName: string;
  birthDate: string | undefined;
  expiryDate: string | undefined;
  sex: 'female' | 'male' | 'unspecified';
  nationality: string;
  issuer: string;
  face: FaceImage | undefined;
}

export type ChipRefusal =
  | { code: 'card-removed' }
  /** BAC failed: the MRZ values (typed or read) are not this chip's. */
  | { code: 'no-match' }
  | { code: 'unreadable'; step: ReadEmrtdError['code'] }
  | { code: 'not-genuine'; reason: string }
  | { code: 'not-verifiable' }
  | { code: 'expired' };

export interface ChipReadOptions {
  trustStore: readonly Uint8Array[];
  now: Date;
}

export async function readChip(
  chip: ApduChannel,
  bac: BacMrzInput,
  options: ChipReadOptions,
): Promise<Result<ChipIdentity, ChipRefusal>> {
  const read = await readEmrtd(chip, bac, {
    trustStore: options.trustStore,
    dataGroups: [1, 2],
    now: options.now,
  });
  if (!read.ok) {
    if (isCardRemoved(read.error)) return err({ code: 'card-removed' });
    if (read.error.code === 'access-control' && read.error.error.code === 'access-denied')
      return err({ code: 'no-match' });
    return err({ code: 'unreadable', step: read.error.code });
  }
  const { mrz, faceImage, passiveAuthentication: verdict } = read.value;
  switch (verdict.status) {
    case 'verified':
      break;
    case 'unverified':
      return err({ code: 'not-verifiable' });
    case 'failed':
      return err({ code: 'not-genuine', reason: verdict.reason });
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
  // DG1 passed its own checks when parsed; an expiry that cannot be read is not a validity we can vouch for.
  if (mrz.expired !== false) return err({ code: 'expired' });
  return ok({
    document: mrz.documentCode.startsWith('P') ? 'passport' : 'id-card',
    number: mrz.documentNumber,
    surname: mrz.name.primary,
    givenNames: mrz.name.secondary,
    fullName: mrz.name.full,
    birthDate: mrz.birthDate?.iso,
    expiryDate: mrz.expiryDate?.iso,
    sex: mrz.sex ?? 'unspecified',
    nationality: mrz.nationality.replace(/</g, ''),
    issuer: mrz.issuingState.replace(/</g, ''),
    face: faceImage,
  });
}
