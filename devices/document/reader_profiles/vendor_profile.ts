/**
 * A vendor profile reads one kind of identity document through whatever the reader offers (a chip channel, OCR
 * lines of the printed zone) and returns typed fields or `unsupported`. The kiosk asks profiles in order and
 * uses the first that supports the document; profiles never import each other or a specific reader driver.
 */

import { err, type Result } from '../../../lib/result.js';
import type { ApduChannel } from '../iso7816/apdu_channel.js';

export type Sex = 'male' | 'female' | 'unspecified';

/** What a kiosk flow needs to identify a resident; dates are ISO (YYYY-MM-DD) when known. */
export interface IdentityFields {
  profile: string;
  source: 'chip' | 'ocr';
  documentType: string;
  documentNumber: string;
  /** As printed: family name and given names when the document separates them, otherwise `fullName` only. */
  surname?: string;
  givenNames?: string;
  fullName: string;
  /** Issuing state or organisation (ICAO 3-letter code, e.g. CHN; Macao SAR uses MAC on its travel documents). */
  issuer?: string;
  nationality?: string;
  birthDate?: string;
  sex: Sex;
  expiryDate?: string;
}

export type ProfileReadError =
  /** This profile cannot read this document on this reader (layout not public, capability missing). */
  | { code: 'unsupported'; reason: string }
  | { code: 'no-document' }
  | { code: 'invalid-ocr'; detail: string }
  | { code: 'read-failed'; detail: string };

export type ProfileReadResult = Result<IdentityFields, ProfileReadError>;

export type OcrLinesResult = Result<
  readonly string[],
  { code: 'no-document' } | { code: 'read-failed'; detail: string }
>;

/** What a document reader can offer a profile; each capability is optional because readers differ. */
export interface ReaderCapabilities {
  /** Contact/contactless chip access (a CCID reader). */
  chip?: ApduChannel;
  /** Text lines a full-page reader's OCR found in the machine-readable zone, top to bottom. */
  readOcrLines?: () => Promise<OcrLinesResult>;
}

export interface VendorReaderProfile {
  readonly id: string;
  readIdentity(reader: ReaderCapabilities): Promise<ProfileReadResult>;
}

/** Asks each profile in turn; the first answer that is not `unsupported` wins. */
export async function readWithProfiles(
  profiles: readonly VendorReaderProfile[],
  reader: ReaderCapabilities,
): Promise<ProfileReadResult> {
  const reasons: string[] = [];
  for (const profile of profiles) {
    const result = await profile.readIdentity(reader);
    if (result.ok || result.error.code !== 'unsupported') return result;
    reasons.push(`${profile.id}: ${result.error.reason}`);
  }
  return err({ code: 'unsupported', reason: reasons.join('; ') || 'no profile configured' });
}
