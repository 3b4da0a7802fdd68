import type { DeviceConfig } from '../../devices/device_config.js';
import type { DeviceStatus } from '../../devices/device_status.js';
import type { DeviceHub } from '../services/device_hub.js';

function initialStatus(device: DeviceConfig): DeviceStatus {
  // Real devices are unknown until the device manager has found them: report them disconnected, never ready.
  const state = device.transport === 'simulated' ? 'ready' : 'disconnected';
  return { kind: device.kind, id: device.id, status: { state } } as DeviceStatus;
}

/**
 * A device hub that knows only whether each configured device is plugged in. It lets the shell, the kiosk status
 * and the dev dock run before the device manager is wired in.
 */
export class PlugStateDeviceHub implements DeviceHub {
  #statuses: DeviceStatus[];
  readonly #listeners = new Set<(statuses: DeviceStatus[]) => void>();

  constructor(private readonly devices: DeviceConfig[]) {
    this.#statuses = devices.map(initialStatus);
  }

  statuses(): DeviceStatus[] {
    return this.#statuses;
  }

  onStatus(listener: (statuses: DeviceStatus[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async setPlugged(deviceId: string, plugged: boolean): Promise<boolean> {
    const device = this.devices.find((d) => d.id === deviceId);
    if (device?.transport !== 'simulated') return false;
    this.#statuses = this.#statuses.map((s) =>
      s.id === deviceId
        ? ({ ...s, status: { state: plugged ? 'ready' : 'disconnected' } } as DeviceStatus)
        : s,
    );
    for (const listener of this.#listeners) listener(this.#statuses);
    return true;
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
