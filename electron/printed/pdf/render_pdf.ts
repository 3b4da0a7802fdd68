/**
 * Turns a DocumentModel into PDF bytes. Order matters: first every string is checked against the font chain
 * (a missing glyph refuses the document, naming the code points), then the flow is measured, then the page is
 * created at the measured height (tickets: no blank paper fed before the cut) and drawn.
 */
import PDFDocument from 'pdfkit';
import { err, ok, type Result } from '../../../lib/result.js';
import { type FontChain, findMissingCodePoints, formatCodePoint } from '../fonts/font_chain.js';
import { type Block, type DocumentModel, modelTexts, normaliseModel, type Paper } from './document_model.js';
import { drawQr, qrExtent, qrMatrix } from './qr_vector.js';
import { TextPainter } from './text_painter.js';

/** 576 printable dots at 203 dpi: the page is exactly the print head's width, so rasterising needs no scaling. */
export const TICKET_DOTS = 576;
export const TICKET_DPI = 203;
export const TICKET_WIDTH_PT = (TICKET_DOTS * 72) / TICKET_DPI;
const A4: [number, number] = [595.28, 841.89];

interface PaperGeometry {
  width: number;
  marginX: number;
  marginTop: number;
  marginBottom: number;
  /** Fixed page height (A4) or undefined (tickets grow with their content). */
  fixedHeight?: number;
  labelColumn: number;
}

const geometry: Record<Paper, PaperGeometry> = {
  ticket: { width: TICKET_WIDTH_PT, marginX: 6, marginTop: 6, marginBottom: 14, labelColumn: 0 },
  a4: { width: A4[0], marginX: 56, marginTop: 48, marginBottom: 48, fixedHeight: A4[1], labelColumn: 170 },
};

export interface RenderOptions {
  /** Fixes CreationDate, and with it the PDF's /ID, so the same input gives the same bytes. */
  creationDate?: Date;
}

export type RenderError =
  | { code: 'missing-glyphs'; codePoints: string[] }
  | { code: 'layout-overflow'; neededHeight: number; pageHeight: number };

export interface RenderedPdf {
  pdf: Uint8Array;
  widthPt: number;
  heightPt: number;
}

export type RenderResult = Result<RenderedPdf, RenderError>;

type Pdf = InstanceType<typeof PDFDocument>;
interface Placed {
  height: number;
  draw(y: number): void;
}

