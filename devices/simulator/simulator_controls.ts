import type { DeviceKind } from '../device_status.js';
import type { DoorResult } from '../locker/locker_driver.js';
import type { Symbology } from '../scanner/scan_event.js';

/**
 * What the dev dock (and end-to-end tests) can do to a simulated device at runtime. Every control returns a
 * value; none throws, whatever state the device is in.
 */

export interface PlugControls {
  readonly deviceId: string;
  readonly plugged: boolean;
  unplug(): void;
  replug(): void;
}

export type ControlResult = { ok: true } | { ok: false; error: string };

export interface ScannerSimulatorControls extends PlugControls {
  readonly kind: 'barcode-scanner';
  /** The scanner reads `text` as a `symbology` code and sends the reports a real one would. */
  scan(text: string, symbology: Symbology): ControlResult;
}

export interface LockerSimulatorControls extends PlugControls {
  readonly kind: 'locker-controller';
  doors(): string[];
  isDoorOpen(door: string): boolean | undefined;
  /** Opens the door the way the kiosk does: through the driver, pulse and read-back over the simulated board. */
  openDoor(door: string): Promise<DoorResult>;
  /** A person shuts the door. */
  closeDoor(door: string): ControlResult;
}

/**
 * Controls of simulators this folder does not know (printers, document readers): the plug, plus whatever
 * the registering helper exposes in `extra`, which the dock narrows for its kind.
 */
export interface OtherSimulatorControls extends PlugControls {
  readonly kind: Exclude<DeviceKind, 'barcode-scanner' | 'locker-controller'>;
  readonly extra?: unknown;
}

export type SimulatorControls = ScannerSimulatorControls | LockerSimulatorControls | OtherSimulatorControls;
