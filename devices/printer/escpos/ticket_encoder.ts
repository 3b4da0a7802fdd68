/**
 * A ticket as blocks (text, raster, QR, feed) and its encoding into one ESC/POS job. Pure: the same ticket and
 * profile always give the same bytes. Invalid content (an empty QR, a bitmap wider than the paper) is a typed
 * error, because it usually comes from data (a booking code, a rendered image) rather than from code.
 */
import { concatBytes } from '../../../lib/bytes.js';
import { err, ok, type Result } from '../../../lib/result.js';
import type { MonoBitmap } from '../printer.js';
import { type CodePageName, encodeText, escPosTableNumber } from './code_pages.js';
import {
  type Alignment,
  align,
  type CutKind,
  characterSize,
  emphasis,
  feedAndCut,
  feedLines,
  initialize,
  LF,
  QR_MAX_STORE_BYTES,
  type QrErrorLevel,
  qrCode,
  rasterImage,
  rowBytes,
  selectCharacterTable,
} from './commands.js';

export type TicketBlock =
  | { kind: 'text'; text: string; align?: Alignment; bold?: boolean; width?: number; height?: number }
  | { kind: 'raster'; bitmap: MonoBitmap; align?: Alignment }
  | { kind: 'qr'; data: string; moduleSize?: number; errorLevel?: QrErrorLevel; align?: Alignment }
  | { kind: 'feed'; lines: number };

export interface Ticket {
  blocks: readonly TicketBlock[];
  cut?: CutKind;
}

/** What the encoder needs to know about a ticket printer model. */
export interface EscPosProfile {
  codePage: CodePageName;
  /** `ESC t` number for `codePage` when the vendor numbers it differently from Epson. */
  codeTableOverride?: number;
  /** Printable width in dots (576 on 80 mm paper at 203 dpi, 384 on 58 mm). */
  dotsPerLine: number;
  /** Rows per GS v 0 band. */
  rasterBandRows: number;
  defaultQrModuleSize: number;
}

export const defaultEscPosProfile: EscPosProfile = {
  // PC858 holds every Latin-1 letter Portuguese needs (ã õ ç á â à é ê í ó ô ú, capitals) and the euro sign.
  codePage: 'pc858',
  dotsPerLine: 576,
  rasterBandRows: 128,
  defaultQrModuleSize: 6,
};

export type TicketEncodeError =
  | { code: 'empty-qr'; block: number }
  | { code: 'qr-too-long'; block: number; bytes: number }
  | { code: 'raster-too-wide'; block: number; width: number; max: number }
  | { code: 'bad-bitmap'; block: number; detail: string }
  | { code: 'bad-size'; block: number; detail: string };

export type TicketEncodeResult = Result<{ bytes: Uint8Array; replacedChars: number }, TicketEncodeError>;

function validate(ticket: Ticket, profile: EscPosProfile): TicketEncodeError | undefined {
  for (const [index, block] of ticket.blocks.entries()) {
    switch (block.kind) {
      case 'text': {
        const w = block.width ?? 1;
        const h = block.height ?? 1;
        if (!Number.isInteger(w) || !Number.isInteger(h) || w < 1 || w > 8 || h < 1 || h > 8) {
          return { code: 'bad-size', block: index, detail: `size ${w}x${h}` };
        }
        break;
      }
      case 'raster': {
        const { bitmap } = block;
        if (!Number.isInteger(bitmap.width) || !Number.isInteger(bitmap.height) || bitmap.width < 1) {
          return { code: 'bad-bitmap', block: index, detail: 'width and height must be positive integers' };
        }
        if (bitmap.data.length !== rowBytes(bitmap) * bitmap.height) {
          return { code: 'bad-bitmap', block: index, detail: 'data length does not match width × height' };
        }
        if (bitmap.width > profile.dotsPerLine) {
          return { code: 'raster-too-wide', block: index, width: bitmap.width, max: profile.dotsPerLine };
        }
        break;
      }
      case 'qr': {
        const bytes = new TextEncoder().encode(block.data).length;
        if (bytes === 0) return { code: 'empty-qr', block: index };
        if (bytes > QR_MAX_STORE_BYTES) return { code: 'qr-too-long', block: index, bytes };
        const size = block.moduleSize ?? profile.defaultQrModuleSize;
        if (!Number.isInteger(size) || size < 1 || size > 16) {
          return { code: 'bad-size', block: index, detail: `QR module size ${size}` };
        }
        break;
      }
      case 'feed':
        if (!Number.isInteger(block.lines) || block.lines < 0 || block.lines > 255) {
          return { code: 'bad-size', block: index, detail: `feed ${block.lines}` };
        }
        break;
      default: {
        const unreachable: never = block;
        return unreachable;
      }
    }
  }
  return undefined;
}

/** Encode a ticket: ESC @, code table, the blocks, then feed-and-cut. Text lines end with LF. */
export function encodeTicket(
  ticket: Ticket,
  profile: EscPosProfile = defaultEscPosProfile,
): TicketEncodeResult {
  const invalid = validate(ticket, profile);
  if (invalid) return err(invalid);
  const parts: Uint8Array[] = [
    initialize(),
    selectCharacterTable(profile.codeTableOverride ?? escPosTableNumber(profile.codePage)),
  ];
  let replacedChars = 0;
  for (const block of ticket.blocks) {
    switch (block.kind) {
      case 'text': {
        parts.push(align(block.align ?? 'left'), emphasis(block.bold ?? false));
        parts.push(characterSize(block.width ?? 1, block.height ?? 1));
        for (const line of block.text.split(/\r?\n/)) {
          const encoded = encodeText(line, profile.codePage);
          replacedChars += encoded.replaced;
          parts.push(encoded.bytes, Uint8Array.of(LF));
        }
        // Back to normal so a following block does not inherit bold or large type.
        parts.push(emphasis(false), characterSize(1, 1));
        break;
      }
      case 'raster':
        parts.push(align(block.align ?? 'center'), ...rasterImage(block.bitmap, profile.rasterBandRows));
        break;
      case 'qr': {
        const data = new TextEncoder().encode(block.data);
        const size = block.moduleSize ?? profile.defaultQrModuleSize;
        parts.push(align(block.align ?? 'center'), qrCode(data, size, block.errorLevel ?? 'M'));
        break;
      }
      case 'feed':
        parts.push(feedLines(block.lines));
        break;
      default: {
        const unreachable: never = block;
        return unreachable;
      }
    }
  }
  parts.push(align('left'), feedAndCut(ticket.cut ?? 'partial', 0));
  return ok({ bytes: concatBytes(...parts), replacedChars });
}