function place(doc: Pdf, painter: TextPainter, block: Block, paper: PaperGeometry): Placed {
  const x = paper.marginX;
  const width = paper.width - 2 * paper.marginX;
  switch (block.kind) {
    case 'text': {
      const style = { size: block.size, weight: block.weight, width, align: block.align };
      const height = painter.height(block.text, style) + (block.gapAfter ?? 2);
      return { height, draw: (y) => painter.draw(block.text, x, y, style) };
    }
    case 'field': {
      const valueStyle = {
        size: block.valueSize ?? (paper.fixedHeight ? 11 : 10),
        weight: block.valueWeight ?? 'regular',
        align: 'left' as const,
      };
      if (paper.labelColumn > 0) {
        const labelWidth = paper.labelColumn - 8;
        const label = { size: 9.5, weight: 'bold' as const, width: labelWidth, align: 'left' as const };
        const labelSecondary = {
          size: 8,
          weight: 'regular' as const,
          width: labelWidth,
          align: 'left' as const,
        };
        const value = { ...valueStyle, width: width - paper.labelColumn };
        const labelHeight = painter.height(block.label, label);
        const left = labelHeight + painter.height(block.labelSecondary, labelSecondary);
        const right = painter.height(block.value, value);
        return {
          height: Math.max(left, right) + 9,
          draw: (y) => {
            painter.draw(block.label, x, y, label);
            painter.draw(block.labelSecondary, x, y + labelHeight, labelSecondary);
            painter.draw(block.value, x + paper.labelColumn, y, value);
            doc
              .moveTo(x, y + Math.max(left, right) + 4)
              .lineTo(x + width, y + Math.max(left, right) + 4)
              .lineWidth(0.4)
              .strokeColor('#999999')
              .stroke();
          },
        };
      }
      const label = { size: 7.5, weight: 'bold' as const, width, align: 'left' as const };
      const labelText = `${block.label} ${block.labelSecondary}`;
      const value = { ...valueStyle, width };
      const labelHeight = painter.height(labelText, label);
      const height = labelHeight + painter.height(block.value, value) + 4;
      return {
        height,
        draw: (y) => {
          painter.draw(labelText, x, y, label);
          painter.draw(block.value, x, y + labelHeight, value);
        },
      };
    }
    case 'qr': {
      const matrix = qrMatrix(block.data);
      const side = qrExtent(matrix, block.moduleSize);
      const left =
        block.align === 'center' ? x + (width - side) / 2 : block.align === 'right' ? x + width - side : x;
      const caption = {
        size: block.captionSize ?? 12,
        weight: 'bold' as const,
        width,
        align: 'center' as const,
      };
      const captionHeight = block.caption === undefined ? 0 : painter.height(block.caption, caption);
      return {
        height: side + captionHeight + 2,
        draw: (y) => {
          drawQr(doc, matrix, left, y, block.moduleSize);
          if (block.caption !== undefined) painter.draw(block.caption, x, y + side - 2, caption);
        },
      };
    }
    case 'qr-panel': {
      const matrix = qrMatrix(block.data);
      const side = qrExtent(matrix, block.moduleSize);
      const textX = x + side + 12;
      const textWidth = width - side - 12;
      const styled = block.lines.map((line) => ({
        text: line.text,
        style: { size: line.size, weight: line.weight, width: textWidth, align: 'left' as const },
      }));
      const heights = styled.map((line) => painter.height(line.text, line.style) + 3);
      const textHeight = heights.reduce((a, b) => a + b, 0);
      return {
        height: Math.max(side, textHeight) + 4,
        draw: (y) => {
          drawQr(doc, matrix, x, y, block.moduleSize);
          let lineY = y + Math.max(0, (side - textHeight) / 2);
          styled.forEach((line, index) => {
            painter.draw(line.text, textX, lineY, line.style);
            lineY += heights[index] ?? 0;
          });
        },
      };
    }
    case 'rule': {
      const weight = block.weight ?? 0.8;
      return {
        height: 8,
        draw: (y) => {
          doc
            .moveTo(x, y + 4)
            .lineTo(x + width, y + 4)
            .lineWidth(weight)
            .strokeColor('#000000')
            .stroke();
        },
      };
    }
    case 'space':
      return { height: block.height, draw: () => undefined };
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}

export async function renderPdf(
  unnormalised: DocumentModel,
  chain: FontChain,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const model = normaliseModel(unnormalised);
  const missing = findMissingCodePoints(chain, modelTexts(model));
  if (missing.length > 0) return err({ code: 'missing-glyphs', codePoints: missing.map(formatCodePoint) });

  const paper = geometry[model.paper];
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    // No default Helvetica: pdfkit would parse its AFM metrics for every document, and we never draw in it.
    font: '',
    info: {
      Title: model.title,
      Creator: 'Balcão',
      Producer: 'Balcão',
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const painter = new TextPainter(doc, chain);
  const placed = model.blocks.map((block) => place(doc, painter, block, paper));
  const contentHeight = placed.reduce((sum, block) => sum + block.height, 0);
  const needed = paper.marginTop + contentHeight + paper.marginBottom;
  const pageHeight = paper.fixedHeight ?? Math.ceil(needed);
  if (needed > pageHeight) {
    doc.end();
    await finished;
    return err({ code: 'layout-overflow', neededHeight: Math.ceil(needed), pageHeight });
  }
  doc.addPage({ size: [paper.width, pageHeight], margin: 0 });
  let y = paper.marginTop;
  for (const block of placed) {
    block.draw(y);
    y += block.height;
  }
  doc.end();
  await finished;
  const pdf = Buffer.concat(chunks);
  return ok({
    pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength),
    widthPt: paper.width,
    heightPt: pageHeight,
  });
}
