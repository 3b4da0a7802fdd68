import { err, ok } from '../../../../lib/result.js';
import { simulatorControlsWithPlug } from '../../../simulator/plug_controls.js';
import type { PlugControls, ReaderSampleControls } from '../../../simulator/simulator_controls.js';
import { idCardSampleCard, idCardSamples, isIdCardSample } from '../../simulated_documents.js';
import type { Ga467ReaderSimulator, SimulatedIdCard } from './ga467_reader_simulator.js';

export interface IdCardReaderSimulatorControls extends PlugControls, ReaderSampleControls {
  readonly kind: 'id-card-reader';
  /** Lays a card of the caller's own making on the reader. */
  placeCard(card: SimulatedIdCard): void;
  /** Fault injection (corrupt checksums, SAM self-test failure), for tests. */
  readonly faults: Ga467ReaderSimulator;
}

/** The dock's controls of a simulated GA 467 reader: the residence-permit samples. */
export function idCardReaderControls(
  deviceId: string,
  simulator: Ga467ReaderSimulator,
): IdCardReaderSimulatorControls {
  return simulatorControlsWithPlug<IdCardReaderSimulatorControls>('id-card-reader', deviceId, simulator, {
    samples: () => Object.keys(idCardSamples),
    placeSample: async (name) => {
      if (!isIdCardSample(name)) return err(`unknown card sample ${name}`);
      simulator.placeCard(idCardSampleCard(name));
      return ok();
    },
    takeDocument: () => simulator.takeCard(),
    documentPresent: () => simulator.cardPresent,
    placeCard: (card) => simulator.placeCard(card),
    faults: simulator,
  });
}
