import { ok, type Result } from '../../../lib/result.js';
import { type PdftoppmError, type PdftoppmOptions, runPdftoppm } from './pdftoppm.js';

/**
 * The first page of a rendered document as a PNG data URL for the screen: the resident previews exactly the PDF
 * the printer will get. 130 dpi makes an A4 page 1075 × 1520 px: the width the preview shows it at (about half of a
 * 1920-px landscape screen, all of a 1080-px portrait one), so its print is as sharp as the screen can show.
 */
export const previewDpi = 130;

export async function previewPage(
  pdf: Uint8Array,
  options: PdftoppmOptions & { dpi?: number } = {},
): Promise<Result<string, PdftoppmError>> {
  const dpi = options.dpi ?? previewDpi;
  const png = await runPdftoppm(['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-'], pdf, options);
  if (!png.ok) return png;
  return ok(`data:image/png;base64,${png.value.toString('base64')}`);
}
