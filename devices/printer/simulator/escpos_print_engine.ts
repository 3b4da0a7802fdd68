/**
 * The print engine of the simulated ticket printer: executes parsed ESC/POS commands in order and records what
 * ends up on paper (text lines, raster images, QR symbols, cuts), measuring paper in dots so a paper sensor can
 * run out mid-ticket. It knows nothing of USB; the simulator feeds it.
 */
import QRCode from 'qrcode';
import { type CodePageName, codePageForTableNumber, decodeByte } from '../escpos/code_pages.js';
import type { EscPosCommand } from '../escpos/stream_parser.js';

/** One text line is 24 dots of glyph plus line spacing: ~1/6 inch at 180 dpi. */
export const DOTS_PER_LINE = 30;

export type PrintedAlignment = 'left' | 'center' | 'right';

export type PrintedItem =
  | { kind: 'text'; text: string; align: PrintedAlignment; bold: boolean; width: number; height: number }
  | { kind: 'raster'; widthDots: number; heightDots: number; bands: number; align: PrintedAlignment }
  | { kind: 'qr'; payload: string; moduleSize: number; errorLevel: string; model: number; modules: number }
  | { kind: 'qr-error'; detail: string }
  | { kind: 'feed'; dots: number };

export interface PrintedTicket {
  items: PrintedItem[];
  cut: 'full' | 'partial';
}

export type ExecuteOutcome =
  | { kind: 'done'; dots: number }
  /** Not enough paper left for this command: nothing printed, the engine stops before it. */
  | { kind: 'out-of-paper' };

interface QrSettings {
  model: number;
  moduleSize: number;
  level: number;
  data: Uint8Array;
}

const alignments: readonly PrintedAlignment[] = ['left', 'center', 'right'];
const qrLevels: Record<number, 'L' | 'M' | 'Q' | 'H'> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

export class EscPosPrintEngine {
  readonly tickets: PrintedTicket[] = [];
  /** Printed but not yet cut. */
  current: PrintedItem[] = [];
  readonly unknownCommands: string[] = [];
  private codePage: CodePageName = 'pc437';
  private align: PrintedAlignment = 'left';
  private bold = false;
  private width = 1;
  private height = 1;
  private line = '';
  private qr: QrSettings = { model: 50, moduleSize: 3, level: 48, data: new Uint8Array(0) };

  constructor(private readonly defaultCodePage: CodePageName = 'pc437') {
    this.codePage = defaultCodePage;
  }

  /** Power-on / ESC @ defaults (the printed paper stays). */
  resetModes(): void {
    this.codePage = this.defaultCodePage;
    this.align = 'left';
    this.bold = false;
    this.width = 1;
    this.height = 1;
    this.line = '';
    this.qr = { model: 50, moduleSize: 3, level: 48, data: new Uint8Array(0) };
  }

  /** All text lines printed so far, cut tickets first, then the uncut part. */
  textLines(): string[] {
    const items = [...this.tickets.flatMap((t) => t.items), ...this.current];
    return items.flatMap((item) => (item.kind === 'text' ? [item.text] : []));
  }

