import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from './config_loader.js';

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as { devices: unknown[] };

function problemsOf(dispenser: Record<string, unknown>): string[] {
  const result = parseConfig({ ...shipped, devices: [dispenser] });
  if (result.ok) return [];
  return result.error.code === 'invalid' ? result.error.problems : [result.error.code];
}

const serial = { id: 'dispenser', kind: 'document-dispenser', transport: 'serial' };

/** A document dispenser's options are checked at start-up: a bad file names the field, the kiosk does not start. */
describe('configuration: document dispensers', () => {
  it('accepts the shipped simulated dispenser and the Hengqin example on an FTDI adapter, with defaults filled in', () => {
    const hengqin = loadConfigFile('config/examples/hengqin.config.json');
    expect(hengqin.ok).toBe(true);
    const dispenser = hengqin.ok
      ? hengqin.value.devices.find((d) => d.kind === 'document-dispenser')
      : undefined;
    expect(dispenser).toMatchObject({
      transport: 'serial',
      vendorId: 0x0403,
      productId: 0x6001,
      required: false,
    });
    expect(problemsOf({ ...serial, options: { path: '/dev/ttyUSB0' } })).toEqual([]);
    expect(problemsOf({ ...serial, vendorId: '0x1a86', productId: '0x7523' })).toEqual([]);
  });

  it('names each bad option: a misspelt key, a baud rate the unit cannot run, an address off the DIP switches', () => {
    expect(
      problemsOf({
        ...serial,
        options: {
          path: '/dev/ttyUSB0',
          baudrate: 9600,
          baudRate: 9601,
          address: 16,
          timeouts: { takeMs: 5 },
        },
      }),
    ).toEqual([
      expect.stringMatching(/^devices\[0\]\.options\.baudRate: one of 1200, 2400/),
      expect.stringMatching(/^devices\[0\]\.options\.address: /),
      expect.stringMatching(/^devices\[0\]\.options\.timeouts\.takeMs: /),
      'devices[0].options.baudrate: unknown option; did you mean baudRate?',
    ]);
  });

  it('refuses a port path that is not a device, or that climbs out of /dev', () => {
    for (const path of ['/etc/passwd', '/dev/../etc/shadow', 'COM3; rm -rf /', '']) {
      expect(problemsOf({ ...serial, options: { path } })).toEqual([
        expect.stringMatching(/^devices\[0\]\.options\.path: /),
      ]);
    }
  });

  it('needs to know where a serial dispenser is: a path, or its adapter’s USB ids', () => {
    expect(problemsOf({ ...serial, options: {} })).toEqual([
      'devices[0]: a serial dispenser needs options.path, or vendorId and productId',
    ]);
  });
});
