/** A Macao resident's Mainland residence permit ('J') and a GA 467 reader with it, shared by the GA 467 tests. */
import { Ga467UsbLink } from '../../devices/document/ga467/ga467_link.js';
import { Ga467Reader, type Ga467ReaderOptions } from '../../devices/document/ga467/ga467_reader.js';
import {
  Ga467ReaderSimulator,
  type SimulatedIdCard,
  simulatedCardFromFields,
} from '../../devices/document/ga467/simulator/ga467_reader_simulator.js';
import type { IdentityTextFields, ResidencePermitFields } from '../../devices/document/ga467/text_block.js';
import { idCardSamples } from '../../devices/document/simulated_documents.js';

/** A Macao resident's permit: the same card the dev dock and the CLI place on the simulated reader. */
export const macaoPermit: ResidencePermitFields = idCardSamples['residence-permit'];

/** The simulated card for `fields`; a test whose fields do not fit has a bug, so this throws. */
export function idCard(fields: IdentityTextFields): SimulatedIdCard {
  const card = simulatedCardFromFields(fields);
  if (!card.ok) throw new Error(`test card fields do not fit: ${JSON.stringify(card.error)}`);
  return card.value;
}

export function ga467ReaderWithPermit(options: Ga467ReaderOptions = {}) {
  const simulator = new Ga467ReaderSimulator();
  simulator.placeCard(idCard(macaoPermit));
  const reader = new Ga467Reader(new Ga467UsbLink(simulator), {
    timeoutMs: 300,
    readTimeoutMs: 300,
    ...options,
  });
  return { simulator, reader };
}
