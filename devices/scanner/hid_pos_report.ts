import { err, ok, type Result } from '../../lib/result.js';
import { type AimId, parseAimId } from './aim_symbology.js';
import type { ScanError } from './scan_event.js';

/**
 * The de-facto 64-byte HID POS (usage page 0x8C) scanned-data input report of Honeywell, Zebra, Datalogic and
 * Access-IS scanners (protocols.md §6.2, Access-IS LSR118 p.68):
 *
 *   [0] report ID 0x02 | [1] data length (≤ 56) | [2..4] AIM id `]cm` | [5..60] data, zero padded |
 *   [61] vendor code ID (Honeywell) | [62] reserved | [63] bit 0 = Decode Data Continued
 *
 * Some devices put the AIM id one byte later ([3..5]); WebHidBarcodeScanner tests `data[1]` and `data[2]`
 * for ']' for that reason, and so do we. The data then starts one byte later and holds one byte less.
 */

export const HID_POS_REPORT_ID = 0x02;
export const HID_POS_REPORT_LENGTH = 64;
const CODE_ID_OFFSET = 61;
const FLAGS_OFFSET = 63;
const DATA_END = 61;

export interface HidPosFragment {
  /** Undefined when the scanner sends no AIM id (bytes 2..4 all zero): the code ID then names the symbology. */
  aim: AimId | undefined;
  /** The raw AIM bytes (`]Q1`, or '' without one), so fragments of one code can be compared. */
  aimText: string;
  data: Uint8Array;
  codeId: number;
  continued: boolean;
}

export type HidPosDecodeResult = Result<HidPosFragment, ScanError>;

export function decodeHidPosReport(report: Uint8Array): HidPosDecodeResult {
  if (report.length !== HID_POS_REPORT_LENGTH) {
    return err({ code: 'malformed-report', detail: `length ${report.length}, expected 64` });
  }
  if (report[0] !== HID_POS_REPORT_ID) {
    return err({ code: 'unexpected-report-id', detail: `report id ${report[0]}` });
  }
  const noAim = report[2] === 0 && report[3] === 0 && report[4] === 0;
  const offset = report[2] === 0x5d || noAim ? 0 : report[3] === 0x5d ? 1 : undefined;
  if (offset === undefined) return err({ code: 'missing-symbology-id' });
  const aim = noAim ? undefined : parseAimId(report.subarray(2 + offset, 5 + offset));
  if (!noAim && aim === undefined) return err({ code: 'missing-symbology-id', detail: 'bad AIM id' });
  const length = report[1]!;
  const dataStart = 5 + offset;
  if (length > DATA_END - dataStart) {
    return err({ code: 'length-out-of-range', detail: `length ${length}` });
  }
  return ok({
    aim,
    aimText: aim === undefined ? '' : `]${aim.code}${aim.modifier}`,
    data: report.slice(dataStart, dataStart + length),
    codeId: report[CODE_ID_OFFSET]!,
    continued: (report[FLAGS_OFFSET]! & 0x01) === 1,
  });
}

/** Whether a report's flags byte says more reports of the same code follow (readable even if malformed). */
export function claimsContinuation(report: Uint8Array): boolean {
  return report.length === HID_POS_REPORT_LENGTH && (report[FLAGS_OFFSET]! & 0x01) === 1;
}

export interface HidPosEncodeOptions {
  /** Vendor code ID for byte 61 (Honeywell: 0x73 QR …); 0 when the scanner sends none. */
  codeId?: number;
  /** 1 = the ']' one byte later, as some scanners do. */
  aimOffset?: 0 | 1;
}

/**
 * The reports a scanner sends for one code: 56-byte (55 with offset) chunks, continuation bit on all but the
 * last. `aimId` '' leaves bytes 2..4 zero, as a scanner with the AIM id switched off does.
 */
export function encodeHidPosReports(
  aimId: string,
  data: Uint8Array,
  options: HidPosEncodeOptions = {},
): Uint8Array[] {
  const offset = options.aimOffset ?? 0;
  const capacity = DATA_END - (5 + offset);
  const reports: Uint8Array[] = [];
  let position = 0;
  do {
    const chunk = data.subarray(position, position + capacity);
    position += chunk.length;
    const report = new Uint8Array(HID_POS_REPORT_LENGTH);
    report[0] = HID_POS_REPORT_ID;
    report[1] = chunk.length;
    for (let i = 0; i < Math.min(3, aimId.length); i++) report[2 + offset + i] = aimId.charCodeAt(i) & 0xff;
    report.set(chunk, 5 + offset);
    report[CODE_ID_OFFSET] = options.codeId ?? 0;
    report[FLAGS_OFFSET] = position < data.length ? 0x01 : 0x00;
    reports.push(report);
  } while (position < data.length);
  return reports;
}
