/**
 * Document dispensers (card dispensers of the CREATOR CRT-5xx family on a USB–serial adapter): this folder's public
 * surface. Code outside devices/ imports the dispenser from here only (test/architecture/import_rules.test.ts checks
 * it); tests and the field tool may reach inside.
 */
export type {
  CardDispenser,
  DispenserCounts,
  DispenserFailure,
  DispenserResult,
} from './card_dispenser.js';
export { type DispenserOptions, DispenserOptionsSchema } from './dispenser_config.js';
export { serialDispenserFactory, simulatedDispenserFactory } from './dispenser_factory.js';
export type { DispenserSensors } from './dispenser_sensors.js';
export {
  type DispenserSimulatorControls,
  MAX_SIMULATED_CARDS,
} from './simulator/dispenser_simulator_controls.js';
