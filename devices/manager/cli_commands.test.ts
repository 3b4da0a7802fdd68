import { afterEach, describe, expect, it } from 'vitest';
import { DeviceConfigSchema } from '../device_config.js';
import { listDevices, openLockerDoor, watchScanner } from './cli_commands.js';
import { createDefaultRegistry } from './default_registry.js';
import { DeviceManager } from './device_manager.js';

const configs = [
  { id: 'scanner-1', kind: 'barcode-scanner', transport: 'simulated', model: 'hid-pos' },
  {
    id: 'locker-1',
    kind: 'locker-controller',
    transport: 'simulated',
    required: false,
    options: { doors: { A1: { relay: 1, sensor: 1 } }, pulseMs: 20, sensorPollMs: 10 },
  },
  { id: 'reader-1', kind: 'document-reader', transport: 'hid', vendorId: '0x072f', productId: '0x2200' },
].map((config) => DeviceConfigSchema.parse(config));

async function eventually(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('device CLI commands', () => {
  let manager: DeviceManager;
  afterEach(() => manager.stop());

  async function started() {
    manager = new DeviceManager(configs, {
      registry: createDefaultRegistry(),
      backoff: { initialMs: 5, maxMs: 20, factor: 2 },
      hardware: {
        openHid: async () => ({ ok: false, error: { code: 'disconnected' } }),
        openUsb: async () => ({ ok: false, error: { code: 'disconnected' } }),
        openSerial: async () => ({ ok: false, error: { code: 'disconnected' } }),
        watchBus: async () => () => {},
      },
    });
    await manager.start();
    await eventually(() => manager.statuses().filter((s) => s.status.state === 'ready').length === 2);
  }

  it('lists devices as an aligned table', async () => {
    await started();
    expect(listDevices(manager)).toBe(
      [
        'ID         KIND               TRANSPORT  MODEL    VID:PID    REQUIRED  STATUS',
        'scanner-1  barcode-scanner    simulated  hid-pos  ----:----  yes       ready',
        'locker-1   locker-controller  simulated  -        ----:----  no        ready',
        'reader-1   document-reader    hid        -        072f:2200  yes       error no-driver (no document-reader driver over hid)',
      ].join('\n'),
    );
  });

  it('prints scanned codes and scanner status changes until stopped', async () => {
    await started();
    const lines: string[] = [];
    const watching = watchScanner(manager, (line) => lines.push(line));
    expect(watching.ok).toBe(true);
    manager.simulators.scan('scanner-1', 'APPT-42', 'qr');
    await eventually(() => lines.length === 2);
    manager.simulators.unplug('scanner-1');
    await eventually(() => lines.length === 3);
    if (watching.ok) watching.value.stop();
    manager.simulators.replug('scanner-1');
    await new Promise((r) => setTimeout(r, 30));
    expect(lines).toEqual([
      'watching scanner-1 (ready); scan a code',
      'qr "APPT-42" (7 bytes)',
      'scanner-1 is disconnected',
    ]);
    expect(watchScanner(manager, () => {}, 'locker-1')).toEqual({
      ok: false,
      error: 'locker-1 is not a running barcode scanner',
    });
  });

  it('opens a locker door and reports failures in words', async () => {
    await started();
    expect(await openLockerDoor(manager, 'locker-1', 'A1')).toBe('door A1: opened');
    expect(await openLockerDoor(manager, 'locker-1', 'A1', 30)).toBe(
      'door A1: opened, not closed — timed out',
    );
    expect(await openLockerDoor(manager, 'locker-1', 'Q9')).toBe(
      'door Q9: not opened — no door Q9 in the configuration',
    );
    manager.simulators.unplug('locker-1');
    expect(await openLockerDoor(manager, 'locker-1', 'A1')).toBe(
      'door A1: not opened — the locker board is disconnected',
    );
    expect(await openLockerDoor(manager, 'scanner-1', 'A1')).toBe(
      'scanner-1 is not a running locker controller',
    );
  });
});
