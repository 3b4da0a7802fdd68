import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DeviceConfig, DeviceConfigSchema } from '../device_config.js';
import type { DeviceStatus, PrinterState } from '../device_status.js';
import { SimulatedHidPort } from '../transport/simulated_hid_transport.js';
import { createDefaultRegistry } from './default_registry.js';
import { DeviceManager, type DeviceManagerReport } from './device_manager.js';
import type { BusEvent, HardwareAccess } from './hardware_access.js';

const configs: DeviceConfig[] = [
  { id: 'scanner-1', kind: 'barcode-scanner', transport: 'simulated', model: 'hid-pos' },
  { id: 'scanner-2', kind: 'barcode-scanner', transport: 'simulated', model: 'keyboard-wedge' },
  {
    id: 'locker-1',
    kind: 'locker-controller',
    transport: 'simulated',
    options: {
      doors: { A1: { relay: 1, sensor: 1 }, A2: { relay: 2, sensor: 2 } },
      pulseMs: 20,
      sensorPollMs: 10,
    },
  },
  // No ticket printer speaks HID: this one has no driver.
  { id: 'ticket-1', kind: 'ticket-printer', transport: 'hid' },
].map((config) => DeviceConfigSchema.parse(config));

const fast = { backoff: { initialMs: 5, maxMs: 20, factor: 2 } };

async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const state = (manager: DeviceManager, id: string) => manager.status(id)?.status.state;

describe('DeviceManager with simulated devices', () => {
  let manager: DeviceManager;
  afterEach(() => manager.stop());

  it('builds every configured device, and shows a device without a driver as an error', async () => {
    manager = new DeviceManager(configs, { registry: createDefaultRegistry(), ...fast });
    await manager.start();
    await eventually(() =>
      ['scanner-1', 'scanner-2', 'locker-1'].every((id) => state(manager, id) === 'ready'),
    );
    expect(manager.status('ticket-1')).toEqual({
      kind: 'ticket-printer',
      id: 'ticket-1',
      status: { state: 'error', code: 'no-driver', detail: 'no ticket-printer driver over hid' },
    });
    expect(manager.get('scanner-1', 'barcode-scanner')).toBeDefined();
    expect(manager.get('scanner-1', 'locker-controller')).toBeUndefined();
    expect(manager.simulators.list().map((s) => s.deviceId)).toEqual(['scanner-1', 'scanner-2', 'locker-1']);
  });

  it('pushes status changes to listeners when a device is unplugged and replugged', async () => {
    manager = new DeviceManager(configs, { registry: createDefaultRegistry(), ...fast });
    const pushed: DeviceStatus[] = [];
    manager.onStatus((status) => pushed.push(status));
    await manager.start();
    await eventually(() => state(manager, 'locker-1') === 'ready');
    pushed.length = 0;
    expect(manager.simulators.unplug('scanner-1')).toEqual({ ok: true });
    await eventually(() => state(manager, 'scanner-1') === 'disconnected');
    manager.simulators.replug('scanner-1');
    await eventually(() => state(manager, 'scanner-1') === 'ready');
    expect(pushed.filter((s) => s.id === 'scanner-1').map((s) => s.status.state)).toEqual([
      'disconnected',
      'ready',
    ]);
  });

  it('keeps publishing after stop() and start() again', async () => {
    manager = new DeviceManager(configs, { registry: createDefaultRegistry(), ...fast });
    const pushed: string[] = [];
    manager.onStatus((status) => pushed.push(`${status.id}:${status.status.state}`));
    await manager.start();
    await eventually(() => state(manager, 'scanner-1') === 'ready');
    await manager.stop();
    expect(state(manager, 'scanner-1')).toBe('disconnected');
    await manager.start();
    await eventually(() => state(manager, 'scanner-1') === 'ready');
    expect(pushed.filter((p) => p.startsWith('scanner-1'))).toEqual([
      'scanner-1:ready',
      'scanner-1:disconnected',
      'scanner-1:ready',
    ]);
  });

  it('scans through the dock and opens/closes doors through it', async () => {
    manager = new DeviceManager(configs, { registry: createDefaultRegistry(), ...fast });
    await manager.start();
    await eventually(() => state(manager, 'scanner-2') === 'ready' && state(manager, 'locker-1') === 'ready');
    const scanner = manager.get('scanner-2', 'barcode-scanner')!;
    const texts: string[] = [];
    scanner.onScan((event) => event.ok && texts.push(`${event.value.symbology}:${event.value.text}`));
    expect(manager.simulators.scan('scanner-2', 'LOCKER-PICKUP-7731', 'qr')).toEqual({ ok: true });
    await eventually(() => texts.length === 1);
    expect(texts).toEqual(['qr:LOCKER-PICKUP-7731']);

    expect(await manager.simulators.openDoor('locker-1', 'A2')).toEqual({ ok: true });
    const controls = manager.simulators.get('locker-1');
    expect(controls?.kind === 'locker-controller' && controls.isDoorOpen('A2')).toBe(true);
    expect(manager.simulators.closeDoor('locker-1', 'A2')).toEqual({ ok: true });
    expect(await manager.get('locker-1', 'locker-controller')!.waitClosed('A2', 100)).toEqual({ ok: true });
    expect(manager.simulators.scan('locker-1', 'x')).toMatchObject({ ok: false });
    expect(manager.simulators.unplug('nope')).toMatchObject({ ok: false });
  });

  it('never throws out of the manager whatever is unplugged, scanned or opened at any moment', async () => {
    const contained: DeviceManagerReport[] = [];
    manager = new DeviceManager(configs, {
      registry: createDefaultRegistry(),
      ...fast,
      report: (r) => r.type === 'fault-contained' && contained.push(r),
    });
    manager.onStatus(() => {
      throw new Error('a buggy UI listener');
    });
    await manager.start();
    const action = fc.oneof(
      fc.record({
        op: fc.constant('unplug' as const),
        id: fc.constantFrom('scanner-1', 'scanner-2', 'locker-1'),
      }),
      fc.record({
        op: fc.constant('replug' as const),
        id: fc.constantFrom('scanner-1', 'scanner-2', 'locker-1'),
      }),
      fc.record({
        op: fc.constant('scan' as const),
        id: fc.constantFrom('scanner-1', 'scanner-2'),
        text: fc.string(),
      }),
      fc.record({ op: fc.constant('open' as const), door: fc.constantFrom('A1', 'A2', 'B9') }),
      fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 15 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 25 }), async (actions) => {
        const pending: Promise<unknown>[] = [];
        for (const a of actions) {
          if (a.op === 'unplug') manager.simulators.unplug(a.id);
          if (a.op === 'replug') manager.simulators.replug(a.id);
          if (a.op === 'scan') manager.simulators.scan(a.id, a.text);
          if (a.op === 'open') pending.push(manager.simulators.openDoor('locker-1', a.door));
          if (a.op === 'wait') await new Promise((r) => setTimeout(r, a.ms));
        }
        const results = await Promise.all(pending);
        for (const result of results) expect(result).toHaveProperty('ok');
        for (const id of ['scanner-1', 'scanner-2', 'locker-1']) manager.simulators.replug(id);
        await eventually(() =>
          ['scanner-1', 'scanner-2', 'locker-1'].every((id) => state(manager, id) === 'ready'),
        );
      }),
      { numRuns: 15 },
    );
    expect(contained.length).toBeGreaterThan(0);
    expect(contained.every((r) => r.type === 'fault-contained' && r.during === 'status-listener')).toBe(true);
  });

  it('rejects a locker configuration without a door map as a visible error, not a crash', async () => {
    const bad = DeviceConfigSchema.parse({
      id: 'locker-x',
      kind: 'locker-controller',
      transport: 'simulated',
    });
    manager = new DeviceManager([bad], { registry: createDefaultRegistry(), ...fast });
    await manager.start();
    expect(manager.status('locker-x')?.status).toMatchObject({ state: 'error', code: 'bad-options' });
  });
});

