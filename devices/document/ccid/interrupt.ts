/**
 * CCID interrupt-IN messages (CCID Rev 1.1 §6.3). Plain USB readers send them without the 10-byte header
 * (SpringCard's serial/TCP variants add one; we do not handle those here).
 * - RDR_to_PC_NotifySlotChange `50 bmSlotICCState…`: two bits per slot, LSB first — bit 2n = slot n has a card,
 *   bit 2n+1 = slot n changed since the last notification (libccid: interrupt_mask = 0x02 << 2*(slot%4)).
 * - RDR_to_PC_HardwareError `51 bSlot bSeq bHardwareErrorCode` (01 = overcurrent).
 */

import { err, ok, type Result } from '../../../lib/result.js';
export const NOTIFY_SLOT_CHANGE = 0x50;
export const HARDWARE_ERROR = 0x51;

export interface SlotChange {
  present: boolean;
  changed: boolean;
}

export type InterruptMessage =
  | { type: 'NotifySlotChange'; slots: SlotChange[] }
  | { type: 'HardwareError'; slot: number; seq: number; errorCode: number; error: 'overcurrent' | 'unknown' };

export type InterruptDecodeError =
  | { code: 'empty' }
  | { code: 'unknown-message-type'; messageType: number }
  | { code: 'bad-length'; messageType: number; length: number };

export type InterruptDecodeResult = Result<InterruptMessage, InterruptDecodeError>;

/** `slotCount` trims the padding slots of the last byte (a one-slot reader still sends a whole byte). */
export function decodeInterrupt(bytes: Uint8Array, slotCount?: number): InterruptDecodeResult {
  const messageType = bytes[0];
  if (messageType === undefined) return err({ code: 'empty' });
  switch (messageType) {
    case NOTIFY_SLOT_CHANGE: {
      if (bytes.length < 2) return err({ code: 'bad-length', messageType, length: bytes.length });
      const slots: SlotChange[] = [];
      for (let index = 1; index < bytes.length; index++) {
        const byte = bytes[index]!;
        for (let pair = 0; pair < 4; pair++) {
          slots.push({
            present: ((byte >> (2 * pair)) & 1) === 1,
            changed: ((byte >> (2 * pair + 1)) & 1) === 1,
          });
        }
      }
      const count = slotCount === undefined ? slots.length : Math.min(slotCount, slots.length);
      return ok({ type: 'NotifySlotChange', slots: slots.slice(0, count) });
    }
    case HARDWARE_ERROR: {
      if (bytes.length !== 4) return err({ code: 'bad-length', messageType, length: bytes.length });
      const errorCode = bytes[3]!;
      return ok({
        type: 'HardwareError',
        slot: bytes[1]!,
        seq: bytes[2]!,
        errorCode,
        error: errorCode === 0x01 ? 'overcurrent' : 'unknown',
      });
    }
    default:
      return err({ code: 'unknown-message-type', messageType });
  }
}

export function encodeNotifySlotChange(slots: readonly SlotChange[]): Uint8Array {
  const out = new Uint8Array(1 + Math.max(1, Math.ceil(slots.length / 4)));
  out[0] = NOTIFY_SLOT_CHANGE;
  slots.forEach((slot, index) => {
    const bits = (slot.present ? 1 : 0) | (slot.changed ? 2 : 0);
    const byteIndex = 1 + Math.floor(index / 4);
    out[byteIndex] = out[byteIndex]! | (bits << (2 * (index % 4)));
  });
  return out;
}

export function encodeHardwareError(slot: number, seq: number, errorCode: number): Uint8Array {
  return Uint8Array.of(HARDWARE_ERROR, slot & 0xff, seq & 0xff, errorCode & 0xff);
}
