import { err, ok } from '../../../lib/result.js';
import { simulatorControlsWithPlug } from '../../simulator/plug_controls.js';
import type { ControlResult, PlugControls } from '../../simulator/simulator_controls.js';
import type { VendingUnitSimulator } from './vending_unit_simulator.js';

/** The most items a person can load into one simulated spiral (a real spiral holds far fewer). */
export const MAX_SIMULATED_SLOT_STOCK = 99;

/** One spiral as the Dev dock shows it: what is physically in it, and whether it is jammed. */
export interface SimulatedSlot {
  slot: string;
  stock: number;
  jammed: boolean;
}

export interface VendingSimulatorControls extends PlugControls {
  readonly kind: 'vending-unit';
  slots(): SimulatedSlot[];
  /** Staff put `count` items in the spiral (what is physically there; the backend's count is staff's business). */
  setStock(slot: string, count: number): ControlResult;
  /** The slot's items catch on the spiral (`jam: true`: it turns, nothing falls), or fall again. */
  jamSlot(slot: string, jam: boolean): ControlResult;
  /** The chute's sensor misses the next item that falls (the resident gets it; the kiosk refunds it). */
  missNextDrop(): ControlResult;
  /** How many drops the sensor will still miss. */
  missingDrops(): number;
}

/** The dock's controls of a simulated vending unit. */
export function vendingControls(deviceId: string, unit: VendingUnitSimulator): VendingSimulatorControls {
  const known = (slot: string) => unit.slots().includes(slot);
  return simulatorControlsWithPlug<VendingSimulatorControls>('vending-unit', deviceId, unit, {
    slots: () =>
      unit.slots().map((slot) => ({ slot, stock: unit.stockOf(slot), jammed: unit.isJammed(slot) })),
    setStock: (slot, count) => {
      if (!known(slot)) return err(`unknown slot ${slot}`);
      if (!Number.isInteger(count) || count < 0 || count > MAX_SIMULATED_SLOT_STOCK)
        return err(`stock must be 0–${MAX_SIMULATED_SLOT_STOCK}`);
      unit.setStock(slot, count);
      return ok();
    },
    jamSlot: (slot, jam) => {
      if (!known(slot)) return err(`unknown slot ${slot}`);
      if (jam) unit.jam(slot);
      else unit.unjam(slot);
      return ok();
    },
    missNextDrop: () => {
      unit.missNextDrop();
      return ok();
    },
    missingDrops: () => unit.missingDrops,
  });
}
