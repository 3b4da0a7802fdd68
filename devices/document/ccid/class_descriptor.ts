/**
 * The CCID class descriptor (USB CCID Rev 1.1 §5.1, bDescriptorType 0x21, 54 bytes) that follows the smart-card
 * interface descriptor in the configuration descriptor. The driver reads two things from it: dwMaxCCIDMessageLength
 * (how long one Bulk message may be) and the exchange level in dwFeatures (libccid CCID_CLASS_EXCHANGE_MASK 0x70000):
 * this driver speaks APDU level (short or extended); TPDU and character level readers would need T=0/T=1 block
 * handling in the host and are reported as unsupported.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type { TransferFailure, UsbTransport } from '../../transport/usb_transport.js';
import type { CcidReaderOptions } from './ccid_reader.js';

export const CCID_CLASS_DESCRIPTOR_TYPE = 0x21;
export const CCID_CLASS_DESCRIPTOR_LENGTH = 54;

export type ExchangeLevel = 'character' | 'tpdu' | 'short-apdu' | 'extended-apdu';

export interface CcidClassDescriptor {
  bcdCcid: number;
  maxSlotIndex: number;
  voltageSupport: { v5: boolean; v3: boolean; v1_8: boolean };
  protocols: { t0: boolean; t1: boolean };
  defaultClockKhz: number;
  maxIfsd: number;
  features: number;
  exchangeLevel: ExchangeLevel;
  automaticPps: boolean;
  maxMessageLength: number;
  maxBusySlots: number;
}

export type DescriptorError =
  | { code: 'wrong-length'; length: number }
  | { code: 'wrong-type'; type: number }
  | { code: 'not-found' }
  | { code: 'transfer'; error: TransferFailure };

export type DescriptorResult<T> = Result<T, DescriptorError>;

function exchangeLevelOf(features: number): ExchangeLevel {
  if ((features & 0x00040000) !== 0) return 'extended-apdu';
  if ((features & 0x00020000) !== 0) return 'short-apdu';
  if ((features & 0x00010000) !== 0) return 'tpdu';
  return 'character';
}

export function parseCcidClassDescriptor(bytes: Uint8Array): DescriptorResult<CcidClassDescriptor> {
  if (bytes.length !== CCID_CLASS_DESCRIPTOR_LENGTH || bytes[0] !== CCID_CLASS_DESCRIPTOR_LENGTH) {
    return err({ code: 'wrong-length', length: bytes[0] ?? bytes.length });
  }
  if (bytes[1] !== CCID_CLASS_DESCRIPTOR_TYPE) return err({ code: 'wrong-type', type: bytes[1]! });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const voltage = bytes[5]!;
  const protocols = view.getUint32(6, true);
  const features = view.getUint32(40, true);
  return ok({
    bcdCcid: view.getUint16(2, true),
    maxSlotIndex: bytes[4]!,
    voltageSupport: { v5: (voltage & 1) !== 0, v3: (voltage & 2) !== 0, v1_8: (voltage & 4) !== 0 },
    protocols: { t0: (protocols & 1) !== 0, t1: (protocols & 2) !== 0 },
    defaultClockKhz: view.getUint32(10, true),
    maxIfsd: view.getUint32(28, true),
    features,
    exchangeLevel: exchangeLevelOf(features),
    automaticPps: (features & 0x80) !== 0 || (features & 0x40) !== 0,
    maxMessageLength: view.getUint32(44, true),
    maxBusySlots: bytes[53]!,
  });
}

/** Walks a configuration descriptor (a chain of `bLength bDescriptorType …`) to the CCID class descriptor. */
export function findCcidClassDescriptor(configuration: Uint8Array): DescriptorResult<CcidClassDescriptor> {
  let offset = 0;
  while (offset + 2 <= configuration.length) {
    const length = configuration[offset]!;
    if (length < 2) break;
    if (configuration[offset + 1] === CCID_CLASS_DESCRIPTOR_TYPE) {
      return parseCcidClassDescriptor(configuration.subarray(offset, offset + length));
    }
    offset += length;
  }
  return err({ code: 'not-found' });
}

