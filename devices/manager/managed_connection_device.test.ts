import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../lib/result.js';
import { DeviceConfigSchema } from '../device_config.js';
import type { ScannerState } from '../device_status.js';
import { HidPosScannerSimulator } from '../scanner/simulator/hid_pos_scanner_simulator.js';
import { noLatency } from '../simulator/latency.js';
import type { DeviceConnection } from '../transport/device_connection.js';
import type { HidTransport } from '../transport/hid_transport.js';
import type { DriverContext, ManagedDevice } from './driver_registry.js';
import { nativeHardware } from './hardware_access.js';
import { managedConnectionDevice } from './managed_connection_device.js';

/** A scanner-shaped driver that only keeps its connection, so the test sees what the helper itself does. */
class ConnectionOnlyDriver {
  constructor(readonly connection: DeviceConnection<HidTransport>) {}
  status(): ScannerState {
    return this.connection.state === 'connected' ? { state: 'ready' } : { state: 'disconnected' };
  }
  onStatus(): () => void {
    return () => {};
  }
  onScan(): () => void {
    return () => {};
  }
  start(): void {
    this.connection.start();
  }
  stop(): Promise<void> {
    return this.connection.stop();
  }
}

class CheckingDriver extends ConnectionOnlyDriver {
  checks = 0;
  async checkNow(): Promise<void> {
    this.checks += 1;
  }
}

// A backoff far longer than the test: a reconnect seen in time can only come from the attach nudge.
const context: DriverContext = {
  config: DeviceConfigSchema.parse({ id: 'scanner-1', kind: 'barcode-scanner', transport: 'simulated' }),
  hardware: nativeHardware,
  backoff: { initialMs: 60_000, maxMs: 60_000, factor: 1 },
  simulatorLatency: noLatency,
};

async function eventually(condition: () => boolean, timeoutMs = 1_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('managedConnectionDevice', () => {
  let device: ManagedDevice<'barcode-scanner'> | undefined;
  afterEach(() => device?.stop());

  it('reconnects at once on a bus attach instead of waiting out the backoff', async () => {
    const scanner = new HidPosScannerSimulator();
    scanner.unplug();
    device = managedConnectionDevice(
      () => scanner.port.openTransport(),
      context,
      (connection) => new ConnectionOnlyDriver(connection),
    );
    device.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(device.status()).toEqual({ state: 'disconnected' });
    scanner.replug();
    device.busChanged?.('attach');
    await eventually(() => device?.status().state === 'ready');
    expect(scanner.port.openHandles).toBe(1);
  });

  it('asks a driver that can check its handle to do so on a detach, and only then', () => {
    const scanner = new HidPosScannerSimulator();
    let driver: CheckingDriver | undefined;
    device = managedConnectionDevice(
      () => scanner.port.openTransport(),
      context,
      (connection) => {
        driver = new CheckingDriver(connection);
        return driver;
      },
    );
    device.busChanged?.('attach');
    expect(driver?.checks).toBe(0);
    device.busChanged?.('detach');
    expect(driver?.checks).toBe(1);
  });

  it('passes the simulator controls built for its driver, and none for a real device', () => {
    const scanner = new HidPosScannerSimulator();
    const simulated = managedConnectionDevice(
      () => scanner.port.openTransport(),
      context,
      (connection) => new ConnectionOnlyDriver(connection),
      (driver) => ({
        kind: 'barcode-scanner',
        deviceId: 'scanner-1',
        plugged: driver.connection.state === 'connected',
        unplug: () => scanner.unplug(),
        replug: () => scanner.replug(),
        scan: () => ok(),
      }),
    );
    expect(simulated.simulator?.deviceId).toBe('scanner-1');
    const real = managedConnectionDevice(
      () => scanner.port.openTransport(),
      context,
      (connection) => new ConnectionOnlyDriver(connection),
    );
    expect(real.simulator).toBeUndefined();
  });
});
