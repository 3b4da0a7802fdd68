/**
 * Smart Locker doors (USBRelay HID boards with door sensors): this folder's public surface. Code outside devices/
 * imports the locker from here only (test/architecture/import_rules.test.ts checks it); tests may reach inside.
 */
export type { LockerOptions } from './locker_config.js';
export type { DoorFailure, DoorResult, LockerController } from './locker_driver.js';
export { hidLockerFactory, simulatedLockerFactory } from './locker_factory.js';
export type { LockerSimulatorControls } from './simulator/locker_simulator_controls.js';
