/**
 * A USB device's descriptors as Linux publishes them in sysfs (`/sys/bus/usb/devices/<port>/idVendor`, `product`,
 * `serial`, `bcdDevice`…), for the maintenance screen's device inventory: read from plain files, so it works for
 * every transport (a printer held by libusb, a HID scanner, a USB–serial adapter) without opening the device a
 * driver already owns. Absent on other systems and for simulated devices: `undefined`, never an exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface UsbDescription {
  manufacturer: string | undefined;
  product: string | undefined;
  serialNumber: string | undefined;
  /** bcdDevice, the device's release (its firmware version on most devices), as `1.02`. */
  release: string | undefined;
  /** The sysfs name of the port it is plugged into, e.g. `1-1.4`. */
  port: string;
}

export const defaultSysfsRoot = '/sys/bus/usb/devices';

function attribute(dir: string, name: string): string | undefined {
  try {
    const value = readFileSync(join(dir, name), 'utf8').trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** `0102` (BCD) → `1.02`. */
export function formatBcdRelease(bcd: string): string | undefined {
  if (!/^[0-9a-fA-F]{4}$/.test(bcd)) return undefined;
  return `${Number.parseInt(bcd.slice(0, 2), 16).toString(16)}.${bcd.slice(2)}`;
}

/** The first device on the bus with this vendor and product id. */
export function describeUsbDevice(
  vendorId: number,
  productId: number,
  root: string = defaultSysfsRoot,
): UsbDescription | undefined {
  let ports: string[];
  try {
    ports = readdirSync(root);
  } catch {
    return undefined;
  }
  const hex = (value: number) => value.toString(16).padStart(4, '0');
  for (const port of ports.sort()) {
    // Interfaces (`1-1.4:1.0`) have no idVendor; only devices do.
    if (port.includes(':')) continue;
    const dir = join(root, port);
    if (attribute(dir, 'idVendor')?.toLowerCase() !== hex(vendorId)) continue;
    if (attribute(dir, 'idProduct')?.toLowerCase() !== hex(productId)) continue;
    const bcd = attribute(dir, 'bcdDevice');
    return {
      manufacturer: attribute(dir, 'manufacturer'),
      product: attribute(dir, 'product'),
      serialNumber: attribute(dir, 'serial'),
      release: bcd === undefined ? undefined : formatBcdRelease(bcd),
      port,
    };
  }
  return undefined;
}
