import { err, ok } from '../../../../lib/result.js';
import { simulatorControlsWithPlug } from '../../../simulator/plug_controls.js';
import type { PlugControls, ReaderSampleControls } from '../../../simulator/simulator_controls.js';
import type { SimulatedCard } from '../../iso7816/apdu_channel.js';
import { emrtdSampleCard, emrtdSamples, isEmrtdSample } from '../../simulated_documents.js';
import type { CcidReaderSimulator } from './ccid_reader_simulator.js';

export interface DocumentReaderSimulatorControls extends PlugControls, ReaderSampleControls {
  readonly kind: 'document-reader';
  /**
   * Puts a card of the caller's own making on the reader (tests build chips with faults this way), with the MRZ
   * printed on its data page when the test wants the OCR window to read one.
   */
  insertCard(card: SimulatedCard, printedMrz?: readonly string[]): void;
  /** Fault injection (time extensions, wrong bSeq, truncation, removal mid-read), for tests. */
  readonly faults: CcidReaderSimulator;
}

/**
 * The dock's controls of a simulated CCID reader: the eMRTD samples (a fresh chip for every placement, laid on the
 * glass with its printed MRZ, which the OCR window reads).
 */
export function documentReaderControls(
  deviceId: string,
  simulator: CcidReaderSimulator,
): DocumentReaderSimulatorControls {
  return simulatorControlsWithPlug<DocumentReaderSimulatorControls>('document-reader', deviceId, simulator, {
    samples: () => Object.keys(emrtdSamples),
    placeSample: async (name) => {
      if (!isEmrtdSample(name)) return err(`unknown document sample ${name}`);
      simulator.insertCard(await emrtdSampleCard(name), emrtdSamples[name]);
      return ok();
    },
    takeDocument: () => simulator.removeCard(),
    documentPresent: () => simulator.cardPresent,
    insertCard: (card, printedMrz) => simulator.insertCard(card, printedMrz),
    faults: simulator,
  });
}
