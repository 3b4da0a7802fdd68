import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentLanguages, languagePair } from '../../electron/printed/document_language.js';
import { renderDocument, templateIds } from '../../electron/printed/document_renderer.js';
import { fixedCreationDate, sampleInput } from '../../electron/printed/samples/sample_inputs.js';
import { maskDocumentNumber } from '../../electron/printed/templates/document_number_mask.js';
import { testSigningKey } from '../fixtures/printed/test_terminal_key.js';
import { pdfText } from './print_pdf_tools.js';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('template inputs, masking, determinism, locales', () => {
  it('rejects invalid input with paths, never echoing the values', async () => {
    const input = {
      ...sampleInput('identity-proof', 'zh-Hant'),
      dateOfBirth: '01/03/1985',
      nameOnDocument: '',
    };
    const result = await renderDocument('identity-proof', input, { signingKey: testSigningKey });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'invalid-input') throw new Error('expected invalid-input');
    expect(result.error.issues.map((issue) => issue.split(':')[0])).toEqual([
      'nameOnDocument',
      'dateOfBirth',
    ]);
    expect(JSON.stringify(result.error)).not.toContain('01/03/1985');
    const queue = await renderDocument('queue-ticket', {
      ...sampleInput('queue-ticket', 'en'),
      language: 'fr',
    });
    expect(queue.ok === false && queue.error.code).toBe('invalid-input');
  });

  it('masks document numbers per policy, keeping format punctuation', () => {
    expect(maskDocumentNumber('1234567(8)', { showFirst: 1, showLast: 3 })).toBe('1****67(8)');
    expect(maskDocumentNumber('M12345678', { showFirst: 1, showLast: 3 })).toBe('M*****678');
    expect(maskDocumentNumber('820000199001011234', { showFirst: 6, showLast: 2 })).toBe(
      '820000**********34',
    );
    // Never more than half shown, whatever the policy.
    expect(maskDocumentNumber('AB12', { showFirst: 2, showLast: 2 })).toBe('**12');
    expect(maskDocumentNumber('1234567(8)', { showFirst: 0, showLast: 0 })).toBe('*******(*)');
  });

  it('honours a configured mask policy on the printed receipt', async () => {
    const result = await renderDocument('collection-receipt', sampleInput('collection-receipt', 'en'), {
      mask: { showFirst: 0, showLast: 2 },
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(pdfText(result.value.pdf)).toContain('******7(8)');
  });

  it('renders the same bytes for the same input when the creation date is fixed', async () => {
    for (const template of templateIds) {
      const render = () =>
        renderDocument(
          template,
          sampleInput(template, 'zh-Hant'),
          { signingKey: testSigningKey },
          { creationDate: fixedCreationDate },
        );
      const [a, b] = await Promise.all([render(), render()]);
      if (!a.ok || !b.ok) throw new Error('render');
      expect(Buffer.from(a.value.pdf).equals(Buffer.from(b.value.pdf))).toBe(true);
    }
  });

  it('pairs languages as the government prints them', () => {
    expect(languagePair('zh-Hant')).toEqual({ primary: 'zh-Hant', secondary: 'pt' });
    expect(languagePair('zh-Hans')).toEqual({ primary: 'zh-Hans', secondary: 'pt' });
    expect(languagePair('en')).toEqual({ primary: 'en', secondary: 'pt' });
    expect(languagePair('pt')).toEqual({ primary: 'pt', secondary: 'zh-Hant' });
  });

  it('the four documents.json files have the same keys, all non-empty', () => {
    const root = join(import.meta.dirname, '../../locales');
    const files = documentLanguages.map(
      (lng) => JSON.parse(readFileSync(join(root, lng, 'documents.json'), 'utf8')) as unknown,
    );
    const reference = keysOf(files[0]).sort();
    for (const file of files) {
      expect(keysOf(file).sort()).toEqual(reference);
    }
    for (const file of files) {
      for (const value of JSON.stringify(file).match(/"[^"]*"(?=[,}])/g) ?? []) expect(value).not.toBe('""');
    }
  });
});
