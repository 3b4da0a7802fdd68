import { DriverRegistry } from './driver_registry.js';
import { hidLockerFactory, simulatedLockerFactory } from './locker_factory.js';
import { hidScannerFactory, simulatedScannerFactory } from './scanner_factory.js';

/**
 * A registry with the drivers of this folder (scanners, lockers). The lead adds the printer and document
 * reader factories with `registry.registerDriverFactory(kind, transport, factory)` before building the manager.
 */
export function createDefaultRegistry(): DriverRegistry {
  const registry = new DriverRegistry();
  registry.registerDriverFactory('barcode-scanner', 'simulated', simulatedScannerFactory);
  registry.registerDriverFactory('barcode-scanner', 'hid', hidScannerFactory);
  registry.registerDriverFactory('locker-controller', 'simulated', simulatedLockerFactory);
  registry.registerDriverFactory('locker-controller', 'hid', hidLockerFactory);
  return registry;
}
