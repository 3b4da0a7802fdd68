/**
 * CCID Bulk-OUT (PC_to_RDR) and Bulk-IN (RDR_to_PC) messages: the 10-byte little-endian header
 * `[0] bMessageType | [1..4] dwLength LE | [5] bSlot | [6] bSeq | [7..9] message-specific | [10..] abData`
 * (USB CCID Rev 1.1 §6; libccid CCID_HEADER_SIZE 10, STATUS_OFFSET 7, ERROR_OFFSET 8, CHAIN_PARAMETER_OFFSET 9).
 * Pure functions: bytes in, typed values or typed errors out; nothing here throws on input.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import { type CcidError, decodeCcidError } from './ccid_errors.js';

export const CCID_HEADER_SIZE = 10;

export const pcToRdrTypes = {
  IccPowerOn: 0x62,
  IccPowerOff: 0x63,
  GetSlotStatus: 0x65,
  Escape: 0x6b,
  GetParameters: 0x6c,
  XfrBlock: 0x6f,
  Abort: 0x72,
} as const;

export const rdrToPcTypes = { DataBlock: 0x80, SlotStatus: 0x81, Parameters: 0x82, Escape: 0x83 } as const;

/** bPowerSelect of IccPowerOn (libccid VOLTAGE_AUTO/5V/3V/1_8V). */
export const powerSelects = ['auto', '5V', '3V', '1.8V'] as const;
export type PowerSelect = (typeof powerSelects)[number];

/**
 * wLevelParameter of XfrBlock at extended-APDU level, and bChainParameter of DataBlock: the same five values.
 * 'complete' = the whole APDU in one message; 'expect-more' (0x10) = empty, the other side should send the next part.
 */
export const chainValues = {
  complete: 0x00,
  begins: 0x01,
  ends: 0x02,
  continues: 0x03,
  'expect-more': 0x10,
} as const;
export type ChainParameter = keyof typeof chainValues;

export type PcToRdrMessage =
  | { type: 'IccPowerOn'; slot: number; seq: number; powerSelect: PowerSelect }
  | { type: 'IccPowerOff'; slot: number; seq: number }
  | { type: 'GetSlotStatus'; slot: number; seq: number }
  | { type: 'GetParameters'; slot: number; seq: number }
  | { type: 'Abort'; slot: number; seq: number }
  | { type: 'Escape'; slot: number; seq: number; data: Uint8Array }
  /** bBWI extends the block waiting time; levelParameter is the raw wLevelParameter (see `chainValues`). */
  | { type: 'XfrBlock'; slot: number; seq: number; bwi: number; levelParameter: number; data: Uint8Array };

/** bmICCStatus, bits 0–1 of bStatus. */
export type IccStatus = 'present-active' | 'present-inactive' | 'absent' | 'rfu';
const iccStatuses: readonly IccStatus[] = ['present-active', 'present-inactive', 'absent', 'rfu'];

/** bmCommandStatus, bits 6–7 of bStatus, with bError interpreted accordingly. */
export type CommandStatus =
  | { kind: 'ok' }
  | { kind: 'failed'; error: CcidError }
  /** The reader asks the host to keep waiting: bError multiplies the block/character waiting time. */
  | { kind: 'time-extension'; multiplier: number }
  | { kind: 'rfu' };

export interface SlotState {
  icc: IccStatus;
  command: CommandStatus;
}

export type ClockStatus = 'running' | 'stopped-low' | 'stopped-high' | 'stopped-unknown' | 'rfu';
const clockStatuses: readonly ClockStatus[] = ['running', 'stopped-low', 'stopped-high', 'stopped-unknown'];

export type RdrToPcMessage =
  | {
      type: 'DataBlock';
      slot: number;
      seq: number;
      state: SlotState;
      chain: ChainParameter;
      data: Uint8Array;
    }
  | { type: 'SlotStatus'; slot: number; seq: number; state: SlotState; clock: ClockStatus }
  | { type: 'Parameters'; slot: number; seq: number; state: SlotState; protocol: number; data: Uint8Array }
  | { type: 'Escape'; slot: number; seq: number; state: SlotState; data: Uint8Array };

