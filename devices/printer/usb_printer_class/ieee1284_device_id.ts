/**
 * IEEE 1284 device ID, as returned by the USB printer class GET_DEVICE_ID request (protocols.md §4):
 * a 2-byte big-endian length that counts itself, then `KEY:value;` pairs. Keys are case-insensitive and have
 * long and short spellings (MFG/MANUFACTURER, MDL/MODEL, CMD/COMMAND SET, CLS/CLASS, DES/DESCRIPTION, SN/SERN).
 */

import { err, ok, type Result } from '../../../lib/result.js';
export interface DeviceId {
  manufacturer: string;
  model: string;
  /** CMD: split on commas, e.g. ['ESC/POS'] or ['PCL', 'PDF', 'POSTSCRIPT']. */
  commandSet: string[];
  deviceClass: string | undefined;
  description: string | undefined;
  serialNumber: string | undefined;
  /** Every pair, keys upper-cased, in the device's own spelling. */
  fields: ReadonlyMap<string, string>;
}

export type DeviceIdError =
  | { code: 'too-short'; length: number }
  | { code: 'bad-length'; declared: number; received: number }
  | { code: 'not-text'; offset: number }
  | { code: 'missing-manufacturer' }
  | { code: 'missing-model' };

export type DeviceIdResult<T> = Result<T, DeviceIdError>;

/** CUPS rejects a declared length under this: the shortest useful ID is "MFG:x;MDL:y;" plus the 2 length bytes. */
const MIN_DEVICE_ID_LENGTH = 14;

/**
 * Strip the length prefix of a GET_DEVICE_ID reply. Like CUPS (`backend/usb-libusb.c`, `ieee1284.c`), a length
 * that is too large or too small read big-endian is re-read little-endian, since some printers send it LE.
 */
export function decodeDeviceIdReply(reply: Uint8Array): DeviceIdResult<string> {
  if (reply.length < 2) return err({ code: 'too-short', length: reply.length });
  const bigEndian = (reply[0]! << 8) | reply[1]!;
  let length = bigEndian;
  if (length > reply.length || length < MIN_DEVICE_ID_LENGTH) length = (reply[1]! << 8) | reply[0]!;
  if (length > reply.length || length < MIN_DEVICE_ID_LENGTH) {
    return err({ code: 'bad-length', declared: bigEndian, received: reply.length });
  }
  let text = '';
  for (let i = 2; i < length; i++) text += String.fromCharCode(reply[i]!);
  return ok(text);
}

const keyAliases: Record<string, string> = {
  MANUFACTURER: 'MFG',
  MODEL: 'MDL',
  'COMMAND SET': 'CMD',
  CLASS: 'CLS',
  DESCRIPTION: 'DES',
  SERN: 'SN',
  SERIALNUMBER: 'SN',
};

/**
 * Parse a device ID string. Tolerates what printers really send (trailing NULs and blanks, a missing final `;`,
 * pairs without a colon, which are skipped); rejects control characters and IDs without manufacturer or model.
 */
export function parseDeviceId(text: string): DeviceIdResult<DeviceId> {
  const trimmed = text.replace(/[\0\s]+$/u, '');
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return err({ code: 'not-text', offset: i });
  }
  const fields = new Map<string, string>();
  const canonical = new Map<string, string>();
  for (const segment of trimmed.split(';')) {
    const colon = segment.indexOf(':');
    if (colon < 0) continue;
    const key = segment.slice(0, colon).trim().toUpperCase();
    const value = segment.slice(colon + 1).trim();
    if (key === '') continue;
    fields.set(key, value);
    const short = keyAliases[key] ?? key;
    // The short spelling wins when a device sends both.
    if (!canonical.has(short) || short === key) canonical.set(short, value);
  }
  const manufacturer = canonical.get('MFG');
  const model = canonical.get('MDL');
  if (!manufacturer) return err({ code: 'missing-manufacturer' });
  if (!model) return err({ code: 'missing-model' });
  const command = canonical.get('CMD') ?? '';
  return ok({
    manufacturer,
    model,
    commandSet: command
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    deviceClass: canonical.get('CLS'),
    description: canonical.get('DES'),
    serialNumber: canonical.get('SN'),
    fields,
  });
}

/** Whether the printer takes PDF directly (a PDF entry such as `PDF` or `PDF17` in its command set). */
export function acceptsPdf(id: DeviceId): boolean {
  return id.commandSet.some((c) => /^PDF/i.test(c));
}

/** Whether the printer speaks ESC/POS. */
export function speaksEscPos(id: DeviceId): boolean {
  return id.commandSet.some((c) => /^ESC\/?POS/i.test(c));
}

/** Build a GET_DEVICE_ID reply (length prefix included), as a device would send it. */
export function encodeDeviceIdReply(text: string): Uint8Array {
  const length = text.length + 2;
  const out = new Uint8Array(length);
  out[0] = length >> 8;
  out[1] = length & 0xff;
  for (let i = 0; i < text.length; i++) out[i + 2] = text.charCodeAt(i) & 0xff;
  return out;
}
