import type { TransferFailure } from './usb_transport.js';

/**
 * Turns whatever a native USB/HID library threw into a `TransferFailure`, so no exception from a cable pull
 * ever reaches a driver. It understands both generations of the `usb` package and hidapi's messages:
 * - usb 2.x (libusb): `LibUSBException` with `errno` = LIBUSB_ERROR_NO_DEVICE (-4), LIBUSB_ERROR_TIMEOUT (-7),
 *   LIBUSB_ERROR_PIPE (-9) and the same names in its message;
 * - usb 3.x (nusb, the version installed here): messages such as "device disconnected", "endpoint stalled",
 *   "transfer was cancelled" (nusb cancels a transfer when its timeout runs out), "device not found";
 * - node-hid/hidapi on hidraw: "could not read data from device: No such device" (ENODEV) after an unplug.
 */
const LIBUSB_ERROR_NO_DEVICE = -4;
const LIBUSB_ERROR_TIMEOUT = -7;
const LIBUSB_ERROR_PIPE = -9;

function errnoOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('errno' in error)) return undefined;
  const errno = (error as { errno: unknown }).errno;
  return typeof errno === 'number' ? errno : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return String(error);
}

export function transferFailureFrom(error: unknown): TransferFailure {
  const errno = errnoOf(error);
  if (errno === LIBUSB_ERROR_NO_DEVICE) return { code: 'disconnected' };
  if (errno === LIBUSB_ERROR_TIMEOUT) return { code: 'timeout' };
  if (errno === LIBUSB_ERROR_PIPE) return { code: 'stall' };
  const message = messageOf(error);
  if (
    /LIBUSB_ERROR_NO_DEVICE|disconnected|no such device|ENODEV|device not found|device has been closed/i.test(
      message,
    )
  ) {
    return { code: 'disconnected' };
  }
  if (/LIBUSB_ERROR_TIMEOUT|timed? ?out|cancel+ed/i.test(message)) return { code: 'timeout' };
  if (/LIBUSB_ERROR_PIPE|stall|broken pipe/i.test(message)) return { code: 'stall' };
  return { code: 'io', detail: message };
}
