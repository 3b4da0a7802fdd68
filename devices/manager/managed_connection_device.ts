import type { DeviceKind, DeviceStatus } from '../device_status.js';
import type { SimulatorControls } from '../simulator/simulator_controls.js';
import { DeviceConnection } from '../transport/device_connection.js';
import type { TransferResult } from '../transport/usb_transport.js';
import type { DriverContext, DriverOf, ManagedDevice } from './driver_registry.js';

/** A driver that keeps its device through a `DeviceConnection` and publishes one status stream. */
export interface ConnectionDriver {
  status(): DeviceStatus['status'];
  onStatus(listener: (status: DeviceStatus['status']) => void): () => void;
  start(): void;
  stop(): Promise<void>;
  /** Asks the device now whether its handle still lives; a driver without it notices at its next transfer. */
  checkNow?(): Promise<void>;
}

/**
 * Scanners, lockers and both document readers are run by the manager the same way: a `DeviceConnection` over the
 * opener, the driver over that connection, status and lifecycle handed straight to the driver. A bus attach retries
 * the connection at once; a detach asks the driver to check its handle. Built in one place so that the kinds cannot
 * drift apart in how they reconnect.
 */
export function managedConnectionDevice<
  K extends DeviceKind,
  T extends { close(): Promise<void> },
  D extends DriverOf<K> & ConnectionDriver,
>(
  open: () => Promise<TransferResult<T>>,
  context: DriverContext,
  createDriver: (connection: DeviceConnection<T>) => D,
  simulatorFor?: (driver: D) => SimulatorControls,
): ManagedDevice<K> {
  const connection = new DeviceConnection(open, context.backoff);
  const driver = createDriver(connection);
  return {
    driver,
    status: () => driver.status(),
    onStatus: (listener) => driver.onStatus(listener),
    start: () => driver.start(),
    stop: () => driver.stop(),
    busChanged: (change) => {
      if (change === 'attach') connection.nudge();
      else void driver.checkNow?.();
    },
    simulator: simulatorFor?.(driver),
  };
}
