import { describe, expect, it } from 'vitest';
import { CcidReaderSimulator } from './ccid/simulator/ccid_reader_simulator.js';
import { bacInputFromOcr } from './mrz_from_ocr.js';
import { emrtdSampleCard, emrtdSamples } from './simulated_documents.js';

const today = new Date('2026-06-01T00:00:00Z');

describe('the BAC values from a full-page reader’s OCR window', () => {
  it('reads the printed MRZ of the document on the simulated reader’s glass', async () => {
    const simulator = new CcidReaderSimulator();
    const reader = { readOcrLines: () => simulator.readOcrLines() };
    expect(await bacInputFromOcr(reader, today)).toEqual({ ok: false, error: { code: 'no-document' } });
    simulator.insertCard(await emrtdSampleCard('passport-macao'), emrtdSamples['passport-macao']);
    expect(await bacInputFromOcr(reader, today)).toEqual({
      ok: true,
      value: { documentNumber: 'MB2345678', birthDate: '900315', expiryDate: '330520' },
    });
    simulator.removeCard();
    expect(await bacInputFromOcr(reader, today)).toEqual({ ok: false, error: { code: 'no-document' } });
  });

  it('cleans OCR noise, and refuses a misread line instead of sending it to the chip', async () => {
    const [first, second] = emrtdSamples['passport-macao'];
    const read = (lines: string[]) =>
      bacInputFromOcr({ readOcrLines: async () => ({ ok: true, value: lines }) }, today);
    expect(await read([first.toLowerCase(), ` ${second} `])).toMatchObject({ ok: true });
    // One digit of the birth date misread: its check digit no longer matches.
    expect(await read([first, second.replace('900315', '900316')])).toEqual({
      ok: false,
      error: { code: 'unreadable', detail: 'bad-check-digit, bad-check-digit' },
    });
    expect(await read(['no machine readable zone'])).toMatchObject({
      ok: false,
      error: { code: 'unreadable' },
    });
  });

  it('says when the reader has no OCR window (the resident types the values)', async () => {
    expect(await bacInputFromOcr({}, today)).toEqual({ ok: false, error: { code: 'no-ocr-window' } });
    const placedWithoutPage = new CcidReaderSimulator();
    placedWithoutPage.insertCard(await emrtdSampleCard('passport-macao'));
    expect(
      await bacInputFromOcr({ readOcrLines: () => placedWithoutPage.readOcrLines() }, today),
    ).toMatchObject({
      ok: false,
      error: { code: 'unreadable' },
    });
  });
});
