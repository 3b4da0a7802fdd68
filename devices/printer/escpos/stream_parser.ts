/**
 * Incremental parser of an ESC/POS byte stream, as a printer's command interpreter reads it. Used by the ticket
 * printer simulator (so tests see what was "printed") and by tests that inspect encoder output. Bytes arrive
 * in arbitrary USB chunks, so a command split across chunks waits for the rest. Malformed or unknown input
 * becomes an `unknown` event (the parser skips it and carries on); it never throws.
 */

export type EscPosCommand =
  | { op: 'init' }
  | { op: 'code-table'; n: number }
  | { op: 'align'; n: number }
  | { op: 'emphasis'; on: boolean }
  | { op: 'size'; width: number; height: number }
  | { op: 'print-mode'; n: number }
  | { op: 'text'; bytes: Uint8Array }
  | { op: 'line-feed' }
  | { op: 'feed-lines'; lines: number }
  | { op: 'feed-dots'; dots: number }
  | { op: 'cut'; kind: 'full' | 'partial'; feed: number }
  | { op: 'raster'; mode: number; widthBytes: number; heightDots: number; data: Uint8Array }
  | { op: 'qr-model'; model: number }
  | { op: 'qr-module-size'; size: number }
  | { op: 'qr-error-level'; level: number }
  | { op: 'qr-store'; data: Uint8Array }
  | { op: 'qr-print' }
  | { op: 'process-id'; id: string }
  | { op: 'transmit-status'; n: number }
  | { op: 'realtime-status'; n: number }
  | { op: 'ignored'; bytes: Uint8Array }
  | { op: 'unknown'; bytes: Uint8Array; reason: string };

type Step = { kind: 'need-more' } | { kind: 'command'; command: EscPosCommand; next: number };

/** Largest single command we wait for (a raster band or QR store); a bigger declared length is malformed. */
export const MAX_COMMAND_BYTES = 1 << 20;

const needMore: Step = { kind: 'need-more' };

function unknown(buf: Uint8Array, at: number, length: number, reason: string): Step {
  return {
    kind: 'command',
    command: { op: 'unknown', bytes: buf.slice(at, at + length), reason },
    next: at + length,
  };
}

/** ESC commands with one parameter byte that the simulator does not act on (line spacing, underline, font…). */
const escOneArgIgnored = new Set([0x2d, 0x33, 0x4a, 0x4d, 0x52, 0x56, 0x7b, 0x20, 0x47, 0x55]);
/** GS commands with one parameter byte that are ignored (barcode height/width/HRI, smoothing, reverse). */
const gsOneArgIgnored = new Set([0x42, 0x48, 0x66, 0x68, 0x77, 0x62, 0x61]);

function parseEsc(buf: Uint8Array, at: number): Step {
  if (buf.length - at < 2) return needMore;
  const code = buf[at + 1]!;
  if (code === 0x40) return { kind: 'command', command: { op: 'init' }, next: at + 2 };
  if (code === 0x32)
    return { kind: 'command', command: { op: 'ignored', bytes: buf.slice(at, at + 2) }, next: at + 2 };
  if (buf.length - at < 3) {
    return code === 0x74 ||
      code === 0x61 ||
      code === 0x45 ||
      code === 0x64 ||
      code === 0x21 ||
      escOneArgIgnored.has(code)
      ? needMore
      : unknown(buf, at, 2, `ESC 0x${code.toString(16)}`);
  }
  const n = buf[at + 2]!;
  const next = at + 3;
  switch (code) {
    case 0x74:
      return { kind: 'command', command: { op: 'code-table', n }, next };
    case 0x61:
      return { kind: 'command', command: { op: 'align', n: n & 0x0f }, next };
    case 0x45:
      return { kind: 'command', command: { op: 'emphasis', on: (n & 1) === 1 }, next };
    case 0x64:
      return { kind: 'command', command: { op: 'feed-lines', lines: n }, next };
    case 0x21:
      return { kind: 'command', command: { op: 'print-mode', n }, next };
    case 0x4a:
      return { kind: 'command', command: { op: 'feed-dots', dots: n }, next };
    default:
      if (escOneArgIgnored.has(code))
        return { kind: 'command', command: { op: 'ignored', bytes: buf.slice(at, next) }, next };
      return unknown(buf, at, 2, `ESC 0x${code.toString(16)}`);
  }
}

function parseGsParen(buf: Uint8Array, at: number): Step {
  // GS ( X pL pH body…
  if (buf.length - at < 5) return needMore;
  const fnClass = buf[at + 2]!;
  const length = buf[at + 3]! | (buf[at + 4]! << 8);
  if (length > MAX_COMMAND_BYTES) return unknown(buf, at, 5, 'GS ( length too large');
  const end = at + 5 + length;
  if (buf.length < end) return needMore;
  const body = buf.subarray(at + 5, end);
  if (fnClass === 0x6b && body.length >= 2 && body[0] === 0x31) {
    const fn = body[1]!;
    if (fn === 0x41 && body.length === 4)
      return { kind: 'command', command: { op: 'qr-model', model: body[2]! }, next: end };
    if (fn === 0x43 && body.length === 3)
      return { kind: 'command', command: { op: 'qr-module-size', size: body[2]! }, next: end };
    if (fn === 0x45 && body.length === 3)
      return { kind: 'command', command: { op: 'qr-error-level', level: body[2]! }, next: end };
    if (fn === 0x50 && body.length >= 4 && body[2] === 0x30) {
      return { kind: 'command', command: { op: 'qr-store', data: body.slice(3) }, next: end };
    }
    if (fn === 0x51 && body.length === 3 && body[2] === 0x30)
      return { kind: 'command', command: { op: 'qr-print' }, next: end };
  }
  if (fnClass === 0x48 && length === 6 && body[0] === 0x30 && body[1] === 0x30) {
    const id = body.subarray(2, 6);
    if (id.every((b) => b >= 0x20 && b <= 0x7e)) {
      return { kind: 'command', command: { op: 'process-id', id: String.fromCharCode(...id) }, next: end };
    }
  }
  return unknown(buf, at, end - at, `GS ( 0x${fnClass.toString(16)} function`);
}

