/**
 * Tactile navigation keypads (USB HID): this folder's public surface. Code outside devices/ imports the keypad
 * from here only (test/architecture/import_rules.test.ts checks it); tests and benchmarks may reach inside.
 */
export type { TactileKeypad } from './keypad_driver.js';
export { hidKeypadFactory, simulatedKeypadFactory } from './keypad_factory.js';
export { type KeypadKey, type KeypadPress, keypadKeys } from './keypad_keys.js';
export type { KeypadSimulatorControls } from './simulator/keypad_simulator_controls.js';
