import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ga467ReaderWithPermit } from '../../../test/documents/ga467_test_cards.js';
import { FileSystemCard } from '../iso7816/file_system_card.js';
import { SimulatedCardChannel } from '../iso7816/simulated_card_channel.js';
import { BIR_PROFILE_ID, createBirMacauProfile } from './bir_macau_profile.js';
import { createGa467Profile } from './ga467_profile.js';
import { createMrzOcrProfile, type MrzParser, normaliseOcrLines } from './mrz_ocr_profile.js';
import { type ReaderCapabilities, readWithProfiles } from './vendor_profile.js';

// ICAO 9303 Part 5 TD1 specimen (protocols.md §1.3, Utopia).
const td1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];

/** A stand-in for the ICAO helper's parser: enough to map the TD1 specimen's fields for this test. */
const parseMrz: MrzParser = (lines) => {
  if (lines.length !== 3) return { ok: false, error: { code: 'unsupported-format' } };
  const [first, second, third] = lines as [string, string, string];
  const [surname, given] = third.split('<<');
  const date = (yymmdd: string, century: string) =>
    `${century}${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return {
    ok: true,
    value: {
      documentCode: first.slice(0, 2).replace(/</g, ''),
      issuingState: first.slice(2, 5),
      documentNumber: first.slice(5, 14).replace(/</g, ''),
      surname: surname ?? '',
      givenNames: (given ?? '').replace(/</g, ' ').trim(),
      nationality: second.slice(15, 18),
      birthDate: date(second.slice(0, 6), '19'),
      sex: second[7] === 'F' ? 'female' : second[7] === 'M' ? 'male' : 'unspecified',
      expiryDate: date(second.slice(8, 14), '20'),
    },
  };
};

const ocrReader = (lines: readonly string[]): ReaderCapabilities => ({
  readOcrLines: async () => ({ ok: true, value: lines }),
});

describe('vendor reader profiles', () => {
  it('the BIR profile is `unsupported` without a licensed decoder, so the next profile gets its turn', async () => {
    const bir = createBirMacauProfile();
    expect(await bir.readIdentity({})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const result = await readWithProfiles([bir, createMrzOcrProfile({ parseMrz })], ocrReader(td1));
    expect(result).toEqual({
      ok: true,
      value: {
        profile: 'mrz-ocr',
        source: 'ocr',
        documentType: 'I',
        documentNumber: 'D23145890',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        fullName: 'ERIKSSON ANNA MARIA',
        issuer: 'UTO',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'female',
        expiryDate: '2012-04-15',
      },
    });
  });

  it('the BIR profile hands the chip channel to an installed decoder and tags the fields', async () => {
    const card = new FileSystemCard({
      atr: Uint8Array.of(0x3b, 0x00),
      files: new Map([[0x0001, Uint8Array.of(0x31, 0x32)]]),
    });
    const bir = createBirMacauProfile({
      decoder: async (chip) => {
        const selected = await chip.transmit(Uint8Array.of(0x00, 0xa4, 0x02, 0x0c, 0x02, 0x00, 0x01));
        if (!selected.ok) return { ok: false, error: { code: 'read-failed', detail: selected.error.code } };
        return {
          ok: true,
          value: { documentType: 'BIR', documentNumber: '1234567(8)', fullName: 'CHAN TAI MAN', sex: 'male' },
        };
      },
    });
    expect(await bir.readIdentity({ chip: new SimulatedCardChannel(card) })).toEqual({
      ok: true,
      value: {
        documentType: 'BIR',
        documentNumber: '1234567(8)',
        fullName: 'CHAN TAI MAN',
        sex: 'male',
        profile: BIR_PROFILE_ID,
        source: 'chip',
      },
    });
    expect(await bir.readIdentity({})).toMatchObject({
      ok: false,
      error: { code: 'unsupported', reason: 'reader has no chip access' },
    });
  });

  it('cleans OCR output (case, spaces, guillemets) and refuses text that is no MRZ', async () => {
    const messy = [td1[0]!.toLowerCase(), ` ${td1[1]} `, td1[2]!.replace(/<</, '««')];
    expect(normaliseOcrLines(messy)).toEqual({ ok: true, value: td1 });
    const profile = createMrzOcrProfile({ parseMrz });
    expect(await profile.readIdentity(ocrReader(['HELLO', 'WORLD']))).toMatchObject({
      ok: false,
      error: { code: 'invalid-ocr' },
    });
    expect(await profile.readIdentity(ocrReader(['I<UTO$', 'X']))).toMatchObject({
      ok: false,
      error: { code: 'invalid-ocr' },
    });
    expect(await profile.readIdentity({})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(
      await profile.readIdentity({
        readOcrLines: async () => ({ ok: false, error: { code: 'no-document' } }),
      }),
    ).toEqual({ ok: false, error: { code: 'no-document' } });
  });

  it('arbitrary OCR text gives a typed result, never a throw', async () => {
    const profile = createMrzOcrProfile({ parseMrz });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 50 }), { maxLength: 4 }), async (lines) => {
        const result = await profile.readIdentity(ocrReader(lines));
        if (!result.ok) expect(['invalid-ocr', 'no-document']).toContain(result.error.code);
      }),
    );
  });
});

describe('GA 467 profile', () => {
  it('maps a residence permit read to identity fields, and no card to no-document', async () => {
    const { reader, simulator } = ga467ReaderWithPermit();
    const profile = createGa467Profile(reader);
    expect(await readWithProfiles([createBirMacauProfile(), profile], {})).toEqual({
      ok: true,
      value: {
        profile: 'ga467-id-card',
        source: 'chip',
        sex: 'male',
        birthDate: '1990-03-15',
        expiryDate: '2028-05-01',
        documentType: 'cn-hmt-residence-permit',
        documentNumber: '820000199003150017',
        fullName: '陳大文',
        issuer: 'CHN',
        nationality: 'CHN',
      },
    });
    simulator.takeCard();
    expect(await profile.readIdentity({})).toEqual({ ok: false, error: { code: 'no-document' } });
  });
});