function parseGs(buf: Uint8Array, at: number): Step {
  if (buf.length - at < 2) return needMore;
  const code = buf[at + 1]!;
  if (code === 0x28) return parseGsParen(buf, at);
  if (code === 0x76) {
    if (buf.length - at < 8) return needMore;
    if (buf[at + 2] !== 0x30) return unknown(buf, at, 3, 'GS v without 0');
    const mode = buf[at + 3]!;
    const widthBytes = buf[at + 4]! | (buf[at + 5]! << 8);
    const heightDots = buf[at + 6]! | (buf[at + 7]! << 8);
    const size = widthBytes * heightDots;
    if (size > MAX_COMMAND_BYTES || (mode & 0x0f) > 3)
      return unknown(buf, at, 8, 'GS v 0 header out of range');
    if (buf.length - at < 8 + size) return needMore;
    const data = buf.slice(at + 8, at + 8 + size);
    return {
      kind: 'command',
      command: { op: 'raster', mode, widthBytes, heightDots, data },
      next: at + 8 + size,
    };
  }
  if (buf.length - at < 3) return needMore;
  const m = buf[at + 2]!;
  if (code === 0x21) {
    return {
      kind: 'command',
      command: { op: 'size', width: (m >> 4) + 1, height: (m & 0x0f) + 1 },
      next: at + 3,
    };
  }
  if (code === 0x56) {
    if (m === 0 || m === 48)
      return { kind: 'command', command: { op: 'cut', kind: 'full', feed: 0 }, next: at + 3 };
    if (m === 1 || m === 49)
      return { kind: 'command', command: { op: 'cut', kind: 'partial', feed: 0 }, next: at + 3 };
    if (m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104) {
      if (buf.length - at < 4) return needMore;
      const kind = m % 2 === 1 ? 'full' : 'partial';
      return { kind: 'command', command: { op: 'cut', kind, feed: buf[at + 3]! }, next: at + 4 };
    }
    return unknown(buf, at, 3, `GS V ${m}`);
  }
  if (code === 0x72) return { kind: 'command', command: { op: 'transmit-status', n: m }, next: at + 3 };
  if (gsOneArgIgnored.has(code))
    return { kind: 'command', command: { op: 'ignored', bytes: buf.slice(at, at + 3) }, next: at + 3 };
  return unknown(buf, at, 2, `GS 0x${code.toString(16)}`);
}

function parseDle(buf: Uint8Array, at: number): Step {
  if (buf.length - at < 3) return needMore;
  if (buf[at + 1] === 0x04) {
    const n = buf[at + 2]!;
    if (n >= 1 && n <= 4) return { kind: 'command', command: { op: 'realtime-status', n }, next: at + 3 };
    return unknown(buf, at, 3, `DLE EOT ${n}`);
  }
  return unknown(buf, at, 1, 'DLE');
}

function parseAt(buf: Uint8Array, at: number): Step {
  const byte = buf[at]!;
  if (byte >= 0x20 && byte !== 0x7f) {
    let end = at + 1;
    while (end < buf.length && buf[end]! >= 0x20 && buf[end] !== 0x7f) end++;
    return { kind: 'command', command: { op: 'text', bytes: buf.slice(at, end) }, next: end };
  }
  switch (byte) {
    case 0x0a:
      return { kind: 'command', command: { op: 'line-feed' }, next: at + 1 };
    case 0x0d:
      return { kind: 'command', command: { op: 'ignored', bytes: buf.slice(at, at + 1) }, next: at + 1 };
    case 0x1b:
      return parseEsc(buf, at);
    case 0x1d:
      return parseGs(buf, at);
    case 0x10:
      return parseDle(buf, at);
    default:
      return unknown(buf, at, 1, `control byte 0x${byte.toString(16)}`);
  }
}

export class EscPosStreamParser {
  private pending: Uint8Array = new Uint8Array(0);

  /** Bytes received but not yet a whole command. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  /** Append a chunk and return every command it completes. */
  push(chunk: Uint8Array): EscPosCommand[] {
    let buf: Uint8Array;
    if (this.pending.length === 0) buf = chunk;
    else {
      buf = new Uint8Array(this.pending.length + chunk.length);
      buf.set(this.pending);
      buf.set(chunk, this.pending.length);
    }
    const commands: EscPosCommand[] = [];
    let at = 0;
    while (at < buf.length) {
      const step = parseAt(buf, at);
      if (step.kind === 'need-more') break;
      commands.push(step.command);
      at = step.next;
    }
    this.pending = buf.slice(at);
    return commands;
  }

  reset(): void {
    this.pending = new Uint8Array(0);
  }
}

/** Parse a complete job at once; trailing incomplete bytes are reported as one `unknown` command. */
export function parseEscPos(bytes: Uint8Array): EscPosCommand[] {
  const parser = new EscPosStreamParser();
  const commands = parser.push(bytes);
  if (parser.pendingBytes > 0) {
    commands.push({
      op: 'unknown',
      bytes: bytes.slice(bytes.length - parser.pendingBytes),
      reason: 'truncated',
    });
  }
  return commands;
}
