import { describe, expect, it } from 'vitest';
import { idCard, macaoPermit } from '../../../test/documents/ga467_test_cards.js';
import { DeviceConfigSchema } from '../../device_config.js';
import type { DriverContext } from '../../manager/driver_registry.js';
import { noLatency } from '../../simulator/latency.js';
import { simulatedGa467ReaderFactory, usbGa467ReaderFactory } from './ga467_reader_factory.js';
import type { ManagedGa467Reader } from './managed_ga467_reader.js';

function context(
  options: Record<string, unknown>,
  transport: 'simulated' | 'usb' = 'simulated',
): DriverContext {
  return {
    config: DeviceConfigSchema.parse({ id: 'id-card-reader', kind: 'id-card-reader', transport, options }),
    hardware: {
      openHid: async () => ({ ok: false, error: { code: 'disconnected' } }),
      openUsb: async () => ({ ok: false, error: { code: 'disconnected' } }),
      openSerial: async () => ({ ok: false, error: { code: 'disconnected' } }),
      watchBus: async () => () => {},
    },
    backoff: { initialMs: 5, maxMs: 20, factor: 2 },
    simulatorLatency: noLatency,
  };
}

describe('GA 467 reader under the device manager', () => {
  it('polls for cards, reads a permit, survives an unplug and reconnects by itself', async () => {
    const built = simulatedGa467ReaderFactory(context({ pollIntervalMs: 50, timeoutMs: 200 }));
    if (!built.ok) throw new Error(built.error.detail);
    const device = built.value;
    const driver = device.driver as ManagedGa467Reader;
    const reader = device.simulator?.kind === 'id-card-reader' ? device.simulator : undefined;
    device.start();
    await expect.poll(() => device.status()).toEqual({ state: 'ready' });
    reader?.placeCard(idCard(macaoPermit));
    await expect.poll(() => device.status()).toEqual({ state: 'card-present' });
    const read = await driver.readIdentity();
    expect(read.ok && read.value.text.kind).toBe('hmt-residence-permit');
    device.simulator?.unplug();
    await expect.poll(() => device.status()).toEqual({ state: 'disconnected' });
    expect(await driver.readIdentity()).toEqual({ ok: false, error: { code: 'disconnected' } });
    device.simulator?.replug();
    await expect.poll(() => device.status()).toEqual({ state: 'card-present' });
    expect((await driver.readIdentity()).ok).toBe(true);
    reader?.takeDocument();
    await expect.poll(() => device.status()).toEqual({ state: 'ready' });
    await device.stop();
    expect(device.status()).toEqual({ state: 'disconnected' });
  });

  it('shows a failed SAM self-test as an error state as soon as the reader connects', async () => {
    const built = simulatedGa467ReaderFactory(context({ pollIntervalMs: 50 }));
    if (!built.ok) throw new Error(built.error.detail);
    const reader = built.value.simulator?.kind === 'id-card-reader' ? built.value.simulator : undefined;
    reader?.faults.failSamSelfTest(true);
    built.value.start();
    await expect
      .poll(() => built.value.status())
      .toEqual({ state: 'error', code: 'ga467-sam', detail: 'sam-self-test-failed' });
    await built.value.stop();
  });

  it('reports bad options and missing USB ids as factory errors', () => {
    expect(simulatedGa467ReaderFactory(context({ poll: 1 }))).toMatchObject({
      ok: false,
      error: { code: 'bad-options' },
    });
    expect(usbGa467ReaderFactory(context({}, 'usb'))).toMatchObject({
      ok: false,
      error: { code: 'missing-usb-id' },
    });
  });
});
