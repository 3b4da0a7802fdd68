/**
 * The sample documents the resident flows' tests place on the simulated reader: a good one, expired ones and a
 * forged one, each read end to end (BAC, DG1, DG2, SOD) and judged as the kiosk will judge it.
 */
import { describe, expect, it } from 'vitest';
import { bacInputFromMrz } from '../../devices/document/icao9303/mrz_information.js';
import { parseMrz } from '../../devices/document/icao9303/mrz_parser.js';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import {
  type EmrtdSample,
  emrtdSampleCard,
  emrtdSamples,
  simulatorTrustAnchor,
} from '../../devices/document/simulated_documents.js';

/** A fixed day for the MRZ's own verdict (the chip's certificates are made for the real "now"). */
const TODAY = { today: new Date('2026-11-27T08:00:00Z') };

async function readSample(sample: EmrtdSample) {
  const parsed = parseMrz(emrtdSamples[sample], TODAY);
  if (!parsed.ok) throw new Error(`${sample}: ${JSON.stringify(parsed.error)}`);
  const result = await readEmrtd(
    new DirectCardChannel(await emrtdSampleCard(sample)),
    bacInputFromMrz(parsed.value),
    { trustStore: [await simulatorTrustAnchor()], dataGroups: [1, 2] },
  );
  if (!result.ok) throw new Error(`${sample}: ${JSON.stringify(result.error)}`);
  return { printed: parsed.value, chip: result.value };
}

describe('simulated sample documents', () => {
  it('passport-macao: a valid Macao SAR passport whose chip verifies', async () => {
    const { printed, chip } = await readSample('passport-macao');
    expect(printed).toMatchObject({
      documentCode: 'P<',
      issuingState: 'CHN',
      nationality: 'CHN',
      documentNumber: 'MB2345678',
      name: { primary: 'CHAN', secondary: 'TAI MAN' },
      birthDate: { iso: '1990-03-15' },
      sex: 'male',
      expiryDate: { iso: '2033-05-20' },
      expired: false,
    });
    expect(chip.mrz.lines).toEqual(emrtdSamples['passport-macao']);
    expect(chip.faceImage).toMatchObject({ format: 'jpeg', width: 240, height: 320 });
    expect(chip.passiveAuthentication).toMatchObject({ status: 'verified' });
  });

  it('passport-td3 and id-card-td1: genuine chips of expired documents', async () => {
    for (const sample of ['passport-td3', 'id-card-td1'] as const) {
      const { printed, chip } = await readSample(sample);
      expect(printed.expired).toBe(true);
      expect(chip.mrz.expired).toBe(true);
      expect(chip.passiveAuthentication).toMatchObject({ status: 'verified' });
    }
  });

  it('passport-forged: valid dates, a chip that reads, and passive authentication that fails', async () => {
    const { printed, chip } = await readSample('passport-forged');
    expect(printed).toMatchObject({
      documentNumber: 'MB7654321',
      name: { primary: 'LEI', secondary: 'KA WAI' },
      expired: false,
    });
    expect(chip.mrz.documentNumber).toBe('MB7654321');
    expect(chip.faceImage?.format).toBe('jpeg');
    expect(chip.passiveAuthentication).toEqual({ status: 'failed', reason: 'ds-not-signed-by-csca' });
  });

  it('every sample has a valid printed MRZ (no check digit, date or letter field wrong)', () => {
    for (const lines of Object.values(emrtdSamples)) expect(parseMrz(lines, TODAY).ok).toBe(true);
  });
});
