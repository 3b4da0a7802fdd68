import { type SimulatedIdCard, simulatedCardFromFields } from './ga467/simulator/ga467_reader_simulator.js';
import type { ResidencePermitFields } from './ga467/text_block.js';
import { createEmrtdChip } from './icao9303/simulator/emrtd_chip_factory.js';
import { minimalJpeg } from './icao9303/simulator/minimal_jpeg.js';
import { createTestPki, type TestPki } from './icao9303/simulator/test_pki.js';
import type { SimulatedCard } from './iso7816/apdu_channel.js';

/**
 * The documents a person can place on a simulated reader (dev dock, CLI, end-to-end tests). The people are
 * invented: ICAO's "Utopia" specimens for the eMRTDs, and a Macao resident's Mainland residence permit.
 * eMRTD chips carry a SOD signed by a test CSCA made once per process; `simulatorTrustAnchor()` gives its
 * certificate to a caller that wants passive authentication to verify against it.
 */

export const emrtdSamples = {
  /** ICAO 9303 Part 4 specimen passport (TD3). */
  'passport-td3': [
    'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
    'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
  ],
  /** ICAO 9303 Part 11 D.2 identity card with a long document number (TD1). */
  'id-card-td1': [
    'I<UTOD23145890<7349<<<<<<<<<<<',
    '3407127M9507122UTO<<<<<<<<<<<2',
    'STEVENSON<<PETER<JOHN<<<<<<<<<',
  ],
} as const;
export type EmrtdSample = keyof typeof emrtdSamples;

const macaoResidencePermit: ResidencePermitFields = {
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
export const idCardSamples = { 'residence-permit': macaoResidencePermit } as const;
export type IdCardSample = keyof typeof idCardSamples;

let pki: Promise<TestPki> | undefined;
function simulatorPki(): Promise<TestPki> {
  pki ??= createTestPki(new Date());
  return pki;
}

/** The DER certificate of the CSCA that signs every simulated eMRTD in this process. */
export async function simulatorTrustAnchor(): Promise<Uint8Array> {
  return (await simulatorPki()).csca.der;
}

export function isEmrtdSample(name: string): name is EmrtdSample {
  return Object.hasOwn(emrtdSamples, name);
}

export function isIdCardSample(name: string): name is IdCardSample {
  return Object.hasOwn(idCardSamples, name);
}

/** A fresh chip for the sample (each placement is a new card: no session state carries over). */
export async function emrtdSampleCard(name: EmrtdSample): Promise<SimulatedCard> {
  const { documentSigner } = await simulatorPki();
  const built = await createEmrtdChip({
    mrzLines: emrtdSamples[name],
    face: { bytes: minimalJpeg(20_000), width: 240, height: 320, format: 'jpeg' },
    documentSigner,
  });
  return built.chip;
}

export function idCardSampleCard(name: IdCardSample): SimulatedIdCard {
  const card = simulatedCardFromFields(idCardSamples[name]);
  // The sample's fields are fixed and fit the layout; a failure here is a bug in this file.
  if (!card.ok) throw new Error(`sample ${name} does not fit the GA 467 text block`);
  return card.value;
}
