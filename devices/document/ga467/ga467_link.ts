/**
 * How GA 467 frames reach the SAM. The driver talks to `Ga467Link`; `Ga467UsbLink` carries frames over a USB bulk
 * pipe pair (`UsbTransport`).
 *
 * Assumptions, stated because the standard text was not available (protocols.md §7.1, §8):
 * - USB bulk: the whole command frame goes out in one Bulk-OUT transfer, and the answer is read from Bulk-IN as a
 *   byte stream that may arrive in several transfers (64-byte packets); the 7-byte header gives the total length.
 *   Readers documented with split pipes (preamble+length on 0x02/0x81, body on 0x06/0x85) need a transport that
 *   routes the two parts; that routing belongs in the transport, not here.
 * - HID readers (index code uses SET_REPORT 21/09) are assumed to carry the same frame bytes in output/input
 *   reports after a report ID; a `Ga467Link` over `HidTransport` would chunk and reassemble the same way. It is not
 *   implemented: no HID reader's report layout was confirmed.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type { TransferFailure, UsbTransport } from '../../transport/usb_transport.js';
import { expectedFrameLength, FRAME_HEADER_SIZE, PREAMBLE } from './frame.js';

export type Ga467LinkError =
  | { code: 'disconnected' }
  | { code: 'timeout' }
  | { code: 'io'; detail: string }
  | { code: 'no-frame'; detail: string };

export type LinkResult = Result<Uint8Array, Ga467LinkError>;

export interface Ga467Link {
  /** Sends one command frame and returns the raw bytes of one response frame (checked later by the codec). */
  exchange(frame: Uint8Array, timeoutMs: number): Promise<LinkResult>;
}

export interface Ga467UsbLinkOptions {
  /** Bytes asked for per Bulk-IN transfer. */
  readSize?: number;
  writeTimeoutMs?: number;
}

/** Bytes of noise tolerated before a preamble: a reader babbling more than this is not a GA 467 SAM. */
const MAX_NOISE = 4096;

export class Ga467UsbLink implements Ga467Link {
  private readonly readSize: number;
  private readonly writeTimeoutMs: number;

  constructor(
    private readonly transport: UsbTransport,
    options: Ga467UsbLinkOptions = {},
  ) {
    this.readSize = options.readSize ?? 4096;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 1000;
  }

  async exchange(frame: Uint8Array, timeoutMs: number): Promise<LinkResult> {
    const written = await this.transport.bulkOut(frame, this.writeTimeoutMs);
    if (!written.ok) return err(linkFailure(written.error));
    const deadline = Date.now() + timeoutMs;
    let buffer = new Uint8Array(0);
    let discarded = 0;
    for (;;) {
      // Drop anything before the preamble (line noise, a partial stale frame).
      const start = findPreamble(buffer);
      if (start > 0) {
        discarded += start;
        buffer = buffer.slice(start);
      } else if (start < 0 && buffer.length >= PREAMBLE.length) {
        discarded += buffer.length - (PREAMBLE.length - 1);
        buffer = buffer.slice(buffer.length - (PREAMBLE.length - 1));
      }
      if (discarded > MAX_NOISE)
        return err({ code: 'no-frame', detail: `${discarded} bytes without a preamble` });
      if (buffer.length >= FRAME_HEADER_SIZE && findPreamble(buffer) === 0) {
        const total = expectedFrameLength(buffer);
        if (total.ok && buffer.length >= total.value) return ok(buffer.slice(0, total.value));
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return err({ code: 'timeout' });
      const read = await this.transport.bulkIn(this.readSize, remaining);
      if (!read.ok) return err(linkFailure(read.error));
      const joined = new Uint8Array(buffer.length + read.value.length);
      joined.set(buffer);
      joined.set(read.value, buffer.length);
      buffer = joined;
    }
  }
}

function findPreamble(buffer: Uint8Array): number {
  outer: for (let start = 0; start + PREAMBLE.length <= buffer.length; start++) {
    for (let index = 0; index < PREAMBLE.length; index++) {
      if (buffer[start + index] !== PREAMBLE[index]) continue outer;
    }
    return start;
  }
  return -1;
}

function linkFailure(error: TransferFailure): Ga467LinkError {
  switch (error.code) {
    case 'disconnected':
    case 'timeout':
      return { code: error.code };
    case 'stall':
      return { code: 'io', detail: 'endpoint stalled' };
    case 'io':
      return { code: 'io', detail: error.detail };
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}
