import { describe, expect, it } from 'vitest';
import { readBinary, SMALL_FILE, selectFile, testCard } from '../../../test/documents/ccid_test_cards.js';
import { DeviceConfigSchema } from '../../device_config.js';
import type { DriverContext } from '../../manager/driver_registry.js';
import type { HardwareAccess } from '../../manager/hardware_access.js';
import { noLatency } from '../../simulator/latency.js';
import { simulatedCcidReaderFactory, usbCcidReaderFactory } from './ccid_reader_factory.js';
import type { ManagedCcidReader } from './managed_ccid_reader.js';
import { CcidReaderSimulator } from './simulator/ccid_reader_simulator.js';

const noHardware: HardwareAccess = {
  openHid: async () => ({ ok: false, error: { code: 'disconnected' } }),
  openUsb: async () => ({ ok: false, error: { code: 'disconnected' } }),
  openSerial: async () => ({ ok: false, error: { code: 'disconnected' } }),
  watchBus: async () => () => {},
};

function context(
  options: Record<string, unknown>,
  hardware: HardwareAccess = noHardware,
  usb = false,
): DriverContext {
  return {
    config: DeviceConfigSchema.parse({
      id: 'passport-reader',
      kind: 'document-reader',
      transport: usb ? 'usb' : 'simulated',
      ...(usb ? { vendorId: 0x072f, productId: 0x2200 } : {}),
      options,
    }),
    hardware,
    backoff: { initialMs: 5, maxMs: 20, factor: 2 },
    simulatorLatency: noLatency,
  };
}

describe('CCID reader under the device manager', () => {
  it('follows insert/remove, survives an unplug and reconnects by itself', async () => {
    const built = simulatedCcidReaderFactory(context({ responseTimeoutMs: 200, interruptPollMs: 20 }));
    if (!built.ok) throw new Error(built.error.detail);
    const device = built.value;
    const driver = device.driver as ManagedCcidReader;
    const reader = device.simulator?.kind === 'document-reader' ? device.simulator : undefined;
    device.start();
    await expect.poll(() => device.status()).toEqual({ state: 'ready' });
    reader?.insertCard(testCard());
    await expect.poll(() => device.status()).toEqual({ state: 'card-present' });
    expect(await driver.transmit(selectFile(SMALL_FILE))).toEqual({
      ok: true,
      value: Uint8Array.of(0x90, 0x00),
    });
    device.simulator?.unplug();
    await expect.poll(() => device.status()).toEqual({ state: 'disconnected' });
    expect(await driver.transmit(readBinary(0, 4))).toEqual({ ok: false, error: { code: 'disconnected' } });
    device.simulator?.replug();
    await expect.poll(() => device.status()).toEqual({ state: 'card-present' });
    expect(await driver.transmit(selectFile(SMALL_FILE))).toEqual({
      ok: true,
      value: Uint8Array.of(0x90, 0x00),
    });
    await device.stop();
    expect(device.status()).toEqual({ state: 'disconnected' });
  });

  it('opens a real-hardware reader through HardwareAccess by VID/PID and CCID interface class', async () => {
    const simulator = new CcidReaderSimulator({ maxMessageLength: 64, extendedApdu: true });
    simulator.insertCard(testCard());
    const selectors: unknown[] = [];
    const hardware: HardwareAccess = {
      ...noHardware,
      openUsb: async (selector) => {
        selectors.push(selector);
        return simulator.openTransport();
      },
    };
    const built = usbCcidReaderFactory(context({ responseTimeoutMs: 200 }, hardware, true));
    if (!built.ok) throw new Error(built.error.detail);
    built.value.start();
    await expect.poll(() => built.value.status()).toEqual({ state: 'card-present' });
    expect(selectors).toEqual([{ vendorId: 0x072f, productId: 0x2200, interfaceClass: 0x0b }]);
    // The 64-byte dwMaxCCIDMessageLength came from the class descriptor: a 200-byte read needs chained responses.
    const driver = built.value.driver as ManagedCcidReader;
    await driver.transmit(Uint8Array.of(0x00, 0xa4, 0x02, 0x0c, 0x02, 0x01, 0x02));
    const read = await driver.transmit(readBinary(0, 200));
    expect(read.ok && read.value.length).toBe(202);
    expect(simulator.hostFrames.some((frame) => frame[0] === 0x6f && frame[8] === 0x10)).toBe(true);
    await built.value.stop();
  });

  it('reports bad options and missing USB ids as factory errors', () => {
    expect(simulatedCcidReaderFactory(context({ responseTimeout: 1 }))).toMatchObject({
      ok: false,
      error: { code: 'bad-options' },
    });
    const noIds = {
      ...context({}),
      config: DeviceConfigSchema.parse({ id: 'r', kind: 'document-reader', transport: 'usb' }),
    };
    expect(usbCcidReaderFactory(noIds)).toMatchObject({ ok: false, error: { code: 'missing-usb-id' } });
  });
});
