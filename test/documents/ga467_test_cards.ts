/** A Macao resident's Mainland residence permit ('J') and a GA 467 reader with it, shared by the GA 467 tests. */
import { Ga467UsbLink } from '../../devices/document/ga467/ga467_link.js';
import { Ga467Reader, type Ga467ReaderOptions } from '../../devices/document/ga467/ga467_reader.js';
import {
  Ga467ReaderSimulator,
  type SimulatedIdCard,
  simulatedCardFromFields,
} from '../../devices/document/ga467/ga467_reader_simulator.js';
import type { IdentityTextFields, ResidencePermitFields } from '../../devices/document/ga467/text_block.js';

export const macaoPermit: ResidencePermitFields = {
  kind: 'hmt-residence-permit',
  name: '陳大文',
  sexCode: '1',
  birthDate: '1990-03-15',
  address: '广东省珠海市横琴新区环岛东路1889号',
  idNumber: '820000199003150017',
  issuingAuthority: '珠海市公安局',
  validFrom: '2023-05-02',
  validUntil: { kind: 'date', date: '2028-05-01' },
  passNumber: 'M12345678',
  issueCount: 1,
};

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
