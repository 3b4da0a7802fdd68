import { err, ok, type Result } from '../../lib/result.js';
import type { DoorFailure } from '../locker/locker_driver.js';
import type { Symbology } from '../scanner/scan_event.js';
import type { ControlResult, SimulatorControls } from './simulator_controls.js';

/**
 * The dev dock's handle on every simulated device: list them, and act on one by id. Every method returns a
 * value (an unknown id, a real device, an unplugged scanner are `ok: false`), never throws.
 */
export class SimulatorHandle {
  constructor(private readonly all: () => SimulatorControls[]) {}

  list(): SimulatorControls[] {
    return this.all();
  }

  get(deviceId: string): SimulatorControls | undefined {
    return this.all().find((controls) => controls.deviceId === deviceId);
  }

  unplug(deviceId: string): ControlResult {
    const controls = this.get(deviceId);
    if (controls === undefined) return err(`${deviceId} is not simulated`);
    controls.unplug();
    return ok();
  }

  replug(deviceId: string): ControlResult {
    const controls = this.get(deviceId);
    if (controls === undefined) return err(`${deviceId} is not simulated`);
    controls.replug();
    return ok();
  }

  scan(deviceId: string, text: string, symbology: Symbology = 'qr'): ControlResult {
    const controls = this.get(deviceId);
    if (controls?.kind !== 'barcode-scanner') return err(`${deviceId} is not a simulated scanner`);
    return controls.scan(text, symbology);
  }

  async openDoor(
    deviceId: string,
    door: string,
  ): Promise<Result<void, DoorFailure | { code: 'not-simulated' }>> {
    const controls = this.get(deviceId);
    if (controls?.kind !== 'locker-controller') return err({ code: 'not-simulated' });
    return controls.openDoor(door);
  }

  closeDoor(deviceId: string, door: string): ControlResult {
    const controls = this.get(deviceId);
    if (controls?.kind !== 'locker-controller') return err(`${deviceId} is not a simulated locker`);
    return controls.closeDoor(door);
  }
}
