/**
 * The last faults of each device, with their time, for the maintenance screen ("last errors"): every move into a
 * state in which the device cannot serve (disconnected, no paper, cover open, jam, empty, error with its code).
 * Kept in memory for this run, ten per device; the recent log keeps the longer history.
 */
import { type DeviceStatus, isUsable } from '../../devices/device_status.js';
import type { Clock } from '../services/clock.js';

export interface DeviceFault {
  /** ISO 8601. */
  at: string;
  state: string;
  code?: string;
}

const keptPerDevice = 10;

export class DeviceHistory {
  readonly #clock: Pick<Clock, 'now'>;
  readonly #last = new Map<string, DeviceStatus['status']>();
  readonly #faults = new Map<string, DeviceFault[]>();

  constructor(clock: Pick<Clock, 'now'>, initial: DeviceStatus[]) {
    this.#clock = clock;
    for (const device of initial) this.#last.set(device.id, device.status);
  }

  /** Feed it every statuses push of the device hub. */
  record(statuses: DeviceStatus[]): void {
    for (const { id, status } of statuses) {
      const previous = this.#last.get(id);
      this.#last.set(id, status);
      if (isUsable(status)) continue;
      const same =
        previous?.state === status.state &&
        (status.state !== 'error' || (previous.state === 'error' && previous.code === status.code));
      if (same) continue;
      const fault: DeviceFault = {
        at: new Date(this.#clock.now()).toISOString(),
        state: status.state,
        ...(status.state === 'error' ? { code: status.code } : {}),
      };
      this.#faults.set(id, [fault, ...(this.#faults.get(id) ?? [])].slice(0, keptPerDevice));
    }
  }

  /** Newest first. */
  faults(deviceId: string): DeviceFault[] {
    return this.#faults.get(deviceId) ?? [];
  }
}
