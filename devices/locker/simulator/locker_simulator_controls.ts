import { err, ok } from '../../../lib/result.js';
import { simulatorControlsWithPlug } from '../../simulator/plug_controls.js';
import type { ControlResult, PlugControls } from '../../simulator/simulator_controls.js';
import type { LockerOptions } from '../locker_config.js';
import type { DoorResult, LockerDriver } from '../locker_driver.js';
import type { RelayBoardSimulator } from './relay_board_simulator.js';

export interface LockerSimulatorControls extends PlugControls {
  readonly kind: 'locker-controller';
  doors(): string[];
  isDoorOpen(door: string): boolean | undefined;
  /** Opens the door the way the kiosk does: through the driver, pulse and read-back over the simulated board. */
  openDoor(door: string): Promise<DoorResult>;
  /** A person shuts the door. */
  closeDoor(door: string): ControlResult;
  /** The door's latch relay stops switching (no read-back, the door stays shut), or works again. */
  jamDoor(door: string, jam: boolean): ControlResult;
}

/** The dock's controls of a simulated relay board, wired as `doors` says. */
export function lockerControls(
  deviceId: string,
  board: RelayBoardSimulator,
  doors: LockerOptions['doors'],
  driver: LockerDriver,
): LockerSimulatorControls {
  return simulatorControlsWithPlug<LockerSimulatorControls>('locker-controller', deviceId, board, {
    doors: () => Object.keys(doors),
    isDoorOpen: (door) => {
      const wiring = doors[door];
      return wiring === undefined ? undefined : board.isDoorOpen(wiring.sensor);
    },
    openDoor: (door) => driver.openDoor(door),
    closeDoor: (door) => {
      const wiring = doors[door];
      if (wiring === undefined) return err(`unknown door ${door}`);
      board.closeDoor(wiring.sensor);
      return ok();
    },
    jamDoor: (door, jam) => {
      const wiring = doors[door];
      if (wiring === undefined) return err(`unknown door ${door}`);
      if (jam) board.jamRelay(wiring.relay);
      else board.unjamRelay(wiring.relay);
      return ok();
    },
  });
}
