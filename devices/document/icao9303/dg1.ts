/**
 * DG1: `61 L { 5F1F L <MRZ as one string> }` (9303-10 §4.7.1). The MRZ is decoded with the same parser as an
 * OCR-read MRZ; its check results are kept so a chip MRZ that disagrees with the printed one can be shown.
 */

import { err, type Result } from '../../../lib/result.js';
import { decodeTlvList, expectTlv, findChild, type TlvError } from './ber_tlv.js';
import type { CenturyOptions } from './mrz_dates.js';
import { type DecodedMrz, decodeMrz, type MrzReason, splitMrzText } from './mrz_parser.js';

export type Dg1Error =
  | { readonly code: 'dg1-tlv'; readonly tlv: TlvError }
  | { readonly code: 'dg1-mrz'; readonly reasons: readonly MrzReason[] };

export type Dg1Result = Result<DecodedMrz, Dg1Error>;

export function parseDg1(bytes: Uint8Array, options: CenturyOptions): Dg1Result {
  const outer = expectTlv(bytes, 0x61);
  if (!outer.ok) return err({ code: 'dg1-tlv', tlv: outer.error });
  const children = decodeTlvList(outer.value.value);
  if (!children.ok) return err({ code: 'dg1-tlv', tlv: children.error });
  const mrz = findChild(children.value, 0x5f1f);
  if (!mrz.ok) return err({ code: 'dg1-tlv', tlv: mrz.error });
  // latin1 maps each byte to one character; a chip's non-ASCII bytes then fail the MRZ charset check.
  const text = new TextDecoder('latin1').decode(mrz.value.value);
  const decoded = decodeMrz(splitMrzText(text), options);
  return decoded.ok ? decoded : err({ code: 'dg1-mrz', reasons: decoded.error.reasons });
}

/** Encode DG1 from MRZ lines (used by the chip simulator and tests). */
export function encodeDg1Mrz(lines: readonly string[]): Uint8Array {
  return Uint8Array.from([...lines.join('')].map((c) => c.charCodeAt(0)));
}
