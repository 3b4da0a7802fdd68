import { err, ok } from '../../lib/result.js';
import { symbologyOfAim, symbologyOfHoneywellCodeId } from './aim_symbology.js';
import { claimsContinuation, decodeHidPosReport, type HidPosFragment } from './hid_pos_report.js';
import { type ScanDecoder, type ScanEvent, type Symbology, textOfCode } from './scan_event.js';

/**
 * Reassembles HID POS reports into codes. States: idle → assembling (continuation bit seen) → event; a bad
 * report in the middle makes the whole code one `garbled` error, and the rest of that code (up to the report
 * without the continuation bit) is discarded silently, so no half of a code ever comes out as a code.
 */

export interface HidPosDecoderOptions {
  /** A code whose next report does not come within this gap is `truncated`. Scanners send back to back (≤ 8 ms). */
  interReportGapMs: number;
  /** Longest code accepted (a PDF417 holds ~1.8 kB; QR ~3 kB). */
  maxCodeBytes: number;
  /** Scanners are often set to append CR; WebHidBarcodeScanner strips it too. */
  stripTrailingCr: boolean;
}

export const defaultHidPosDecoderOptions: HidPosDecoderOptions = {
  interReportGapMs: 250,
  maxCodeBytes: 8192,
  stripTrailingCr: true,
};

type State =
  | { kind: 'idle' }
  | { kind: 'assembling'; first: HidPosFragment; chunks: Uint8Array[]; size: number; lastAt: number }
  | { kind: 'discarding'; lastAt: number };

export class HidPosDecoder implements ScanDecoder {
  private state: State = { kind: 'idle' };

  constructor(private readonly options: HidPosDecoderOptions = defaultHidPosDecoderOptions) {}

  get pending(): boolean {
    return this.state.kind !== 'idle';
  }

  push(report: Uint8Array, nowMs: number): ScanEvent[] {
    const decoded = decodeHidPosReport(report);
    if (!decoded.ok) {
      // Other input reports of a HID POS device (trigger, status) are not ours to judge.
      if (decoded.error.code === 'unexpected-report-id') return [];
      const wasAssembling = this.state.kind === 'assembling';
      const wasDiscarding = this.state.kind === 'discarding';
      this.state = claimsContinuation(report) ? { kind: 'discarding', lastAt: nowMs } : { kind: 'idle' };
      if (wasDiscarding) return [];
      return [err(wasAssembling ? { code: 'garbled', detail: decoded.error.code } : decoded.error)];
    }
    const fragment = decoded.value;
    switch (this.state.kind) {
      case 'idle':
        return this.begin(fragment, nowMs);
      case 'discarding':
        this.state = fragment.continued ? { kind: 'discarding', lastAt: nowMs } : { kind: 'idle' };
        return [];
      case 'assembling': {
        const current = this.state;
        if (fragment.aimText !== current.first.aimText) {
          this.state = fragment.continued ? { kind: 'discarding', lastAt: nowMs } : { kind: 'idle' };
          return [err({ code: 'garbled', detail: 'symbology changed within a code' })];
        }
        current.chunks.push(fragment.data);
        current.size += fragment.data.length;
        current.lastAt = nowMs;
        if (current.size > this.options.maxCodeBytes) {
          this.state = fragment.continued ? { kind: 'discarding', lastAt: nowMs } : { kind: 'idle' };
          return [err({ code: 'too-long', detail: `over ${this.options.maxCodeBytes} bytes` })];
        }
        if (fragment.continued) return [];
        this.state = { kind: 'idle' };
        return [this.finish(current.first, current.chunks, current.size)];
      }
      default: {
        const unreachable: never = this.state;
        return unreachable;
      }
    }
  }

  tick(nowMs: number): ScanEvent[] {
    if (this.state.kind === 'idle' || nowMs - this.state.lastAt < this.options.interReportGapMs) return [];
    const wasAssembling = this.state.kind === 'assembling';
    this.state = { kind: 'idle' };
    return wasAssembling ? [err({ code: 'truncated', detail: 'continuation never came' })] : [];
  }

  interrupt(): ScanEvent[] {
    const wasAssembling = this.state.kind === 'assembling';
    this.state = { kind: 'idle' };
    return wasAssembling ? [err({ code: 'interrupted' })] : [];
  }

  private begin(fragment: HidPosFragment, nowMs: number): ScanEvent[] {
    if (fragment.continued) {
      this.state = {
        kind: 'assembling',
        first: fragment,
        chunks: [fragment.data],
        size: fragment.data.length,
        lastAt: nowMs,
      };
      return [];
    }
    return [this.finish(fragment, [fragment.data], fragment.data.length)];
  }

  private finish(first: HidPosFragment, chunks: Uint8Array[], size: number): ScanEvent {
    let bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    if (this.options.stripTrailingCr && bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) {
      bytes = bytes.slice(0, -1);
    }
    if (bytes.length === 0) return err({ code: 'empty-code' });
    let symbology: Symbology = first.aim === undefined ? 'unknown' : symbologyOfAim(first.aim);
    if (symbology === 'unknown') symbology = symbologyOfHoneywellCodeId(first.codeId);
    return ok({ symbology, text: textOfCode(bytes), bytes });
  }
}
