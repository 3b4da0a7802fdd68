/**
 * The "USBRelay" HID relay boards (www.dcttech.com, VID 0x16C0 PID 0x05DF, product string "USBRelayN" where N
 * is the channel count), a V-USB device whose only report is an 8-byte feature report. Verified against:
 * - darrylb123/usbrelay@1cc0fc6:libusbrelay.c — the command buffer is `00 <cmd> <channel> 00 00 00 00 00 00`
 *   (report number 0 first, 9 bytes); the state is read with hid_get_feature_report on a 9-byte buffer whose
 *   byte 0 is set to 0x01, the serial is buf[0..4] and "Byte 7 in the response contains the target_state".
 * - ondrej1024/crelay relay_drv_hidapi.c — the same layout (`C C C C C 0 ? S ?`, REPORT_RDDAT_OFFSET 7,
 *   CMD_ON 0xff, CMD_ALL_ON 0xfe, CMD_OFF 0xfd, CMD_ALL_OFF 0xfc).
 * - u1f35c/usb-relay-firmware (open firmware for the 1-channel board): report descriptor = one 8-byte FEATURE
 *   report; usbFunctionWrite handles 0xFE all on, 0xFC all off, 0xFF n on, 0xFD n off, 0xFA set serial;
 *   usbFunctionRead returns serial[0..5], data[6] = 0, data[7] = relay bits.
 * darrylb123 and crelay send the command with hid_write(), which hidapi turns into a SET_REPORT on the
 * control pipe for this endpoint-less device; we send it as a SET_REPORT(Feature), which the firmware
 * handles the same way (it does not look at the report type) and which the vendor's Windows DLL uses.
 *
 * Door sensors (our assumption, see locker_config.ts): byte 6, always 0 on the stock firmware, carries the
 * input bitmask of the input-capable board variant the locker uses (bit n−1 = input n, 1 = door closed).
 */

import { err, ok, type Result } from '../../lib/result.js';
export const USB_RELAY_VENDOR_ID = 0x16c0;
export const USB_RELAY_PRODUCT_ID = 0x05df;

export const RELAY_CMD_ON = 0xff;
export const RELAY_CMD_OFF = 0xfd;
export const RELAY_CMD_ALL_ON = 0xfe;
export const RELAY_CMD_ALL_OFF = 0xfc;

/** The report ID libusbrelay writes into buf[0] before hid_get_feature_report; the answer overwrites it. */
export const RELAY_STATUS_REPORT_ID = 0x01;
export const RELAY_STATUS_LENGTH = 9;
const SERIAL_LENGTH = 5;
const SENSOR_OFFSET = 6;
const RELAY_STATE_OFFSET = 7;

export type RelayCommand =
  | { kind: 'on'; channel: number }
  | { kind: 'off'; channel: number }
  | { kind: 'all-on' }
  | { kind: 'all-off' };

/** The 9-byte buffer (report number 0 + 8 data bytes) that switches relays. Channels are 1-based (1..8). */
export function encodeRelayCommand(command: RelayCommand): Uint8Array {
  const report = new Uint8Array(RELAY_STATUS_LENGTH);
  switch (command.kind) {
    case 'on':
      report[1] = RELAY_CMD_ON;
      report[2] = command.channel;
      break;
    case 'off':
      report[1] = RELAY_CMD_OFF;
      report[2] = command.channel;
      break;
    case 'all-on':
      report[1] = RELAY_CMD_ALL_ON;
      break;
    case 'all-off':
      report[1] = RELAY_CMD_ALL_OFF;
      break;
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
  return report;
}

/** Parses the 9 bytes a host sent (report number first); undefined for anything the board would ignore. */
export function decodeRelayCommand(report: Uint8Array): RelayCommand | undefined {
  if (report.length < 3 || report[0] !== 0x00) return undefined;
  const channel = report[2]!;
  switch (report[1]) {
    case RELAY_CMD_ON:
      return channel >= 1 && channel <= 8 ? { kind: 'on', channel } : undefined;
    case RELAY_CMD_OFF:
      return channel >= 1 && channel <= 8 ? { kind: 'off', channel } : undefined;
    case RELAY_CMD_ALL_ON:
      return { kind: 'all-on' };
    case RELAY_CMD_ALL_OFF:
      return { kind: 'all-off' };
    default:
      return undefined;
  }
}

export interface RelayBoardStatus {
  /** The 5-character board serial (set with command 0xFA; "UNSET" on blank boards). */
  serial: string;
  /** Bit n−1 set = relay channel n energised. */
  relayMask: number;
  /** Bit n−1 set = input n active (door n closed), on the input-capable variant; 0 on stock boards. */
  sensorMask: number;
}

export type RelayStatusResult = Result<RelayBoardStatus, { code: 'short-report'; length: number }>;

export function decodeRelayStatus(report: Uint8Array): RelayStatusResult {
  if (report.length < RELAY_STATE_OFFSET + 1) return err({ code: 'short-report', length: report.length });
  let serial = '';
  for (const byte of report.subarray(0, SERIAL_LENGTH)) {
    if (byte === 0) break;
    serial += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '?';
  }
  return ok({ serial, relayMask: report[RELAY_STATE_OFFSET]!, sensorMask: report[SENSOR_OFFSET]! });
}

/** The 8 bytes the board answers (what the simulator sends). */
export function encodeRelayStatus(status: RelayBoardStatus): Uint8Array {
  const report = new Uint8Array(8);
  for (let i = 0; i < Math.min(SERIAL_LENGTH, status.serial.length); i++)
    report[i] = status.serial.charCodeAt(i) & 0x7f;
  report[SENSOR_OFFSET] = status.sensorMask & 0xff;
  report[RELAY_STATE_OFFSET] = status.relayMask & 0xff;
  return report;
}
