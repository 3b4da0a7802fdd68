/**
 * Staff debug commands for a CCID reader, for the `balcao` bin (the lead wires argument parsing and I/O).
 * Each returns the JSON to print and the exit code: 0 done, 2 no card, 4 reader unreachable, 1 other failure.
 * Nothing personal is printed: ATR, interface kind and the contactless UID identify the chip, not the holder
 * (eMRTDs use random UIDs).
 */
import type { ApduFailure } from '../iso7816/apdu_channel.js';
import type { CcidReader } from './ccid_reader.js';

export interface CliOutput {
  json: string;
  exitCode: number;
}

const toHex = (bytes: Uint8Array) =>
  [...bytes].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(' ');

function exitCodeOf(error: ApduFailure | { code: 'bad-atr' }): number {
  switch (error.code) {
    case 'no-card':
    case 'card-removed':
      return 2;
    case 'disconnected':
    case 'timeout':
      return 4;
    default:
      return 1;
  }
}

/** `balcao ccid status`: whether a card is in the slot, without powering it. */
export async function ccidSlotStatus(reader: CcidReader): Promise<CliOutput> {
  const status = await reader.getSlotStatus();
  if (!status.ok)
    return {
      json: JSON.stringify({ ok: false, error: status.error }, null, 2),
      exitCode: exitCodeOf(status.error),
    };
  return {
    json: JSON.stringify({ ok: true, icc: status.value.icc, state: reader.state }, null, 2),
    exitCode: 0,
  };
}

/** `balcao ccid card`: powers the card, prints its ATR, contact/contactless kind and (contactless) UID. */
export async function ccidCardInfo(reader: CcidReader): Promise<CliOutput> {
  const powered = await reader.powerOn();
  if (!powered.ok) {
    return {
      json: JSON.stringify({ ok: false, error: powered.error }, null, 2),
      exitCode: exitCodeOf(powered.error),
    };
  }
  const atr = powered.value;
  const info: Record<string, unknown> = {
    ok: true,
    atr: toHex(atr.bytes),
    interface: atr.interface,
    protocols: atr.protocols.map((protocol) => `T=${protocol}`),
    historical: toHex(atr.historical),
  };
  if (atr.interface.kind !== 'contact') {
    // PC/SC GET DATA: the reader, not the card, answers with the UID (protocols.md §3.4).
    const uid = await reader.transmit(Uint8Array.of(0xff, 0xca, 0x00, 0x00, 0x00));
    if (uid.ok && uid.value.length >= 2) {
      const sw = (uid.value[uid.value.length - 2]! << 8) | uid.value[uid.value.length - 1]!;
      info.uid = sw === 0x9000 ? toHex(uid.value.subarray(0, -2)) : null;
    }
  }
  return { json: JSON.stringify(info, null, 2), exitCode: 0 };
}
