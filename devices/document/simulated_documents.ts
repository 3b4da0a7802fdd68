import { type SimulatedIdCard, simulatedCardFromFields } from './ga467/simulator/ga467_reader_simulator.js';
import type { ResidencePermitFields } from './ga467/text_block.js';
import { EmrtdChip } from './icao9303/simulator/emrtd_chip.js';
import {
  type BuiltEmrtdChip,
  createEmrtdChip,
  type EmrtdChipSpec,
} from './icao9303/simulator/emrtd_chip_factory.js';
import { minimalJpeg } from './icao9303/simulator/minimal_jpeg.js';
import { createTestPki, type TestPki } from './icao9303/simulator/test_pki.js';
import type { SimulatedCard } from './iso7816/apdu_channel.js';

/**
 * The documents a person can place on a simulated reader (dev dock, CLI, end-to-end tests). The people are
 * invented: ICAO's "Utopia" specimens, two Macao SAR passports, and a Macao resident's Mainland residence permit.
 * eMRTD chips carry a SOD signed by a test CSCA made once per process; `simulatorTrustAnchor()` gives its
 * certificate to a caller that wants passive authentication to verify against it.
 *
 * What each eMRTD sample is for, so the flows' tests can place a good, an expired and a forged document:
 * - `passport-macao`: valid (expires 2033-05-20), genuine chip: verifies.
 * - `passport-td3` (expired 2012-04-15) and `id-card-td1` (expired 1995-07-12): genuine chips, expired documents.
 * - `passport-forged`: valid dates, but its chip is the forgery of issue 8: the SOD is signed by a forger's
 *   Document Signer whose certificate copies the simulator's names (issuer, subject, serial), and it carries the
 *   genuine Document Signer certificate beside it, naming the signer by subjectKeyIdentifier. Passive
 *   authentication against `simulatorTrustAnchor()` reports `failed`, `ds-not-signed-by-csca` (without a trust
 *   anchor it is merely `unverified`, like every sample).
 *
 * The document numbers MB2345678 and MB7654321 are fixed: the embedded backend seeds residents with them.
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
  /** A Macao SAR passport (issuing state and nationality CHN, as Macao SAR passports carry). */
  'passport-macao': [
    'P<CHNCHAN<<TAI<MAN<<<<<<<<<<<<<<<<<<<<<<<<<<',
    'MB23456788CHN9003152M3305201<<<<<<<<<<<<<<<6',
  ],
  /** A Macao SAR passport whose chip is forged (see above). */
  'passport-forged': [
    'P<CHNLEI<<KA<WAI<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
    'MB76543213CHN8811020F3106305<<<<<<<<<<<<<<<2',
  ],
} as const;
export type EmrtdSample = keyof typeof emrtdSamples;

/** How each sample's chip signs its SOD. */
const chipKinds: Readonly<Record<EmrtdSample, 'genuine' | 'forged-document-signer'>> = {
  'passport-td3': 'genuine',
  'id-card-td1': 'genuine',
  'passport-macao': 'genuine',
  'passport-forged': 'forged-document-signer',
};

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

/** The forger's PKI: its own keys, the simulator CSCA's name, so its Document Signer copies every name. */
let forgerPki: Promise<TestPki> | undefined;
function simulatorForgerPki(): Promise<TestPki> {
  forgerPki ??= createTestPki(new Date(), 'Utopia CSCA');
  return forgerPki;
}

async function sodSigning(
  kind: 'genuine' | 'forged-document-signer',
): Promise<Pick<EmrtdChipSpec, 'documentSigner' | 'sod'>> {
  const genuine = await simulatorPki();
  switch (kind) {
    case 'genuine':
      return { documentSigner: genuine.documentSigner };
    case 'forged-document-signer': {
      const forger = await simulatorForgerPki();
      return {
        documentSigner: forger.documentSigner,
        sod: {
          certificates: [genuine.documentSigner, forger.documentSigner],
          signerIdentifier: 'subject-key-identifier',
        },
      };
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown chip kind ${String(unreachable)}`);
    }
  }
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

/**
 * Each sample's files, made once: encoding the face and signing the SOD took the simulated reader several
 * milliseconds of the kiosk's main thread at every placement (inside the dev dock's "document placed → face shown").
 */
const sampleFiles = new Map<EmrtdSample, Promise<Pick<BuiltEmrtdChip, 'files' | 'mrzInformation'>>>();

function sampleFilesOf(name: EmrtdSample): Promise<Pick<BuiltEmrtdChip, 'files' | 'mrzInformation'>> {
  let built = sampleFiles.get(name);
  if (!built) {
    built = (async () =>
      createEmrtdChip({
        mrzLines: emrtdSamples[name],
        face: { bytes: minimalJpeg(20_000), width: 240, height: 320, format: 'jpeg' },
        ...(await sodSigning(chipKinds[name])),
      }))();
    sampleFiles.set(name, built);
  }
  return built;
}

/** A fresh chip for the sample (each placement is a new card: no session state carries over, nor file bytes). */
export async function emrtdSampleCard(name: EmrtdSample): Promise<SimulatedCard> {
  const { files, mrzInformation } = await sampleFilesOf(name);
  const copies = new Map([...files].map(([id, bytes]): [number, Uint8Array] => [id, Uint8Array.from(bytes)]));
  return new EmrtdChip({ mrzInformation, files: copies });
}

export function idCardSampleCard(name: IdCardSample): SimulatedIdCard {
  const card = simulatedCardFromFields(idCardSamples[name]);
  // The sample's fields are fixed and fit the layout; a failure here is a bug in this file.
  if (!card.ok) throw new Error(`sample ${name} does not fit the GA 467 text block`);
  return card.value;
}