/** GET_DESCRIPTOR(CONFIGURATION): first the 9-byte header for wTotalLength, then the whole chain. */
export async function readCcidClassDescriptor(
  transport: UsbTransport,
  timeoutMs = 1000,
): Promise<DescriptorResult<CcidClassDescriptor>> {
  const setup = { requestType: 0x80, request: 0x06, value: 0x0200, index: 0 };
  const header = await transport.controlIn(setup, 9, timeoutMs);
  if (!header.ok) return err({ code: 'transfer', error: header.error });
  if (header.value.length < 4) return err({ code: 'wrong-length', length: header.value.length });
  const total = header.value[2]! | (header.value[3]! << 8);
  const full = await transport.controlIn(setup, total, timeoutMs);
  if (!full.ok) return err({ code: 'transfer', error: full.error });
  return findCcidClassDescriptor(full.value);
}

/** Driver options the descriptor dictates, or why this driver cannot run the reader. */
export function readerOptionsFromDescriptor(
  descriptor: CcidClassDescriptor,
): Result<CcidReaderOptions, { code: 'exchange-level-unsupported'; level: ExchangeLevel }> {
  if (descriptor.exchangeLevel === 'character' || descriptor.exchangeLevel === 'tpdu') {
    return err({ code: 'exchange-level-unsupported', level: descriptor.exchangeLevel });
  }
  return ok({
    maxMessageLength: descriptor.maxMessageLength,
    extendedApdu: descriptor.exchangeLevel === 'extended-apdu',
  });
}

/** Encodes a descriptor (for simulators): the inverse of `parseCcidClassDescriptor` for the fields it keeps. */
export function encodeCcidClassDescriptor(fields: {
  maxMessageLength: number;
  features: number;
  protocols?: number;
  maxSlotIndex?: number;
}): Uint8Array {
  const out = new Uint8Array(CCID_CLASS_DESCRIPTOR_LENGTH);
  const view = new DataView(out.buffer);
  out[0] = CCID_CLASS_DESCRIPTOR_LENGTH;
  out[1] = CCID_CLASS_DESCRIPTOR_TYPE;
  view.setUint16(2, 0x0110, true);
  out[4] = fields.maxSlotIndex ?? 0;
  out[5] = 0x07;
  view.setUint32(6, fields.protocols ?? 0x02, true);
  view.setUint32(10, 4000, true);
  view.setUint32(14, 4000, true);
  view.setUint32(19, 10752, true);
  view.setUint32(23, 10752, true);
  view.setUint32(28, 254, true);
  view.setUint32(40, fields.features, true);
  view.setUint32(44, fields.maxMessageLength, true);
  out[48] = 0xff;
  out[49] = 0xff;
  out[53] = 1;
  return out;
}

/**
 * A one-interface configuration descriptor as a simulated reader returns it to GET_DESCRIPTOR: configuration,
 * smart-card interface (class 0B, three endpoints), the CCID class descriptor, interrupt-IN, bulk-OUT, bulk-IN.
 */
export function ccidConfigurationDescriptor(maxMessageLength: number, extendedApdu: boolean): Uint8Array {
  const classDescriptor = encodeCcidClassDescriptor({
    maxMessageLength,
    // Automatic parameters (0xBE) plus short (0x20000) or extended (0x40000) APDU level.
    features: 0xbe | (extendedApdu ? 0x40000 : 0x20000),
  });
  const smartCardInterface = [0x09, 0x04, 0x00, 0x00, 0x03, 0x0b, 0x00, 0x00, 0x00];
  const interruptIn = [0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x18];
  const bulkOut = [0x07, 0x05, 0x02, 0x02, 0x40, 0x00, 0x00];
  const bulkIn = [0x07, 0x05, 0x83, 0x02, 0x40, 0x00, 0x00];
  const body = [...smartCardInterface, ...classDescriptor, ...interruptIn, ...bulkOut, ...bulkIn];
  const total = 9 + body.length;
  return Uint8Array.from([0x09, 0x02, total & 0xff, total >> 8, 0x01, 0x01, 0x00, 0x80, 0x32, ...body]);
}
