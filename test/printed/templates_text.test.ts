import { describe, expect, it } from 'vitest';
import {
  type DocumentLanguage,
  documentLanguages,
  formatCalendarDate,
  formatDate,
  languagePair,
  type MessageKey,
  message,
} from '../../electron/printed/document_language.js';
import { renderDocument, type TemplateId, templateIds } from '../../electron/printed/document_renderer.js';
import { fixedCreationDate, sampleInput } from '../../electron/printed/samples/sample_inputs.js';
import { formatMoney } from '../../electron/rpc/money.js';
import { testSigningKey } from '../fixtures/printed/test_terminal_key.js';
import { pdfText } from './print_pdf_tools.js';

const titles: Record<TemplateId, MessageKey> = {
  'appointment-slip': 'appointment.title',
  'queue-ticket': 'queue.title',
  'identity-proof': 'identityProof.title',
  'collection-receipt': 'collection.title',
  'locker-pickup-slip': 'locker.title',
  'publication-receipt': 'publications.title',
  'locker-application-slip': 'lockerApplication.title',
  'locker-pickup-receipt': 'lockerPickupReceipt.title',
};

/** What must be legible on each document, in the primary language and where it matters in the second one. */
function expectedText(template: TemplateId, lng: DocumentLanguage): string[] {
  const { secondary } = languagePair(lng);
  const both = (key: MessageKey): string[] => [message(lng, key), message(secondary, key)];
  const common = [...both(titles[template]), ...both('common.government')];
  switch (template) {
    case 'appointment-slip':
      return [
        ...common,
        'DSI-250620-0042',
        `${formatDate(lng, new Date('2025-06-20T14:30:00+08:00'))} 14:30`,
        ...both('appointment.reference'),
        {
          'zh-Hant': '身份證明局',
          'zh-Hans': '身份证明局',
          pt: 'Direcção dos Serviços de Identificação',
          en: 'Identification Services Bureau',
        }[lng],
      ];
    case 'queue-ticket':
      return [...common, 'A023', message(lng, 'queue.waitMinutes', { minutes: '25' }), '14:05'];
    case 'identity-proof':
      return [
        ...common,
        '陳大文',
        'CHAN, TAI MAN',
        '1****67(8)',
        formatCalendarDate(lng, '1985-03-01'),
        formatCalendarDate(lng, '2034-01-15'),
        'MO-CP-07',
        ...both('identityProof.verificationCode'),
      ];
    case 'collection-receipt':
      return [...common, '1****67(8)', 'A2025-061234'];
    case 'publication-receipt':
      return [
        ...common,
        'PAY-7K2M9Q4X1B3D',
        // pdftotext gives the no-break spaces of Portuguese amounts back as spaces.
        formatMoney(14_000, lng).replaceAll('\u00a0', ' '),
        formatMoney(8000, lng).replaceAll('\u00a0', ' '),
        ...both('publications.refunded'),
      ];
    case 'locker-pickup-slip':
      return [...common, '4021 3377', `${formatDate(lng, new Date('2025-06-27T23:59:00+08:00'))} 23:59`];
    case 'locker-application-slip':
      return [
        ...common,
        'LA-7K2M9Q4X1B',
        formatCalendarDate(lng, '2025-06-23'),
        ...both('lockerApplication.readyFrom'),
        ...both('lockerApplication.allDay'),
      ];
    case 'locker-pickup-receipt':
      return [
        ...common,
        'LA-7K2M9Q4X1B',
        'A01',
        `${formatDate(lng, new Date('2025-06-24T19:42:00+08:00'))} 19:42`,
      ];
    default: {
      const unreachable: never = template;
      return unreachable;
    }
  }
}

describe('every template in every language carries its data (pdftotext)', () => {
  for (const template of templateIds) {
    for (const lng of documentLanguages) {
      it(`${template} · ${lng}`, async () => {
        const result = await renderDocument(
          template,
          sampleInput(template, lng),
          { signingKey: testSigningKey },
          {
            creationDate: fixedCreationDate,
          },
        );
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        // Wrapped lines and -layout padding become single spaces.
        const text = pdfText(result.value.pdf).replace(/\s+/g, ' ');
        for (const expected of expectedText(template, lng)) expect(text).toContain(expected);
        // A document number is never printed whole.
        expect(text).not.toContain('1234567');
        if (template === 'identity-proof')
          expect(text).toContain(result.value.verification?.verificationCode);
        expect(result.value.pdf.length).toBeLessThanOrEqual(100 * 1024);
      });
    }
  }

  it('formats dates as Macau prints them in each language', async () => {
    const formats: Record<DocumentLanguage, string> = {
      'zh-Hant': '2025年6月20日 14:05',
      'zh-Hans': '2025年6月20日 14:05',
      pt: '20/06/2025 14:05',
      en: '20 June 2025 14:05',
    };
    for (const lng of documentLanguages) {
      const result = await renderDocument('queue-ticket', sampleInput('queue-ticket', lng));
      if (!result.ok) throw new Error(result.error.code);
      expect(pdfText(result.value.pdf).replace(/[ \t]+/g, ' ')).toContain(formats[lng]);
    }
  });

  it('Portuguese keeps the Macau government spelling', async () => {
    const result = await renderDocument('appointment-slip', sampleInput('appointment-slip', 'pt'));
    if (!result.ok) throw new Error(result.error.code);
    const text = pdfText(result.value.pdf);
    expect(text).toContain('Direcção');
    expect(text).not.toContain('Direção');
  });
});
