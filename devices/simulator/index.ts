/**
 * What every byte-level simulator shares, and the typed controls the dev dock and tests use on a simulated
 * device (one set per kind, declared beside each simulator). This folder's public surface: code outside devices/
 * imports from here only (test/architecture/import_rules.test.ts checks it).
 */
export { noLatency, type SimulatedLatency } from './latency.js';
export {
  type ControlResult,
  type PaperLevel,
  type PlugControls,
  paperLevels,
  type SimulatorControls,
} from './simulator_controls.js';
export type { SimulatorHandle } from './simulator_handle.js';
