import { err, ok } from '../../../lib/result.js';
import { simulatorControlsWithPlug } from '../../simulator/plug_controls.js';
import type { ControlResult, PlugControls } from '../../simulator/simulator_controls.js';
import type { CardDispenserSimulator } from './card_dispenser_simulator.js';

/** The most cards a person can load into the simulated stacker from the dock (a CRT-591 stacker holds ~200). */
export const MAX_SIMULATED_CARDS = 500;

export interface DispenserSimulatorControls extends PlugControls {
  readonly kind: 'document-dispenser';
  /** What the dock shows: cards in the stacker, a card at the gate, cards in the reject bin, a jam (or one to come). */
  view(): { cards: number; cardAtGate: boolean; rejectBin: number; jam: 'none' | 'next-card' | 'jammed' };
  /** Staff fill the stacker with `count` cards. */
  loadCards(count: number): ControlResult;
  /** The resident takes the card waiting at the gate. */
  takeCard(): ControlResult;
  /** The next card jams in the channel (`true`), or staff clear a jam (`false`). */
  setJam(jam: boolean): void;
  /** Fault injection (NAKs, silence, damaged answers, power cycles), for tests. */
  readonly faults: CardDispenserSimulator;
}

/** The dock's controls of a simulated card dispenser. */
export function dispenserControls(
  deviceId: string,
  simulator: CardDispenserSimulator,
): DispenserSimulatorControls {
  return simulatorControlsWithPlug<DispenserSimulatorControls>('document-dispenser', deviceId, simulator, {
    view: () => ({
      cards: simulator.cards,
      cardAtGate: simulator.cardAtGate,
      rejectBin: simulator.rejectBin,
      jam: simulator.isJammed ? 'jammed' : simulator.jamPending ? 'next-card' : 'none',
    }),
    loadCards: (count) => {
      if (!Number.isInteger(count) || count < 0 || count > MAX_SIMULATED_CARDS)
        return err(`load 0–${MAX_SIMULATED_CARDS} cards`);
      simulator.loadCards(count);
      return ok();
    },
    takeCard: () => (simulator.takeCard() ? ok() : err('no card at the gate')),
    setJam: (jam) => (jam ? simulator.jamNextCard() : simulator.clearJam()),
    faults: simulator,
  });
}