describe('DeviceManager with hot-plugged USB devices', () => {
  let manager: DeviceManager;
  afterEach(() => manager.stop());

  it('connects a hid scanner as soon as the bus reports it attached, not after the backoff', async () => {
    const port = new SimulatedHidPort({
      onOutputReport: () => ({ ok: true, value: undefined }),
      onSetFeature: () => ({ ok: true, value: undefined }),
      onGetFeature: () => ({ ok: false, error: { code: 'stall' } }),
    });
    port.unplug();
    let busListener: ((event: BusEvent) => void) | undefined;
    const selectors: unknown[] = [];
    const hardware: HardwareAccess = {
      openHid: (selector) => {
        selectors.push(selector);
        return port.openTransport();
      },
      openUsb: async () => ({ ok: false, error: { code: 'disconnected' } }),
      openSerial: async () => ({ ok: false, error: { code: 'disconnected' } }),
      watchBus: async (listener) => {
        busListener = listener;
        return () => {
          busListener = undefined;
        };
      },
    };
    const config = DeviceConfigSchema.parse({
      id: 'scanner-hw',
      kind: 'barcode-scanner',
      transport: 'hid',
      model: 'hid-pos',
      vendorId: '0x0c2e',
      productId: '0x0b87',
    });
    manager = new DeviceManager([config], {
      registry: createDefaultRegistry(),
      hardware,
      backoff: { initialMs: 60_000, maxMs: 60_000, factor: 1 },
    });
    await manager.start();
    await eventually(() => selectors.length === 1);
    expect(selectors[0]).toEqual({
      vendorId: 0x0c2e,
      productId: 0x0b87,
      usagePage: 0x8c,
      numberedInputReports: true,
    });
    expect(state(manager, 'scanner-hw')).toBe('disconnected');
    port.replug();
    busListener?.({ change: 'attach', vendorId: 0x1234, productId: 0x0001 });
    await new Promise((r) => setTimeout(r, 10));
    expect(state(manager, 'scanner-hw')).toBe('disconnected');
    busListener?.({ change: 'attach', vendorId: 0x0c2e, productId: 0x0b87 });
    await eventually(() => state(manager, 'scanner-hw') === 'ready', 500);
    await manager.stop();
    expect(busListener).toBeUndefined();
  });

  it('lets another kind be registered by factory and publishes its status', async () => {
    const registry = createDefaultRegistry();
    const listeners = new Set<(state: PrinterState) => void>();
    registry.registerDriverFactory('ticket-printer', 'simulated', () => ({
      ok: true,
      value: {
        // Any object stands in for the driver here: the test is about the status stream.
        driver: { name: 'fake printer' } as never,
        status: () => ({ state: 'ready' }),
        onStatus: (listener) => {
          listeners.add(listener as (state: PrinterState) => void);
          return () => listeners.delete(listener as (state: PrinterState) => void);
        },
        start: () => {},
        stop: async () => {},
      },
    }));
    const config = DeviceConfigSchema.parse({
      id: 'ticket-1',
      kind: 'ticket-printer',
      transport: 'simulated',
    });
    manager = new DeviceManager([config], { registry });
    await manager.start();
    expect(state(manager, 'ticket-1')).toBe('ready');
    for (const listener of listeners) listener({ state: 'no-paper' });
    expect(state(manager, 'ticket-1')).toBe('no-paper');
  });
});

