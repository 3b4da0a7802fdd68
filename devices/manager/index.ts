/**
 * The device manager: runs the configured devices (real or simulated) through the driver registry and publishes
 * their statuses. This folder's public surface: code outside devices/ imports the manager from here only
 * (test/architecture/import_rules.test.ts checks it).
 */
export { createDefaultRegistry } from './default_registry.js';
export { DeviceManager, type DeviceManagerOptions, type DeviceManagerReport } from './device_manager.js';
export type { DriverByKind } from './driver_registry.js';
export type { HardwareAccess } from './hardware_access.js';
export { describeUsbDevice, type UsbDescription } from './usb_sysfs.js';
