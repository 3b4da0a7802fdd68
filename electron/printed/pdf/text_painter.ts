/**
 * Draws and measures strings through a font chain inside one pdfkit document. A string that one face covers is
 * one `text` call; a string that needs several faces (a Latin name with an HKSCS character the first face
 * lacks) is a chain of `continued` calls so pdfkit still wraps it as one paragraph.
 */
import type { FontkitFont } from 'fontkit';
import type PDFDocument from 'pdfkit';
import { type FontChain, type FontWeight, splitIntoRuns, type TextRun } from '../fonts/font_chain.js';
import type { Align } from './document_model.js';

type Pdf = InstanceType<typeof PDFDocument>;

export interface TextStyle {
  size: number;
  weight: FontWeight;
  width: number;
  align: Align;
}

export class TextPainter {
  private readonly names = new Map<FontkitFont, string>();

  constructor(
    private readonly doc: Pdf,
    private readonly chain: FontChain,
  ) {}

  /** pdfkit keys fonts by name; register each fontkit face once so switching faces reuses its subset. */
  private use(face: FontkitFont, size: number): void {
    let name = this.names.get(face);
    if (name === undefined) {
      name = `face${this.names.size}`;
      // pdfkit accepts an opened fontkit font wherever it accepts a file; its typings only list paths/buffers.
      this.doc.registerFont(name, face as unknown as string);
      this.names.set(face, name);
    }
    this.doc.font(name).fontSize(size);
  }

  height(text: string, style: TextStyle): number {
    const face = dominantFace(splitIntoRuns(this.chain, text, style.weight));
    if (face === undefined) return 0;
    this.use(face, style.size);
    return this.doc.heightOfString(text, { width: style.width, align: style.align });
  }

  width(text: string, style: Pick<TextStyle, 'size' | 'weight'>): number {
    let total = 0;
    for (const run of splitIntoRuns(this.chain, text, style.weight)) {
      this.use(run.face, style.size);
      total += this.doc.widthOfString(run.text);
    }
    return total;
  }

  draw(text: string, x: number, y: number, style: TextStyle): void {
    const runs = splitIntoRuns(this.chain, text, style.weight);
    const face = dominantFace(runs);
    // pdfkit hangs each fragment from its own font's ascender; faces differ, so pin every run to the
    // dominant face's baseline or a fallback character would sit higher or lower than its neighbours.
    const baseline = runs.length > 1 && face ? -(face.ascent / face.unitsPerEm) * style.size : undefined;
    runs.forEach((run, index) => {
      this.use(run.face, style.size);
      const continued = index < runs.length - 1;
      const options = {
        width: style.width,
        align: style.align,
        continued,
        ...(baseline === undefined ? {} : { baseline }),
      };
      if (index === 0) this.doc.text(run.text, x, y, options);
      else this.doc.text(run.text, options);
    });
  }
}

/** The face of the longest run: the paragraph is measured, and multi-face lines aligned, in it. */
function dominantFace(runs: readonly TextRun[]): FontkitFont | undefined {
  let best: TextRun | undefined;
  for (const run of runs) if (!best || run.text.length > best.text.length) best = run;
  return best?.face;
}
