/**
 * The document reader's test read: staff place the staff test card (a specimen passport, never a resident's
 * document) and the kiosk reads its chip the way a resident's would be read — BAC with the card's printed MRZ,
 * DG1 and DG2, passive authentication against the CSCA certificates — and shows what it read: the face, the data
 * and whether the chip verified. The result lives only in the maintenance screen's step (never in a log or the
 * journal): the test card is a document like any other.
 */
import {
  bacInputFromMrz,
  emrtdSamples,
  faceImageForDisplay,
  type ManagedCcidReader,
  parseMrz,
  readEmrtd,
  simulatorTrustAnchor,
} from '../../devices/document/index.js';
import { err, ok, type Result } from '../../lib/result.js';
import { readCertificateFile } from '../keys/certificate_file.js';
import type { StaffConfig } from '../staff/staff_config.js';

export interface TestCardData {
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  name: string;
  nationality: string;
  /** YYYY-MM-DD, or the raw MRZ field when the date is partial. */
  birthDate: string;
  sex: string;
  expiryDate: string;
  expired: boolean;
}

export interface TestCardReading {
  document: TestCardData;
  /** The DG2 face as a data URL the renderer may show, or null when the chip has none it can show. */
  face: string | null;
  passiveAuthentication: 'verified' | 'unverified' | 'failed';
}

export type TestReadFailure =
  /** Production without `staff.testCard`: the kiosk does not know the test card's MRZ. */
  | 'no-test-card'
  /** The configured MRZ does not parse (a typo in the configuration). */
  | 'bad-test-card-mrz'
  | 'no-card'
  | 'access-denied'
  | 'read-failed';

export interface TestCard {
  mrz: readonly string[];
  /** CSCA certificates (DER) the chip is checked against. */
  trustStore: () => Promise<Uint8Array[]>;
}

/** The configured test card, or in development and test the simulated readers' valid sample and their CSCA. */
export function testCardFor(
  staff: StaffConfig,
  mode: 'production' | 'development' | 'test',
): TestCard | null {
  if (staff.testCard) {
    const files = staff.testCard.cscaFiles;
    return { mrz: staff.testCard.mrz, trustStore: async () => files.map(readCertificateFile) };
  }
  if (mode === 'production') return null;
  return { mrz: emrtdSamples['passport-macao'], trustStore: async () => [await simulatorTrustAnchor()] };
}

export async function readTestCard(
  reader: ManagedCcidReader,
  card: TestCard | null,
  now: Date,
): Promise<Result<TestCardReading, TestReadFailure>> {
  if (card === null) return err('no-test-card');
  const mrz = parseMrz(card.mrz, { today: now });
  if (!mrz.ok) return err('bad-test-card-mrz');
  if (reader.status().state !== 'card-present') return err('no-card');
  const reading = await readEmrtd(reader, bacInputFromMrz(mrz.value), {
    trustStore: await card.trustStore(),
    dataGroups: [1, 2],
    now,
  });
  if (!reading.ok) return err(reading.error.code === 'access-control' ? 'access-denied' : 'read-failed');
  const { mrz: chip, faceImage, passiveAuthentication } = reading.value;
  let face: string | null = null;
  if (faceImage) {
    const shown = await faceImageForDisplay(faceImage);
    if (shown.ok)
      face = `data:${shown.value.mimeType};base64,${Buffer.from(shown.value.bytes).toString('base64')}`;
  }
  return ok({
    document: {
      documentCode: chip.documentCode,
      issuingState: chip.issuingState,
      documentNumber: chip.documentNumber,
      name: chip.name.full,
      nationality: chip.nationality,
      birthDate: chip.birthDate?.iso ?? chip.birthDateRaw,
      sex: chip.sexRaw,
      expiryDate: chip.expiryDate?.iso ?? chip.expiryDateRaw,
      expired: chip.expired === true,
    },
    face,
    passiveAuthentication: passiveAuthentication.status,
  });
}