  /** Execute one command with `paperDots` of paper left. */
  execute(command: EscPosCommand, paperDots: number): ExecuteOutcome {
    switch (command.op) {
      case 'init':
        this.resetModes();
        return { kind: 'done', dots: 0 };
      case 'code-table': {
        const page = codePageForTableNumber(command.n);
        if (page) this.codePage = page;
        else this.unknownCommands.push(`ESC t ${command.n}`);
        return { kind: 'done', dots: 0 };
      }
      case 'align':
        this.align = alignments[command.n] ?? this.align;
        return { kind: 'done', dots: 0 };
      case 'emphasis':
        this.bold = command.on;
        return { kind: 'done', dots: 0 };
      case 'size':
        this.width = command.width;
        this.height = command.height;
        return { kind: 'done', dots: 0 };
      case 'print-mode':
        this.bold = (command.n & 0x08) !== 0;
        this.width = command.n & 0x20 ? 2 : 1;
        this.height = command.n & 0x10 ? 2 : 1;
        return { kind: 'done', dots: 0 };
      case 'text':
        for (const byte of command.bytes) this.line += decodeByte(byte, this.codePage) ?? '\ufffd';
        return { kind: 'done', dots: 0 };
      case 'line-feed': {
        const dots = DOTS_PER_LINE * this.height;
        if (dots > paperDots) return { kind: 'out-of-paper' };
        const { line, align, bold, width, height } = this;
        this.current.push({ kind: 'text', text: line, align, bold, width, height });
        this.line = '';
        return { kind: 'done', dots };
      }
      case 'feed-lines':
        return this.feed(command.lines * DOTS_PER_LINE, paperDots);
      case 'feed-dots':
        return this.feed(command.dots, paperDots);
      case 'raster':
        return this.raster(command.widthBytes, command.heightDots, command.mode, paperDots);
      case 'qr-model':
        this.qr.model = command.model;
        return { kind: 'done', dots: 0 };
      case 'qr-module-size':
        this.qr.moduleSize = command.size;
        return { kind: 'done', dots: 0 };
      case 'qr-error-level':
        this.qr.level = command.level;
        return { kind: 'done', dots: 0 };
      case 'qr-store':
        this.qr.data = command.data;
        return { kind: 'done', dots: 0 };
      case 'qr-print':
        return this.printQr(paperDots);
      case 'cut':
        this.flushLine();
        this.tickets.push({ items: this.current, cut: command.kind });
        this.current = [];
        return { kind: 'done', dots: command.feed };
      case 'process-id':
      case 'transmit-status':
      case 'realtime-status':
      case 'ignored':
        return { kind: 'done', dots: 0 };
      case 'unknown':
        this.unknownCommands.push(command.reason);
        return { kind: 'done', dots: 0 };
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  }

  private flushLine(): void {
    if (this.line === '') return;
    const { line, align, bold, width, height } = this;
    this.current.push({ kind: 'text', text: line, align, bold, width, height });
    this.line = '';
  }

  private feed(dots: number, paperDots: number): ExecuteOutcome {
    this.flushLine();
    if (dots > paperDots) return { kind: 'out-of-paper' };
    if (dots > 0) this.current.push({ kind: 'feed', dots });
    return { kind: 'done', dots };
  }

  private raster(widthBytes: number, heightDots: number, mode: number, paperDots: number): ExecuteOutcome {
    const scaleY = mode & 0x02 ? 2 : 1;
    const scaleX = mode & 0x01 ? 2 : 1;
    const dots = heightDots * scaleY;
    if (dots > paperDots) return { kind: 'out-of-paper' };
    this.flushLine();
    const widthDots = widthBytes * 8 * scaleX;
    const last = this.current.at(-1);
    // Consecutive bands of the same width are one image, as on paper.
    if (last && last.kind === 'raster' && last.widthDots === widthDots) {
      last.heightDots += dots;
      last.bands += 1;
    } else {
      this.current.push({ kind: 'raster', widthDots, heightDots: dots, bands: 1, align: this.align });
    }
    return { kind: 'done', dots };
  }

  private printQr(paperDots: number): ExecuteOutcome {
    this.flushLine();
    const level = qrLevels[this.qr.level];
    if (!level || this.qr.data.length === 0) {
      this.current.push({ kind: 'qr-error', detail: 'no data stored or bad error level' });
      return { kind: 'done', dots: 0 };
    }
    let modules: number;
    try {
      modules = QRCode.create([{ mode: 'byte', data: this.qr.data }], { errorCorrectionLevel: level }).modules
        .size;
    } catch (error) {
      // The printer prints nothing when the data does not fit a symbol; so do we.
      this.current.push({ kind: 'qr-error', detail: error instanceof Error ? error.message : String(error) });
      return { kind: 'done', dots: 0 };
    }
    const dots = modules * this.qr.moduleSize;
    if (dots > paperDots) return { kind: 'out-of-paper' };
    this.current.push({
      kind: 'qr',
      payload: new TextDecoder().decode(this.qr.data),
      moduleSize: this.qr.moduleSize,
      errorLevel: level,
      model: this.qr.model === 49 ? 1 : 2,
      modules,
    });
    return { kind: 'done', dots };
  }
}