export type CcidDecodeError =
  | { code: 'truncated-header'; length: number }
  | { code: 'truncated-data'; declared: number; actual: number; slot: number; seq: number }
  | { code: 'trailing-bytes'; declared: number; actual: number; slot: number; seq: number }
  | { code: 'unknown-message-type'; messageType: number; slot: number; seq: number }
  | { code: 'bad-chain-parameter'; value: number; slot: number; seq: number }
  | { code: 'bad-power-select'; value: number; slot: number; seq: number };

export type DecodeResult<T> = Result<T, CcidDecodeError>;

function frame(
  messageType: number,
  slot: number,
  seq: number,
  specific: [number, number, number],
  data: Uint8Array,
) {
  const out = new Uint8Array(CCID_HEADER_SIZE + data.length);
  const view = new DataView(out.buffer);
  out[0] = messageType;
  view.setUint32(1, data.length, true);
  out[5] = slot & 0xff;
  out[6] = seq & 0xff;
  out[7] = specific[0] & 0xff;
  out[8] = specific[1] & 0xff;
  out[9] = specific[2] & 0xff;
  out.set(data, CCID_HEADER_SIZE);
  return out;
}

const empty = new Uint8Array(0);

export function encodePcToRdr(message: PcToRdrMessage): Uint8Array {
  const { slot, seq } = message;
  switch (message.type) {
    case 'IccPowerOn':
      return frame(
        pcToRdrTypes.IccPowerOn,
        slot,
        seq,
        [powerSelects.indexOf(message.powerSelect), 0, 0],
        empty,
      );
    case 'IccPowerOff':
      return frame(pcToRdrTypes.IccPowerOff, slot, seq, [0, 0, 0], empty);
    case 'GetSlotStatus':
      return frame(pcToRdrTypes.GetSlotStatus, slot, seq, [0, 0, 0], empty);
    case 'GetParameters':
      return frame(pcToRdrTypes.GetParameters, slot, seq, [0, 0, 0], empty);
    case 'Abort':
      return frame(pcToRdrTypes.Abort, slot, seq, [0, 0, 0], empty);
    case 'Escape':
      return frame(pcToRdrTypes.Escape, slot, seq, [0, 0, 0], message.data);
    case 'XfrBlock': {
      const level = message.levelParameter & 0xffff;
      return frame(pcToRdrTypes.XfrBlock, slot, seq, [message.bwi, level & 0xff, level >> 8], message.data);
    }
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}

interface RawFrame {
  messageType: number;
  slot: number;
  seq: number;
  b7: number;
  b8: number;
  b9: number;
  data: Uint8Array;
}

/** Splits the header and checks dwLength against the bytes actually received. */
export function splitFrame(bytes: Uint8Array): Result<RawFrame, CcidDecodeError> {
  if (bytes.length < CCID_HEADER_SIZE) return err({ code: 'truncated-header', length: bytes.length });
  const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(1, true);
  const actual = bytes.length - CCID_HEADER_SIZE;
  const slot = bytes[5]!;
  const seq = bytes[6]!;
  if (actual < declared) return err({ code: 'truncated-data', declared, actual, slot, seq });
  if (actual > declared) return err({ code: 'trailing-bytes', declared, actual, slot, seq });
  return ok({
    messageType: bytes[0]!,
    slot,
    seq,
    b7: bytes[7]!,
    b8: bytes[8]!,
    b9: bytes[9]!,
    data: bytes.slice(CCID_HEADER_SIZE),
  });
}

export function decodePcToRdr(bytes: Uint8Array): DecodeResult<PcToRdrMessage> {
  const split = splitFrame(bytes);
  if (!split.ok) return split;
  const { messageType, slot, seq, b7, b8, b9, data } = split.value;
  switch (messageType) {
    case pcToRdrTypes.IccPowerOn: {
      const powerSelect = powerSelects[b7];
      if (powerSelect === undefined) return err({ code: 'bad-power-select', value: b7, slot, seq });
      return ok({ type: 'IccPowerOn', slot, seq, powerSelect });
    }
    case pcToRdrTypes.IccPowerOff:
      return ok({ type: 'IccPowerOff', slot, seq });
    case pcToRdrTypes.GetSlotStatus:
      return ok({ type: 'GetSlotStatus', slot, seq });
    case pcToRdrTypes.GetParameters:
      return ok({ type: 'GetParameters', slot, seq });
    case pcToRdrTypes.Abort:
      return ok({ type: 'Abort', slot, seq });
    case pcToRdrTypes.Escape:
      return ok({ type: 'Escape', slot, seq, data });
    case pcToRdrTypes.XfrBlock:
      return ok({ type: 'XfrBlock', slot, seq, bwi: b7, levelParameter: b8 | (b9 << 8), data });
    default:
      return err({ code: 'unknown-message-type', messageType, slot, seq });
  }
}

export function decodeSlotState(bStatus: number, bError: number): SlotState {
  const icc = iccStatuses[bStatus & 0x03] ?? 'rfu';
  switch ((bStatus >> 6) & 0x03) {
    case 0:
      return { icc, command: { kind: 'ok' } };
    case 1:
      return { icc, command: { kind: 'failed', error: decodeCcidError(bError) } };
    case 2:
      return { icc, command: { kind: 'time-extension', multiplier: bError } };
    default:
      return { icc, command: { kind: 'rfu' } };
  }
}

export function encodeSlotState(state: SlotState): { bStatus: number; bError: number } {
  const iccBits = iccStatuses.indexOf(state.icc);
  const { command } = state;
  switch (command.kind) {
    case 'ok':
      return { bStatus: iccBits, bError: 0 };
    case 'failed':
      return { bStatus: 0x40 | iccBits, bError: command.error.code };
    case 'time-extension':
      return { bStatus: 0x80 | iccBits, bError: command.multiplier & 0xff };
    case 'rfu':
      return { bStatus: 0xc0 | iccBits, bError: 0 };
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

function chainFromByte(value: number): ChainParameter | undefined {
  for (const [name, byte] of Object.entries(chainValues)) {
    if (byte === value) return name as ChainParameter;
  }
  return undefined;
}

export function decodeRdrToPc(bytes: Uint8Array): DecodeResult<RdrToPcMessage> {
  const split = splitFrame(bytes);
  if (!split.ok) return split;
  const { messageType, slot, seq, b7, b8, b9, data } = split.value;
  const state = decodeSlotState(b7, b8);
  switch (messageType) {
    case rdrToPcTypes.DataBlock: {
      const chain = chainFromByte(b9);
      if (chain === undefined) return err({ code: 'bad-chain-parameter', value: b9, slot, seq });
      return ok({ type: 'DataBlock', slot, seq, state, chain, data });
    }
    case rdrToPcTypes.SlotStatus:
      return ok({ type: 'SlotStatus', slot, seq, state, clock: clockStatuses[b9] ?? 'rfu' });
    case rdrToPcTypes.Parameters:
      return ok({ type: 'Parameters', slot, seq, state, protocol: b9, data });
    case rdrToPcTypes.Escape:
      return ok({ type: 'Escape', slot, seq, state, data });
    default:
      return err({ code: 'unknown-message-type', messageType, slot, seq });
  }
}

export function encodeRdrToPc(message: RdrToPcMessage): Uint8Array {
  const { bStatus, bError } = encodeSlotState(message.state);
  const { slot, seq } = message;
  switch (message.type) {
    case 'DataBlock':
      return frame(
        rdrToPcTypes.DataBlock,
        slot,
        seq,
        [bStatus, bError, chainValues[message.chain]],
        message.data,
      );
    case 'SlotStatus': {
      const clock = message.clock === 'rfu' ? 0x04 : clockStatuses.indexOf(message.clock);
      return frame(rdrToPcTypes.SlotStatus, slot, seq, [bStatus, bError, clock], empty);
    }
    case 'Parameters':
      return frame(rdrToPcTypes.Parameters, slot, seq, [bStatus, bError, message.protocol], message.data);
    case 'Escape':
      return frame(rdrToPcTypes.Escape, slot, seq, [bStatus, bError, 0], message.data);
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}
