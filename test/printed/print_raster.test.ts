import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonoBitmap } from '../../devices/printer/printer.js';
import { renderDocument } from '../../electron/printed/document_renderer.js';
import { loadFontChain } from '../../electron/printed/fonts/font_chain.js';
import { linuxFontConfig } from '../../electron/printed/fonts/font_config.js';
import { qrMatrix } from '../../electron/printed/pdf/qr_vector.js';
import { renderPdf, TICKET_DOTS } from '../../electron/printed/pdf/render_pdf.js';
import { fitWidth, parsePbm } from '../../electron/printed/raster/pbm.js';
import { rasteriseTicket } from '../../electron/printed/raster/ticket_rasteriser.js';
import { sampleInput } from '../../electron/printed/samples/sample_inputs.js';

function pbm(
  width: number,
  height: number,
  data: Uint8Array,
  header = `P4\n${width} ${height}\n`,
): Uint8Array {
  const head = new TextEncoder().encode(header);
  return new Uint8Array([...head, ...data]);
}

function dot(bitmap: MonoBitmap, x: number, y: number): boolean {
  const rowBytes = Math.ceil(bitmap.width / 8);
  return (((bitmap.data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) === 1;
}

describe('PBM (P4) parsing', () => {
  it('parses a header with a comment and keeps the bits as the printer wants them', () => {
    const parsed = parsePbm(
      pbm(10, 2, Uint8Array.of(0b1000_0000, 0b0100_0000, 0xff, 0xc0), 'P4\n# pdftoppm\n10 2\n'),
    );
    expect(parsed).toEqual({
      ok: true,
      value: { width: 10, height: 2, data: Uint8Array.of(0x80, 0x40, 0xff, 0xc0) },
    });
  });

  it('rejects truncated, wrong-magic and oversized input with a typed error', () => {
    expect(parsePbm(pbm(16, 2, Uint8Array.of(1, 2, 3)))).toEqual({
      ok: false,
      error: { code: 'malformed-pbm', detail: 'truncated raster' },
    });
    expect(parsePbm(new TextEncoder().encode('P5\n1 1\n255\n\0')).ok).toBe(false);
    expect(parsePbm(new TextEncoder().encode('P4\n999999 1\n')).ok).toBe(false);
    expect(parsePbm(new TextEncoder().encode('P4\n0 1\n')).ok).toBe(false);
  });

  it('never throws on arbitrary bytes, and round-trips arbitrary bitmaps', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => typeof parsePbm(bytes).ok === 'boolean'),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        (text) => typeof parsePbm(new TextEncoder().encode(`P4${text}`)).ok === 'boolean',
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.uint8Array({ minLength: 320, maxLength: 320 }),
        (w, h, bytes) => {
          const data = bytes.slice(0, Math.ceil(w / 8) * h);
          expect(parsePbm(pbm(w, h, data))).toEqual({ ok: true, value: { width: w, height: h, data } });
        },
      ),
    );
  });

  it('fits a row to the head width, clearing bits past the edge', () => {
    const wide = { width: 12, height: 1, data: Uint8Array.of(0xff, 0xf0) };
    expect(fitWidth(wide, 4)).toEqual({ width: 4, height: 1, data: Uint8Array.of(0xf0) });
    expect(fitWidth(wide, 24)).toEqual({ width: 24, height: 1, data: Uint8Array.of(0xff, 0xf0, 0x00) });
  });
});

describe('ticket rasteriser (pdftoppm -mono -r 203)', () => {
  it('turns a ticket into a 576-dot-wide bitmap as tall as the page at 203 dpi', async () => {
    const rendered = await renderDocument('queue-ticket', sampleInput('queue-ticket', 'zh-Hant'));
    if (!rendered.ok) throw new Error(rendered.error.code);
    const raster = await rasteriseTicket(rendered.value.pdf);
    if (!raster.ok) throw new Error(JSON.stringify(raster.error));
    expect(raster.value.width).toBe(TICKET_DOTS);
    expect(Math.abs(raster.value.height - (rendered.value.heightPt * 203) / 72)).toBeLessThanOrEqual(1);
    expect(raster.value.data.length).toBe(72 * raster.value.height);
    const black = raster.value.data.reduce((sum, byte) => sum + byte.toString(2).replace(/0/g, '').length, 0);
    const share = black / (raster.value.width * raster.value.height);
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.4);
  });

  it('draws the QR as exact modules on the 203 dpi grid', async () => {
    const chain = loadFontChain(linuxFontConfig, 'traditional');
    if (!chain.ok) throw new Error(chain.error.code);
    const moduleDots = 5;
    const rendered = await renderPdf(
      {
        paper: 'ticket',
        title: 'qr',
        blocks: [{ kind: 'qr', data: '40213377', moduleSize: (moduleDots * 72) / 203, align: 'left' }],
      },
      chain.value,
    );
    if (!rendered.ok) throw new Error(rendered.error.code);
    const raster = await rasteriseTicket(rendered.value.pdf);
    if (!raster.ok) throw new Error(raster.error.code);
    const matrix = qrMatrix('40213377');
    const origin = (6 * 203) / 72 + 4 * moduleDots; // page margin + quiet zone
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        const x = Math.floor(origin + col * moduleDots + moduleDots / 2);
        const y = Math.floor(origin + row * moduleDots + moduleDots / 2);
        expect(dot(raster.value, x, y)).toBe(matrix.isDark(row, col));
      }
    }
    // The quiet zone is white.
    expect(dot(raster.value, Math.floor(origin - 2), Math.floor(origin + 2))).toBe(false);
  });

  it('a missing pdftoppm is a typed failure, not a crash', async () => {
    const result = await rasteriseTicket(Uint8Array.of(1), { command: '/nonexistent/pdftoppm' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'pdftoppm-missing', command: '/nonexistent/pdftoppm' },
    });
  });

  it('a broken PDF is a typed failure', async () => {
    const result = await rasteriseTicket(new TextEncoder().encode('not a pdf'));
    expect(result.ok === false && result.error.code).toBe('pdftoppm-failed');
  });
});
