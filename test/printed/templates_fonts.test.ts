/**
 * The no-tofu rule: every character of every string is found in the font chain before anything is drawn, or the
 * document is refused with the code points named. Rare HKSCS / Macao characters must print.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/printed/document_renderer.js';
import {
  findMissingCodePoints,
  formatCodePoint,
  loadFontChain,
  splitIntoRuns,
} from '../../electron/printed/fonts/font_chain.js';
import {
  linuxFontConfig,
  resolveFontConfig,
  windowsFontConfig,
} from '../../electron/printed/fonts/font_config.js';
import { sampleInput } from '../../electron/printed/samples/sample_inputs.js';
import { testSigningKey } from '../fixtures/printed/test_terminal_key.js';
import { pdfText } from './print_pdf_tools.js';

function pdfFonts(pdf: Uint8Array): string {
  const run = spawnSync('pdffonts', ['-'], { input: pdf });
  return run.stdout.toString('utf8');
}

const proof = (overrides: Record<string, unknown>) => ({
  ...sampleInput('identity-proof', 'zh-Hant'),
  ...overrides,
});

describe('font chain and the no-tofu rule', () => {
  it('prints rare HKSCS / Macao characters (𨋢 U+282E2, 㗎 U+35CE, 啰)', async () => {
    const result = await renderDocument('identity-proof', proof({ nameChinese: '梁𨋢㗎啰' }), {
      signingKey: testSigningKey,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(pdfText(result.value.pdf)).toContain('梁𨋢㗎啰');
    expect(pdfFonts(result.value.pdf)).toContain('NotoSansCJKhk');
  });

  it('falls back face by face: Latin letters Noto Sans CJK lacks come from the Latin face', async () => {
    const result = await renderDocument(
      'identity-proof',
      proof({ nameOnDocument: 'WÓJCIK, ŁUKASZ Ąžuolas' }),
      {
        signingKey: testSigningKey,
      },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(pdfText(result.value.pdf)).toContain('WÓJCIK, ŁUKASZ Ąžuolas');
    expect(pdfFonts(result.value.pdf)).toContain('DejaVuSans');
  });

  it('refuses a name with a Private Use Area character, naming the code point', async () => {
    const result = await renderDocument('identity-proof', proof({ nameChinese: '陳\u{E000}文' }), {
      signingKey: testSigningKey,
    });
    expect(result).toEqual({ ok: false, error: { code: 'missing-glyphs', codePoints: ['U+E000'] } });
  });

  it('refuses an unassigned plane-2 code point and lists every missing one once, in order', async () => {
    const result = await renderDocument(
      'identity-proof',
      proof({ nameChinese: '\u{2F000}陳\u{E000}\u{2F000}', nameOnDocument: 'CHAN \u{F8FF}' }),
      { signingKey: testSigningKey },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'missing-glyphs', codePoints: ['U+E000', 'U+F8FF', 'U+2F000'] },
    });
  });

  it('checks catalogue text too, not only names', async () => {
    const input = sampleInput('queue-ticket', 'pt');
    const result = await renderDocument('queue-ticket', {
      ...input,
      centre: { ...input.centre, pt: 'Centro \u{E123}' },
    });
    expect(result.ok === false && result.error).toEqual({ code: 'missing-glyphs', codePoints: ['U+E123'] });
  });

  it('Simplified Chinese documents use the SC face first', async () => {
    const result = await renderDocument('queue-ticket', sampleInput('queue-ticket', 'zh-Hans'));
    if (!result.ok) throw new Error(result.error.code);
    const fonts = pdfFonts(result.value.pdf);
    expect(fonts).toContain('NotoSansCJKsc');
    expect(fonts).not.toContain('NotoSansCJKhk');
  });

  it('cuts strings into as few runs as the chain allows', () => {
    const chain = loadFontChain(linuxFontConfig, 'traditional');
    if (!chain.ok) throw new Error(chain.error.code);
    const runs = splitIntoRuns(chain.value, 'ŁUKASZ 陳 Ł', 'regular').map((run) => run.text);
    expect(runs).toEqual(['Ł', 'UKASZ 陳 ', 'Ł']);
    expect(findMissingCodePoints(chain.value, [{ text: 'a\nb\tc', weight: 'bold' }])).toEqual([]);
    expect(formatCodePoint(0x35ce)).toBe('U+35CE');
  });

  it('reports unavailable faces and refuses when none is left', async () => {
    const missingFace = {
      name: 'Nowhere Sans',
      regular: { path: '/nonexistent/NowhereSans.ttf' },
      bold: { path: '/nonexistent/NowhereSans-Bold.ttf' },
    };
    const partial = loadFontChain(
      { ...linuxFontConfig, traditional: [missingFace, ...linuxFontConfig.traditional] },
      'traditional',
    );
    expect(partial.ok && partial.value.unavailable).toEqual([
      { face: 'Nowhere Sans', path: '/nonexistent/NowhereSans.ttf', reason: 'file-missing' },
      { face: 'Nowhere Sans', path: '/nonexistent/NowhereSans-Bold.ttf', reason: 'file-missing' },
    ]);
    const wrongFace = {
      ...missingFace,
      regular: { ...linuxFontConfig.traditional[0]!.regular, postscriptName: 'NoSuchFace' },
    };
    const none = await renderDocument('queue-ticket', sampleInput('queue-ticket', 'zh-Hant'), {
      fonts: { traditional: [wrongFace], simplified: [wrongFace] },
    });
    expect(none.ok === false && none.error.code).toBe('no-font-available');
    const invalid = loadFontChain({ traditional: [], simplified: [] }, 'traditional');
    expect(invalid.ok === false && invalid.error.code).toBe('invalid-font-config');
  });

  it('defaults per platform, configuration wins', () => {
    expect(resolveFontConfig(undefined, 'linux')).toBe(linuxFontConfig);
    expect(resolveFontConfig(undefined, 'win32')).toBe(windowsFontConfig);
    expect(resolveFontConfig(windowsFontConfig, 'linux')).toBe(windowsFontConfig);
    expect(linuxFontConfig.traditional.map((face) => face.name)).toEqual([
      'Noto Sans CJK HK',
      'Noto Sans CJK TC',
      'Noto Sans CJK SC',
      'DejaVu Sans',
    ]);
  });
});
