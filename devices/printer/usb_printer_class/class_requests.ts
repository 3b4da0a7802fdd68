/**
 * USB printer class requests (class 0x07, protocols.md §4) over a `UsbTransport`: GET_DEVICE_ID, GET_PORT_STATUS
 * and SOFT_RESET, plus the port status byte decoder.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type { ControlSetup, TransferFailure, UsbTransport } from '../../transport/usb_transport.js';
import {
  type DeviceId,
  type DeviceIdError,
  decodeDeviceIdReply,
  parseDeviceId,
} from './ieee1284_device_id.js';

export const GET_DEVICE_ID = 0x00;
export const GET_PORT_STATUS = 0x01;
export const SOFT_RESET = 0x02;

/** Device-to-host | class | interface. */
export const CLASS_IN_INTERFACE = 0xa1;
/** Host-to-device | class | interface, per printer class 1.1. */
export const CLASS_OUT_INTERFACE = 0x21;
/** Host-to-device | class | other, as Linux usblp sends SOFT_RESET and CUPS tries first. */
export const CLASS_OUT_OTHER = 0x23;

/** Longest device ID we ask for; CUPS reads up to 1024 bytes too. */
export const DEVICE_ID_MAX_LENGTH = 1024;

export interface PrinterInterface {
  /** Interface number of the printer class interface. */
  interfaceNumber: number;
  alternateSetting: number;
  /** 0-based configuration index. */
  configIndex: number;
}

export const defaultPrinterInterface: PrinterInterface = {
  interfaceNumber: 0,
  alternateSetting: 0,
  configIndex: 0,
};

export function getDeviceIdSetup(iface: PrinterInterface): ControlSetup {
  return {
    requestType: CLASS_IN_INTERFACE,
    request: GET_DEVICE_ID,
    value: iface.configIndex,
    index: ((iface.interfaceNumber & 0xff) << 8) | (iface.alternateSetting & 0xff),
  };
}

export function getPortStatusSetup(iface: PrinterInterface): ControlSetup {
  return {
    requestType: CLASS_IN_INTERFACE,
    request: GET_PORT_STATUS,
    value: 0,
    index: iface.interfaceNumber,
  };
}

export function softResetSetups(iface: PrinterInterface): [ControlSetup, ControlSetup] {
  return [
    { requestType: CLASS_OUT_OTHER, request: SOFT_RESET, value: 0, index: iface.interfaceNumber },
    { requestType: CLASS_OUT_INTERFACE, request: SOFT_RESET, value: 0, index: iface.interfaceNumber },
  ];
}

export interface PortStatus {
  paperEmpty: boolean;
  selected: boolean;
  noError: boolean;
}

export type PortStatusError = { code: 'empty-reply' } | { code: 'reserved-bits-set'; byte: number };

/** Decode the 1-byte GET_PORT_STATUS reply: bit 5 paper empty, bit 4 selected, bit 3 not error (0x18 healthy). */
export function decodePortStatus(reply: Uint8Array): Result<PortStatus, PortStatusError> {
  if (reply.length === 0) return err({ code: 'empty-reply' });
  const byte = reply[0]!;
  // Reserved bits are 0 on every printer we know; a reply with them set is noise, not a status.
  if ((byte & 0xc7) !== 0) return err({ code: 'reserved-bits-set', byte });
  return ok({ paperEmpty: (byte & 0x20) !== 0, selected: (byte & 0x10) !== 0, noError: (byte & 0x08) !== 0 });
}

export function encodePortStatus(status: PortStatus): number {
  return (status.paperEmpty ? 0x20 : 0) | (status.selected ? 0x10 : 0) | (status.noError ? 0x08 : 0);
}

export type ClassRequestError =
  | { code: 'transfer'; failure: TransferFailure }
  | { code: 'device-id'; error: DeviceIdError }
  | { code: 'port-status'; error: PortStatusError };

export type ClassResult<T> = Result<T, ClassRequestError>;

export async function readDeviceId(
  transport: UsbTransport,
  iface: PrinterInterface,
  timeoutMs: number,
): Promise<ClassResult<DeviceId>> {
  const reply = await transport.controlIn(getDeviceIdSetup(iface), DEVICE_ID_MAX_LENGTH, timeoutMs);
  if (!reply.ok) return err({ code: 'transfer', failure: reply.error });
  const text = decodeDeviceIdReply(reply.value);
  if (!text.ok) return err({ code: 'device-id', error: text.error });
  const id = parseDeviceId(text.value);
  if (!id.ok) return err({ code: 'device-id', error: id.error });
  return ok(id.value);
}

export async function readPortStatus(
  transport: UsbTransport,
  iface: PrinterInterface,
  timeoutMs: number,
): Promise<ClassResult<PortStatus>> {
  const reply = await transport.controlIn(getPortStatusSetup(iface), 1, timeoutMs);
  if (!reply.ok) return err({ code: 'transfer', failure: reply.error });
  const status = decodePortStatus(reply.value);
  if (!status.ok) return err({ code: 'port-status', error: status.error });
  return ok(status.value);
}

/**
 * SOFT_RESET flushes the printer's buffers and resets its bulk pipes. The request's recipient is disputed
 * (protocols.md §8): try CLASS|OUT|OTHER (0x23) first and fall back to CLASS|OUT|INTERFACE (0x21), as CUPS does.
 * Resolves with the bmRequestType that worked.
 */
export async function softReset(
  transport: UsbTransport,
  iface: PrinterInterface,
  timeoutMs: number,
): Promise<ClassResult<number>> {
  const [first, second] = softResetSetups(iface);
  const tried = await transport.controlOut(first, new Uint8Array(0), timeoutMs);
  if (tried.ok) return ok(first.requestType);
  if (tried.error.code === 'disconnected') return err({ code: 'transfer', failure: tried.error });
  const fallback = await transport.controlOut(second, new Uint8Array(0), timeoutMs);
  if (fallback.ok) return ok(second.requestType);
  return err({ code: 'transfer', failure: fallback.error });
}
