/**
 * The document reader's test read: staff place the staff test card (a specimen passport, never a resident's
 * document) and the kiosk reads its chip the way a resident's is read — the BAC values from the reader's OCR window
 * (or, on a reader without one, from `staff.testCard`), DG1 and DG2, passive authentication against the kiosk's
 * CSCA trust store — and shows what it read: the face, the data and the chip's verdict. The result lives only in
 * the maintenance screen's step (never in a log or the journal): the test card is a document like any other.
 */
import {
  type BacMrzInput,
  bacInputFromOcr,
  bacInputFromTyped,
  type FaceImageDecoder,
  faceImageForDisplay,
  isCardRemoved,
  type ManagedCcidReader,
  readEmrtd,
} from '../../devices/document/index.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { CscaTrustStore } from '../flows/identify/csca_trust_store.js';
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
  /** No card on the reader. */
  | 'no-card'
  | 'card-removed'
  /** The reader has no OCR window and `staff.testCard` is not configured: the kiosk cannot open the chip. */
  | 'no-test-card'
  /** The OCR window could not read the card's MRZ. */
  | 'mrz-unreadable'
  /** BAC refused: the values are not this chip's (another card than the test card). */
  | 'access-denied'
  | 'read-failed';

export interface TestCardReader {
  trustStore: CscaTrustStore;
  faces: FaceImageDecoder;
  testCard: StaffConfig['testCard'];
}

async function bacValues(
  reader: ManagedCcidReader,
  testCard: StaffConfig['testCard'],
  now: Date,
): Promise<Result<BacMrzInput, TestReadFailure>> {
  const fromOcr = await bacInputFromOcr(reader.capabilities(), now);
  if (fromOcr.ok) return fromOcr;
  switch (fromOcr.error.code) {
    case 'no-document':
      return err('no-card');
    case 'unreadable':
      return err('mrz-unreadable');
    case 'no-ocr-window': {
      if (testCard === undefined) return err('no-test-card');
      const typed = bacInputFromTyped(testCard.documentNumber, testCard.birthDate, testCard.expiryDate);
      return typed.ok ? typed : err('no-test-card');
    }
    default: {
      const unreachable: never = fromOcr.error;
      return unreachable;
    }
  }
}

/**
 * Reads the card on the reader. A card that replaced one whose chip session was open answers its first exchange
 * with `card-removed` (the reader reports the old card's removal once): with a card present again, that read is
 * tried once more rather than sending staff back to tap the test again.
 */
export async function readTestCard(
  reader: ManagedCcidReader,
  using: TestCardReader,
  now: Date,
): Promise<Result<TestCardReading, TestReadFailure>> {
  const first = await readOnce(reader, using, now);
  if (first.ok || first.error !== 'card-removed' || reader.status().state !== 'card-present') return first;
  return readOnce(reader, using, now);
}

async function readOnce(
  reader: ManagedCcidReader,
  using: TestCardReader,
  now: Date,
): Promise<Result<TestCardReading, TestReadFailure>> {
  if (reader.status().state !== 'card-present') return err('no-card');
  const bac = await bacValues(reader, using.testCard, now);
  if (!bac.ok) return bac;
  const reading = await readEmrtd(reader, bac.value, {
    trustStore: await using.trustStore.anchors(),
    dataGroups: [1, 2],
    now,
  });
  if (!reading.ok) {
    if (isCardRemoved(reading.error)) return err('card-removed');
    return err(reading.error.code === 'access-control' ? 'access-denied' : 'read-failed');
  }
  const { mrz, faceImage, passiveAuthentication } = reading.value;
  let face: string | null = null;
  if (faceImage) {
    const shown = await faceImageForDisplay(faceImage, {}, { decoder: using.faces });
    if (shown.ok)
      face = `data:${shown.value.mimeType};base64,${Buffer.from(shown.value.bytes).toString('base64')}`;
  }
  return ok({
    document: {
      documentCode: mrz.documentCode.replace(/</g, ''),
      issuingState: mrz.issuingState.replace(/</g, ''),
      documentNumber: mrz.documentNumber,
      name: mrz.name.full,
      nationality: mrz.nationality.replace(/</g, ''),
      birthDate: mrz.birthDate?.iso ?? mrz.birthDateRaw,
      sex: mrz.sexRaw,
      expiryDate: mrz.expiryDate?.iso ?? mrz.expiryDateRaw,
      expired: mrz.expired === true,
    },
    face,
    passiveAuthentication: passiveAuthentication.status,
  });
}
