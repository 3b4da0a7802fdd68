/**
 * Replies to DLE EOT n (real-time status, protocols.md §5) and their meaning.
 *
 * Every reply is one byte with fixed bits bit0 = 0, bit1 = 1, bit4 = 1, bit7 = 0 (0x12 baseline); anything else is
 * not a status byte. Bit meanings follow Epson (TM-T88III/V, TM-L60II) and agree with Bixolon SRP-350 and Citizen
 * CT-S2000, but vendors differ (Citizen PPU-231II puts the presenter in n=4 bit 6, SRP-250 gives n=3 bit 2 a
 * meaning), so the masks live in a per-model layout rather than in the decoder.
 */

import { err, ok, type Result } from '../../../lib/result.js';
export type StatusFunction = 1 | 2 | 3 | 4;

export interface StatusBitLayout {
  /** n=1 bit 3: offline. */
  offline: number;
  /** n=2 offline causes. */
  coverOpen: number;
  paperEndStop: number;
  errorOccurred: number;
  /** n=3 error causes. */
  cutterError: number;
  unrecoverableError: number;
  autoRecoverableError: number;
  /** n=4 roll paper sensor: any bit set counts. */
  nearEnd: number;
  paperEnd: number;
}

/** Epson layout; python-escpos' masks (NOPAPER 0x72, LOWPAPER 0x1E) assume it too. */
export const epsonStatusLayout: StatusBitLayout = {
  offline: 0x08,
  coverOpen: 0x04,
  paperEndStop: 0x20,
  errorOccurred: 0x40,
  cutterError: 0x08,
  unrecoverableError: 0x20,
  autoRecoverableError: 0x40,
  nearEnd: 0x0c,
  paperEnd: 0x60,
};

/** Citizen PPU-231II: n=4 bit 6 is the presenter, not the paper end; only bit 5 means roll end. */
export const citizenPresenterStatusLayout: StatusBitLayout = { ...epsonStatusLayout, paperEnd: 0x20 };

export type StatusDecodeError =
  | { code: 'empty-reply' }
  | { code: 'not-a-status-byte'; byte: number }
  | { code: 'extra-bytes'; length: number };

export type StatusByteResult = Result<number, StatusDecodeError>;

/** Check that `reply` is exactly one well-formed status byte. */
export function decodeStatusByte(reply: Uint8Array): StatusByteResult {
  if (reply.length === 0) return err({ code: 'empty-reply' });
  if (reply.length > 1) return err({ code: 'extra-bytes', length: reply.length });
  const byte = reply[0]!;
  if (!isStatusByte(byte)) return err({ code: 'not-a-status-byte', byte });
  return ok(byte);
}

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** The four status bytes of one complete poll (n = 1, 2, 3, 4). */
export interface StatusSnapshot {
  printer: number;
  offlineCause: number;
  errorCause: number;
  paperSensor: number;
}

export interface PrinterSensors {
  offline: boolean;
  coverOpen: boolean;
  /** Roll end, or printing stopped by paper end. */
  paperOut: boolean;
  paperLow: boolean;
  /** Error needing staff, or `undefined` when none. */
  errorCode: 'cutter-error' | 'unrecoverable-error' | 'auto-recoverable-error' | 'printer-error' | undefined;
}

export function interpretStatus(
  s: StatusSnapshot,
  layout: StatusBitLayout = epsonStatusLayout,
): PrinterSensors {
  const coverOpen = (s.offlineCause & layout.coverOpen) !== 0;
  const paperOut = (s.paperSensor & layout.paperEnd) !== 0 || (s.offlineCause & layout.paperEndStop) !== 0;
  let errorCode: PrinterSensors['errorCode'];
  if ((s.errorCause & layout.cutterError) !== 0) errorCode = 'cutter-error';
  else if ((s.errorCause & layout.unrecoverableError) !== 0) errorCode = 'unrecoverable-error';
  else if ((s.errorCause & layout.autoRecoverableError) !== 0) errorCode = 'auto-recoverable-error';
  else if ((s.offlineCause & layout.errorOccurred) !== 0) errorCode = 'printer-error';
  return {
    offline: (s.printer & layout.offline) !== 0,
    coverOpen,
    paperOut,
    paperLow: !paperOut && (s.paperSensor & layout.nearEnd) !== 0,
    errorCode,
  };
}

/** Process ID response `37 22 d1 d2 d3 d4 00` (GS ( H fn 48). */
export interface ProcessIdReply {
  id: string;
}

/**
 * GS r 1 reply (paper sensor): bits 0–1 near end (0x03), bits 2–3 paper end (0x0C), bits 4 and 7 fixed 0
 * (Epson TM-U220/TM-T85, Bixolon SPP-R210 manuals). Bit 4 = 0 tells it apart from a DLE EOT reply (bit 4 = 1).
 */
export function isTransmitStatusByte(byte: number): boolean {
  return (byte & 0x90) === 0;
}

export interface ReplyStream {
  statusBytes: number[];
  /** GS r replies, in arrival order. */
  transmitStatus: number[];
  processIds: ProcessIdReply[];
  /** Bytes that fit neither form (line noise, a vendor's unsolicited block) — counted, not trusted. */
  junk: number;
  /** An incomplete process-ID block at the end, to prepend to the next read. */
  pending: Uint8Array;
}

/**
 * Split what arrived on bulk IN into DLE EOT status bytes, GS r replies and process-ID responses. They never
 * collide: 0x37 has bit 0 set, so it is not a DLE EOT status byte, and has bit 4 set, so it is not a GS r reply.
 * A "header to NUL" block is never interleaved with real-time replies.
 */
export function splitReplies(bytes: Uint8Array): ReplyStream {
  const out: ReplyStream = {
    statusBytes: [],
    transmitStatus: [],
    processIds: [],
    junk: 0,
    pending: new Uint8Array(0),
  };
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte === 0x37) {
      if (bytes.length - i < 7) {
        // Possibly a block split across two transfers; keep it only if what we have is consistent.
        const tail = bytes.subarray(i);
        if (tail.length < 2 || tail[1] === 0x22) {
          out.pending = tail.slice();
          return out;
        }
      } else if (bytes[i + 1] === 0x22 && bytes[i + 6] === 0x00) {
        const idBytes = bytes.subarray(i + 2, i + 6);
        if (idBytes.every((b) => b >= 0x20 && b <= 0x7e)) {
          out.processIds.push({ id: String.fromCharCode(...idBytes) });
          i += 7;
          continue;
        }
      }
      out.junk++;
      i++;
      continue;
    }
    if (isStatusByte(byte)) out.statusBytes.push(byte);
    else if (isTransmitStatusByte(byte)) out.transmitStatus.push(byte);
    else out.junk++;
    i++;
  }
  return out;
}
