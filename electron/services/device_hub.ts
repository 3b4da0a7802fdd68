import type { DeviceStatus } from '../../devices/device_status.js';

/**
 * What the kiosk services need of the device layer: live statuses pushed on change, and the dev dock's
 * plug/unplug control (simulated devices only).
 */
export interface DeviceHub {
  statuses(): DeviceStatus[];
  onStatus(listener: (statuses: DeviceStatus[]) => void): () => void;
  /** Dev dock: unplug or replug a simulated device. Resolves false for an unknown or real device. */
  setPlugged(deviceId: string, plugged: boolean): Promise<boolean>;
  close(): Promise<void>;
}
