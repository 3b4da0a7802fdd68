import type { DeviceConfig } from '../../devices/device_config.js';
import type { DeviceStatus } from '../../devices/device_status.js';
import type { CardDispenser } from '../../devices/dispenser/index.js';
import type { LockerController } from '../../devices/locker/index.js';
import type { DriverByKind } from '../../devices/manager/index.js';
import type { PrinterRegistration } from '../journal/print_pipeline.js';
import type { SimulatedDevice, SimulatorAction, SimulatorActionResult } from '../rpc/dev_contract.js';

/** A configured device's driver, by its configured id. */
export interface DriverRegistration<D> {
  id: string;
  driver: D;
}

/**
 * What the kiosk services need of the device layer: live statuses pushed on change, the printers for the print
 * pipeline, the document dispensers and locker doors for the flows that release documents, and the dev dock's
 * control of simulated devices. `ManagerDeviceHub` is the one implementation; tests
 * use it over simulated devices.
 */
export interface DeviceHub {
  statuses(): DeviceStatus[];
  onStatus(listener: (statuses: DeviceStatus[]) => void): () => void;
  /** The simulated devices and what the dock can do to them (empty on a kiosk with real devices only). */
  simulators(): SimulatedDevice[];
  simulate(action: SimulatorAction): Promise<SimulatorActionResult>;
  /** The configured printers' drivers, for the print pipeline. */
  printers(): PrinterRegistration[];
  /** The configured document dispensers (card-sized documents). */
  dispensers(): DriverRegistration<CardDispenser>[];
  /** The configured locker controllers (documents that are not card-sized are released through a locker door). */
  lockers(): DriverRegistration<LockerController>[];
  /** The configured devices as the configuration names them (kind, transport, model, USB ids, required). */
  configs(): DeviceConfig[];
  /** Every running driver of one kind: the staff door's scanners, maintenance's test read and test prints. */
  drivers<K extends keyof DriverByKind>(kind: K): DriverRegistration<DriverByKind[K]>[];
  /** Closes a device's handle and opens it again (maintenance's "reconnect"); false for an unknown device. */
  reconnect(deviceId: string): Promise<boolean>;
  close(): Promise<void>;
}
