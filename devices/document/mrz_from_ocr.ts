/**
 * The values BAC needs (document number, birth date, expiry date: ICAO 9303-11 §9.7.2), taken from the printed MRZ
 * that a full-page reader's OCR window reads off the data page. OCR output is cleaned (case, spaces, look-alike
 * fillers: reader_profiles/mrz_ocr_profile.ts) and must then pass every check of a printed MRZ (layout, check digits,
 * dates): a misread line is refused here rather than sent to the chip, where it would only fail BAC.
 *
 * A reader without the window answers `no-ocr-window`; the kiosk then asks the resident to type the three values
 * (`bacInputFromTyped`).
 */
import { err, ok, type Result } from '../../lib/result.js';
import { type BacMrzInput, bacInputFromMrz } from './icao9303/mrz_information.js';
import { parseMrz } from './icao9303/mrz_parser.js';
import { normaliseOcrLines } from './reader_profiles/mrz_ocr_profile.js';
import type { ReaderCapabilities } from './reader_profiles/vendor_profile.js';

export type MrzFromOcrError =
  /** The reader has no OCR window: ask the resident to type the values. */
  | { readonly code: 'no-ocr-window' }
  /** Nothing lies on the glass (it was taken away before the OCR looked). */
  | { readonly code: 'no-document' }
  /** The OCR read something that is not a valid MRZ (a misread, a document held at an angle, no MRZ at all). */
  | { readonly code: 'unreadable'; readonly detail: string };

export async function bacInputFromOcr(
  reader: ReaderCapabilities,
  today: Date,
): Promise<Result<BacMrzInput, MrzFromOcrError>> {
  if (reader.readOcrLines === undefined) return err({ code: 'no-ocr-window' });
  const read = await reader.readOcrLines();
  if (!read.ok) {
    switch (read.error.code) {
      case 'no-document':
        return err({ code: 'no-document' });
      case 'read-failed':
        return err({ code: 'unreadable', detail: read.error.detail });
      default: {
        const unreachable: never = read.error;
        return unreachable;
      }
    }
  }
  const lines = normaliseOcrLines(read.value);
  if (!lines.ok) return err({ code: 'unreadable', detail: lines.error });
  const mrz = parseMrz(lines.value, { today });
  // The reasons name fields and check digits, never their values.
  if (!mrz.ok) return err({ code: 'unreadable', detail: mrz.error.reasons.map((r) => r.code).join(', ') });
  return ok(bacInputFromMrz(mrz.value));
}
