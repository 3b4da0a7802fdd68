/**
 * Ticket PDF → the 1-bit raster the ESC/POS ticket printer prints: poppler's pdftoppm renders at the head's
 * 203 dpi with -mono (PBM), and the result is fitted to the head's 576 dots.
 */
import type { MonoBitmap } from '../../../devices/printer/index.js';
import { ok, type Result } from '../../../lib/result.js';
import { TICKET_DOTS, TICKET_DPI } from '../pdf/render_pdf.js';
import { fitWidth, type PbmError, parsePbm } from './pbm.js';
import { type PdftoppmError, type PdftoppmOptions, runPdftoppm } from './pdftoppm.js';

export type RasteriseError = PdftoppmError | PbmError;

export type RasteriseResult = Result<MonoBitmap, RasteriseError>;

export interface RasteriseOptions extends PdftoppmOptions {
  dpi?: number;
  widthDots?: number;
}

export async function rasteriseTicket(
  pdf: Uint8Array,
  options: RasteriseOptions = {},
): Promise<RasteriseResult> {
  const dpi = options.dpi ?? TICKET_DPI;
  const widthDots = options.widthDots ?? TICKET_DOTS;
  const pbm = await runPdftoppm(['-mono', '-r', String(dpi), '-f', '1', '-l', '1', '-'], pdf, options);
  if (!pbm.ok) return pbm;
  const parsed = parsePbm(pbm.value);
  return parsed.ok ? ok(fitWidth(parsed.value, widthDots)) : parsed;
}
