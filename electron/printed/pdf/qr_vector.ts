/**
 * QR codes drawn as vector rectangles: the `qrcode` package computes the matrix, pdfkit fills one rectangle per
 * horizontal run of dark modules (fewer operators than one per module, identical marks).
 */
import QRCode from 'qrcode';

export interface QrMatrix {
  size: number;
  isDark(row: number, col: number): boolean;
}

/** Error correction M (15 %): survives a crease or a smudge on thermal paper without growing the code much. */
export function qrMatrix(data: string): QrMatrix {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, col) => modules.get(row, col) !== 0 };
}

/** The QR's printed side in points, with the 4-module quiet zone the standard requires on each side. */
export function qrExtent(matrix: QrMatrix, moduleSize: number): number {
  return (matrix.size + 8) * moduleSize;
}

interface RectPainter {
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color: string): unknown;
}

/** Draws the code with its top-left quiet-zone corner at (x, y). */
export function drawQr(doc: RectPainter, matrix: QrMatrix, x: number, y: number, moduleSize: number): void {
  const origin = 4 * moduleSize;
  let any = false;
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.isDark(row, col)) col++;
      doc.rect(
        x + origin + start * moduleSize,
        y + origin + row * moduleSize,
        (col - start) * moduleSize,
        moduleSize,
      );
      any = true;
    }
  }
  if (any) doc.fill('#000000');
}