describe('DeviceManager reports what it contains', () => {
  let manager: DeviceManager;
  afterEach(() => manager.stop());

  const scanner = DeviceConfigSchema.parse({
    id: 'scanner-1',
    kind: 'barcode-scanner',
    transport: 'simulated',
  });

  it('reports every status change with the state it left', async () => {
    const reports: DeviceManagerReport[] = [];
    manager = new DeviceManager([scanner], {
      registry: createDefaultRegistry(),
      ...fast,
      report: (r) => reports.push(r),
    });
    await manager.start();
    await eventually(() => state(manager, 'scanner-1') === 'ready');
    manager.simulators.unplug('scanner-1');
    await eventually(() => state(manager, 'scanner-1') === 'disconnected');
    const changes = reports.flatMap((r) =>
      r.type === 'status-changed' ? [`${r.device.id}:${r.previous.state}→${r.device.status.state}`] : [],
    );
    expect(changes).toEqual(['scanner-1:disconnected→ready', 'scanner-1:ready→disconnected']);
  });

  it('reports a throwing listener, driver factory, driver stop and bus watcher instead of swallowing them', async () => {
    const reports: DeviceManagerReport[] = [];
    const registry = createDefaultRegistry();
    registry.registerDriverFactory('ticket-printer', 'simulated', () => {
      throw new Error('factory bug');
    });
    registry.registerDriverFactory('document-printer', 'simulated', () => ({
      ok: true,
      value: {
        driver: {} as never,
        status: () => ({ state: 'ready' }),
        onStatus: () => () => {},
        start: () => {},
        stop: () => Promise.reject(new Error('stop bug')),
      },
    }));
    const hardware: HardwareAccess = {
      openHid: async () => ({ ok: false, error: { code: 'disconnected' } }),
      openUsb: async () => ({ ok: false, error: { code: 'disconnected' } }),
      openSerial: async () => ({ ok: false, error: { code: 'disconnected' } }),
      watchBus: () => Promise.reject(new Error('no bus')),
    };
    const configs = [
      scanner,
      { id: 'tp', kind: 'ticket-printer', transport: 'simulated' },
      { id: 'a4', kind: 'document-printer', transport: 'simulated' },
      { id: 'hw', kind: 'barcode-scanner', transport: 'hid', vendorId: '0x0c2e', productId: '0x0b87' },
    ].map((c) => DeviceConfigSchema.parse(c));
    manager = new DeviceManager(configs, { registry, hardware, ...fast, report: (r) => reports.push(r) });
    manager.onStatus(() => {
      throw new Error('listener bug');
    });
    await manager.start();
    await eventually(() => state(manager, 'scanner-1') === 'ready');
    await manager.stop();
    const faults = reports.flatMap((r) =>
      r.type === 'fault-contained' ? [`${r.during}:${r.deviceId ?? '-'}:${(r.error as Error).message}`] : [],
    );
    expect(faults).toContain('driver-factory:tp:factory bug');
    expect(faults).toContain('bus-watch:-:no bus');
    expect(faults).toContain('status-listener:scanner-1:listener bug');
    expect(faults).toContain('stop:a4:stop bug');
  });

  it('without a reporter, writes a contained fault to stderr rather than dropping it', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      manager = new DeviceManager([scanner], { registry: createDefaultRegistry(), ...fast });
      manager.onStatus(() => {
        throw new Error('listener bug');
      });
      await manager.start();
      await eventually(() => state(manager, 'scanner-1') === 'ready');
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toContain(
      'device manager: contained a fault (status-listener, scanner-1): Error: listener bug',
    );
  });
});
