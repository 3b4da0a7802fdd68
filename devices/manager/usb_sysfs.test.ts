import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUsbDevice, formatBcdRelease } from './usb_sysfs.js';

function fakeSysfs(devices: Record<string, Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'balcao-sysfs-'));
  for (const [port, files] of Object.entries(devices)) {
    mkdirSync(join(root, port));
    for (const [name, value] of Object.entries(files)) writeFileSync(join(root, port, name), `${value}\n`);
  }
  return root;
}

describe('USB descriptors from sysfs', () => {
  it('finds a device by vendor and product id, with its strings and release', () => {
    const root = fakeSysfs({
      usb1: { idVendor: '1d6b', idProduct: '0002', product: 'EHCI Host Controller' },
      '1-1.4': {
        idVendor: '04b8',
        idProduct: '0202',
        manufacturer: 'EPSON',
        product: 'TM-T88V',
        serial: 'TMT88V-0042',
        bcdDevice: '0102',
      },
      '1-1.4:1.0': { bInterfaceClass: '07' },
    });
    expect(describeUsbDevice(0x04b8, 0x0202, root)).toEqual({
      manufacturer: 'EPSON',
      product: 'TM-T88V',
      serialNumber: 'TMT88V-0042',
      release: '1.02',
      port: '1-1.4',
    });
    expect(describeUsbDevice(0x04b8, 0x0e15, root)).toBeUndefined();
    expect(describeUsbDevice(0x04b8, 0x0202, join(root, 'absent'))).toBeUndefined();
  });

  it('reads BCD releases and refuses what is not one', () => {
    expect(formatBcdRelease('0110')).toBe('1.10');
    expect(formatBcdRelease('1a02')).toBe('1a.02');
    expect(formatBcdRelease('12')).toBeUndefined();
  });
});
