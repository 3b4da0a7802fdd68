import { err, ok } from '../../../lib/result.js';
import { simulatorControlsWithPlug } from '../../simulator/plug_controls.js';
import type { ControlResult, PlugControls } from '../../simulator/simulator_controls.js';
import { type KeypadKey, keypadKeys } from '../keypad_keys.js';
import type { KeypadSimulator } from './keypad_simulator.js';

export interface KeypadSimulatorControls extends PlugControls {
  readonly kind: 'tactile-keypad';
  /** The keys it has, as the dock lays them out. */
  keys(): KeypadKey[];
  /** A resident presses `key`: the keypad sends the reports a real one would. */
  press(key: KeypadKey): ControlResult;
}

/** The dock's controls of a simulated tactile keypad. */
export function keypadControls(deviceId: string, simulator: KeypadSimulator): KeypadSimulatorControls {
  return simulatorControlsWithPlug<KeypadSimulatorControls>('tactile-keypad', deviceId, simulator, {
    keys: () => [...keypadKeys],
    press: (key) => {
      if (!simulator.plugged) return err('unplugged');
      simulator.press(key);
      return ok();
    },
  });
}
