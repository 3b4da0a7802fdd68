import { parseArgs } from 'node:util';
import type { DeviceKind } from '../../devices/device_status.js';
import type { DriverByKind } from '../../devices/manager/driver_registry.js';
import { defaultConfigPath, formatConfigError, loadConfigFile } from '../config/config_loader.js';
import { ManagerDeviceHub } from '../services/manager_device_hub.js';
import type { CliIo } from './command.js';

/**
 * Starts the configured devices (real or simulated), runs `work`, and stops them whatever happens. A field
 * engineer runs this with the kiosk app stopped: a USB device has one owner at a time.
 */
export async function withDevices(
  configPath: string,
  io: CliIo,
  work: (hub: ManagerDeviceHub) => Promise<number>,
): Promise<number> {
  const loaded = loadConfigFile(configPath);
  if (!loaded.ok) {
    io.err(formatConfigError(loaded.error));
    return 78;
  }
  const hub = new ManagerDeviceHub(loaded.value.devices);
  await hub.start();
  try {
    return await work(hub);
  } finally {
    await hub.close();
  }
}

/** The device `id`, or the first configured device of `kind` when no id is given. */
export function pickDevice<K extends keyof DriverByKind & DeviceKind>(
  hub: ManagerDeviceHub,
  kind: K,
  id: string | undefined,
): { id: string; driver: DriverByKind[K] } | { error: string } {
  const chosen = id ?? hub.manager.configs().find((c) => c.kind === kind)?.id;
  if (!chosen) return { error: `no ${kind} configured` };
  const driver = hub.manager.get(chosen, kind);
  return driver ? { id: chosen, driver } : { error: `${chosen} is not a ${kind} with a driver` };
}

/**
 * The common shape of a one-device command: start the configured devices, pick the device (`--device` or the
 * first of its kind), run `work` on it; a missing device is a clear message and status 1.
 */
export function withDevice<K extends keyof DriverByKind & DeviceKind>(
  configPath: string,
  deviceId: string | undefined,
  kind: K,
  io: CliIo,
  work: (device: { id: string; driver: DriverByKind[K] }, hub: ManagerDeviceHub) => Promise<number>,
): Promise<number> {
  return withDevices(configPath, io, async (hub) => {
    const device = pickDevice(hub, kind, deviceId);
    if ('error' in device) {
      io.err(device.error);
      return 1;
    }
    return work(device, hub);
  });
}

/** Waits until `ready()` or `ms` pass (a device's first status read after start). */
export async function settle(ready: () => boolean, ms = 3000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

export interface DeviceArgs {
  config: string;
  device: string | undefined;
  waitClose: string | undefined;
  positionals: string[];
}

/** `--config FILE`, `--device ID`, `--wait-close SECONDS` and positionals; unknown flags throw (usage error). */
export function parseDeviceArgs(args: string[]): DeviceArgs {
  const { values, positionals } = parseArgs({
    args,
    options: { config: { type: 'string' }, device: { type: 'string' }, 'wait-close': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  return {
    config: values.config ?? defaultConfigPath,
    device: values.device,
    waitClose: values['wait-close'],
    positionals,
  };
}
