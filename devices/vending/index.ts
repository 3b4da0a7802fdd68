/**
 * Publications vending units (spiral motors and a drop sensor on a USB HID relay board): this folder's public
 * surface. Code outside devices/ imports the vending unit from here only (test/architecture/import_rules.test.ts
 * checks it); tests and benchmarks may reach inside.
 */
export {
  MAX_SIMULATED_SLOT_STOCK,
  type SimulatedSlot,
  type VendingSimulatorControls,
} from './simulator/vending_simulator_controls.js';
export type { VendFailure, VendingController, VendingUnit, VendOutcome } from './vending_driver.js';
export { hidVendingFactory, simulatedVendingFactory } from './vending_factory.js';
