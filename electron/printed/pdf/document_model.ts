/**
 * What a template produces: a paper size and a flow of blocks, no drawing yet. Keeping composition apart from
 * drawing lets the renderer check every string against the font chain before the first mark is made.
 */
import type { FontWeight } from '../fonts/font_chain.js';

export type Align = 'left' | 'center' | 'right';

export type Block =
  | { kind: 'text'; text: string; size: number; weight: FontWeight; align: Align; gapAfter?: number }
  /** A label in both languages over a value; on A4 the label sits in a left column. */
  | {
      kind: 'field';
      label: string;
      labelSecondary: string;
      value: string;
      valueSize?: number;
      valueWeight?: FontWeight;
    }
  | { kind: 'qr'; data: string; moduleSize: number; align: Align; caption?: string; captionSize?: number }
  /** A QR on the left with lines of text beside it (the A4 verification panel). */
  | {
      kind: 'qr-panel';
      data: string;
      moduleSize: number;
      lines: { text: string; size: number; weight: FontWeight }[];
    }
  | { kind: 'rule'; weight?: number }
  | { kind: 'space'; height: number };

export type Paper = 'ticket' | 'a4';

export interface DocumentModel {
  paper: Paper;
  /** PDF metadata title: the template's name, never personal data. */
  title: string;
  blocks: Block[];
}

/** Every string a model will draw, with the weight it is drawn in: the input of the glyph check. */
export function modelTexts(model: DocumentModel): { text: string; weight: FontWeight }[] {
  const texts: { text: string; weight: FontWeight }[] = [{ text: model.title, weight: 'regular' }];
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'text':
        texts.push({ text: block.text, weight: block.weight });
        break;
      case 'field':
        texts.push(
          { text: block.label, weight: 'bold' },
          { text: block.labelSecondary, weight: 'regular' },
          { text: block.value, weight: block.valueWeight ?? 'regular' },
        );
        break;
      case 'qr':
        if (block.caption !== undefined) texts.push({ text: block.caption, weight: 'bold' });
        break;
      case 'qr-panel':
        for (const line of block.lines) texts.push({ text: line.text, weight: line.weight });
        break;
      case 'rule':
      case 'space':
        break;
      default: {
        const unreachable: never = block;
        throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return texts;
}

/**
 * The same model with every string in Unicode NFC: a name typed or read as base letter + combining accent
 * prints (and is glyph-checked) as its composed character. The layout relies on it (see fonts/fast_layout.ts).
 */
export function normaliseModel(model: DocumentModel): DocumentModel {
  const nfc = (text: string): string => text.normalize('NFC');
  const blocks = model.blocks.map((block): Block => {
    switch (block.kind) {
      case 'text':
        return { ...block, text: nfc(block.text) };
      case 'field':
        return {
          ...block,
          label: nfc(block.label),
          labelSecondary: nfc(block.labelSecondary),
          value: nfc(block.value),
        };
      case 'qr':
        return block.caption === undefined ? block : { ...block, caption: nfc(block.caption) };
      case 'qr-panel':
        return { ...block, lines: block.lines.map((line) => ({ ...line, text: nfc(line.text) })) };
      case 'rule':
      case 'space':
        return block;
      default: {
        const unreachable: never = block;
        throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
      }
    }
  });
  return { ...model, title: nfc(model.title), blocks };
}
