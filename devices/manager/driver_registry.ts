import type { Result } from '../../lib/result.js';
import type { DeviceConfig } from '../device_config.js';
import type { DeviceKind, DeviceStatus } from '../device_status.js';
import type { LockerController } from '../locker/locker_driver.js';
import type { BarcodeScanner } from '../scanner/barcode_scanner_driver.js';
import type { SimulatedLatency } from '../simulator/latency.js';
import type { SimulatorControls } from '../simulator/simulator_controls.js';
import type { BackoffPolicy } from '../transport/device_connection.js';
import type { HardwareAccess } from './hardware_access.js';

/**
 * The driver object of each device kind, as `DeviceManager.get(id, kind)` returns it. Other folders add
 * their kinds by declaration merging, without editing this file:
 *
 *   declare module '../manager/driver_registry.js' {
 *     interface DriverByKind { 'ticket-printer': TicketPrinter }
 *   }
 */
export interface DriverByKind {
  'barcode-scanner': BarcodeScanner;
  'locker-controller': LockerController;
}

export type DriverOf<K extends DeviceKind> = K extends keyof DriverByKind ? DriverByKind[K] : unknown;

/** One configured device as the manager runs it: a driver plus its status stream and lifecycle. */
export interface ManagedDevice<K extends DeviceKind = DeviceKind> {
  readonly driver: DriverOf<K>;
  status(): DeviceStatus['status'];
  onStatus(listener: (status: DeviceStatus['status']) => void): () => void;
  start(): void;
  stop(): Promise<void>;
  /** A USB device with this config's VID/PID came or went: reconnect now / check the handle now. */
  busChanged?(change: 'attach' | 'detach'): void;
  /** Present when the device is simulated. */
  readonly simulator?: SimulatorControls;
}

export interface DriverContext {
  config: DeviceConfig;
  hardware: HardwareAccess;
  backoff: BackoffPolicy;
  simulatorLatency: SimulatedLatency;
}

/** The device, or a configuration the factory cannot run (missing VID/PID, bad options): shown as an error status. */
export type DriverFactoryResult<K extends DeviceKind> = Result<
  ManagedDevice<K>,
  { code: string; detail: string }
>;

export type DriverFactory<K extends DeviceKind> = (context: DriverContext) => DriverFactoryResult<K>;

export type TransportKind = DeviceConfig['transport'];

/** Which factory builds which (kind, transport); the lead registers the printer and reader factories here. */
export class DriverRegistry {
  private readonly factories = new Map<string, DriverFactory<DeviceKind>>();

  registerDriverFactory<K extends DeviceKind>(
    kind: K,
    transport: TransportKind,
    factory: DriverFactory<K>,
  ): void {
    this.factories.set(`${kind}/${transport}`, factory as DriverFactory<DeviceKind>);
  }

  factoryFor(kind: DeviceKind, transport: TransportKind): DriverFactory<DeviceKind> | undefined {
    return this.factories.get(`${kind}/${transport}`);
  }

  registered(): string[] {
    return [...this.factories.keys()].sort();
  }
}
