/**
 * fonts/fast_layout.ts turns off `ccmp` for speed, claiming it changes no glyph of what we print once text is
 * NFC. This checks the claim over every locale string and the rare-character and accented-name samples.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontkitFont } from 'fontkit';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { documentLanguages } from '../../electron/printed/document_language.js';
import { linuxFontConfig } from '../../electron/printed/fonts/font_config.js';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

function glyphIds(font: FontkitFont, text: string, features?: Record<string, boolean>): number[] {
  const run = font.layout(text, features) as { glyphs: { id: number }[] };
  return run.glyphs.map((glyph) => glyph.id);
}

describe('layout without ccmp', () => {
  const root = join(import.meta.dirname, '../../locales');
  const texts = [
    ...documentLanguages.flatMap((lng) =>
      strings(JSON.parse(readFileSync(join(root, lng, 'documents.json'), 'utf8'))),
    ),
    '梁𨋢㗎啰',
    'WÓJCIK, ŁUKASZ',
    'e\u0301'.normalize('NFC'),
    'CONCEIÇÃO, JOÃO',
    '2025年6月20日 14:05',
    '1****67(8)',
  ];

  for (const face of [linuxFontConfig.traditional[0]!, linuxFontConfig.simplified[0]!]) {
    for (const weight of ['regular', 'bold'] as const) {
      it(`${face.name} ${weight}: same glyphs with and without ccmp`, () => {
        const file = face[weight];
        const font = fontkit.openSync(file.path, file.postscriptName) as FontkitFont;
        for (const text of texts)
          expect(glyphIds(font, text, { ccmp: false }), text).toEqual(glyphIds(font, text));
      });
    }
  }
});
