/**
 * Visual regression: every template in every language rendered to grey pixels with pdftoppm and compared with
 * the committed baselines (test/fixtures/printed/baselines/*.pgm.gz). Regenerate after an intended change
 * with `UPDATE_DOCUMENT_BASELINES=1 npx vitest run test/printed/templates_visual.test.ts` and look at the
 * PNGs it writes next to them before committing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentLanguages } from '../../electron/printed/document_language.js';
import { renderDocument, templateIds } from '../../electron/printed/document_renderer.js';
import { fixedCreationDate, sampleInput } from '../../electron/printed/samples/sample_inputs.js';
import { testSigningKey } from '../fixtures/printed/test_terminal_key.js';
import { compareGrey, encodePgm, parsePgm, renderGrey } from './print_pdf_tools.js';

const baselineDir = join(import.meta.dirname, '../fixtures/printed/baselines');
const update = process.env.UPDATE_DOCUMENT_BASELINES === '1';
/** Up to 0.5 % of pixels may differ by more than a quarter of the grey range (poppler/freetype versions). */
const tolerance = 0.005;

describe('document baselines', () => {
  for (const template of templateIds) {
    for (const lng of documentLanguages) {
      it(`${template} · ${lng} looks as approved`, async () => {
        const result = await renderDocument(
          template,
          sampleInput(template, lng),
          { signingKey: testSigningKey },
          {
            creationDate: fixedCreationDate,
          },
        );
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const dpi = result.value.paper === 'ticket' ? 72 : 40;
        const actual = renderGrey(result.value.pdf, dpi);
        const file = join(baselineDir, `${template}.${lng}.pgm.gz`);
        if (update || !existsSync(file)) {
          mkdirSync(baselineDir, { recursive: true });
          writeFileSync(file, gzipSync(encodePgm(actual), { level: 9 }));
          // A PNG beside it, only for people to look at (not compared).
          const png = spawnSync(
            'pdftoppm',
            ['-png', '-gray', '-r', String(dpi * 1.5), '-f', '1', '-l', '1', '-'],
            {
              input: result.value.pdf,
            },
          );
          writeFileSync(join(baselineDir, `${template}.${lng}.png`), png.stdout);
          if (!update)
            throw new Error(`baseline ${file} was missing and has been written: look at it, then rerun`);
          return;
        }
        const expected = parsePgm(new Uint8Array(gunzipSync(readFileSync(file))));
        const difference = compareGrey(actual, expected);
        expect(difference.sameSize).toBe(true);
        expect(difference.differingRatio).toBeLessThanOrEqual(tolerance);
      });
    }
  }

  it('notices a real change (a different queue number)', async () => {
    const file = join(baselineDir, 'queue-ticket.zh-Hant.pgm.gz');
    const changed = await renderDocument(
      'queue-ticket',
      { ...sampleInput('queue-ticket', 'zh-Hant'), queueNumber: 'B187' },
      {},
      {
        creationDate: fixedCreationDate,
      },
    );
    if (!changed.ok) throw new Error(changed.error.code);
    const expected = parsePgm(new Uint8Array(gunzipSync(readFileSync(file))));
    expect(compareGrey(renderGrey(changed.value.pdf, 72), expected).differingRatio).toBeGreaterThan(
      tolerance,
    );
  });
});
