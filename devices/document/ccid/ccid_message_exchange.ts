/**
 * One PC_to_RDR command and its RDR_to_PC answer, the way libccid does it (commands.c / ccid_usb.c ReadUSB):
 * - bSeq increments per command and wraps at 8 bits;
 * - a Bulk-IN frame carrying another bSeq is a stale answer: drop it and read again, giving up after more than 10;
 * - a time-extension frame (bmCommandStatus 2) means "keep reading, do not resend"; the next read's timeout is the
 *   base timeout multiplied by bError;
 * - a frame that does not decode (truncated, trailing bytes) fails this command; nothing is resent.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type { TransferFailure, UsbTransport } from '../../transport/usb_transport.js';
import type { ApduFailure } from '../iso7816/apdu_channel.js';
import { decodeRdrToPc, encodePcToRdr, type PcToRdrMessage, type RdrToPcMessage } from './messages.js';

export interface ExchangeTiming {
  responseTimeoutMs: number;
  writeTimeoutMs: number;
  /** dwMaxCCIDMessageLength: the Bulk-IN buffer size. */
  maxMessageLength: number;
  maxTimeExtensions: number;
}

export type ExchangeResult = Result<RdrToPcMessage, ApduFailure>;

/** libccid ReadUSB: "giving up after >10 such frames". */
export const MAX_WRONG_SEQ_FRAMES = 10;

export function apduFailureOf(error: TransferFailure): ApduFailure {
  switch (error.code) {
    case 'disconnected':
      return { code: 'disconnected' };
    case 'timeout':
      return { code: 'timeout' };
    case 'stall':
      return { code: 'transport', detail: 'endpoint stalled' };
    case 'io':
      return { code: 'transport', detail: error.detail };
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

export class CcidMessageExchange {
  private seq = 0;

  constructor(
    private readonly transport: UsbTransport,
    private readonly timing: ExchangeTiming,
    /** Told about every transfer failure, so the reader can turn `disconnected` into its state. */
    private readonly onTransferFailure: (failure: TransferFailure) => void,
  ) {}

  /**
   * Sends the message `build` makes with the next bSeq and returns the answer carrying that bSeq.
   * `beforeSend` runs with the same bSeq first (the ABORT class request must name it).
   */
  async command(
    build: (seq: number) => PcToRdrMessage,
    beforeSend?: (seq: number) => Promise<TransferFailure | undefined>,
  ): Promise<ExchangeResult> {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    const refused = await beforeSend?.(seq);
    if (refused !== undefined) return this.failed(refused);
    const written = await this.transport.bulkOut(encodePcToRdr(build(seq)), this.timing.writeTimeoutMs);
    if (!written.ok) return this.failed(written.error);
    let timeoutMs = this.timing.responseTimeoutMs;
    let wrongSeq = 0;
    let extensions = 0;
    for (;;) {
      const read = await this.transport.bulkIn(this.timing.maxMessageLength, timeoutMs);
      if (!read.ok) return this.failed(read.error);
      const decoded = decodeRdrToPc(read.value);
      if (!decoded.ok) {
        return err({ code: 'transport', detail: `malformed CCID frame: ${decoded.error.code}` });
      }
      const message = decoded.value;
      if (message.seq !== seq) {
        wrongSeq++;
        if (wrongSeq > MAX_WRONG_SEQ_FRAMES) {
          return err({
            code: 'transport',
            detail: `more than ${MAX_WRONG_SEQ_FRAMES} frames with a wrong bSeq`,
          });
        }
        continue;
      }
      if (message.state.command.kind === 'time-extension') {
        extensions++;
        if (extensions > this.timing.maxTimeExtensions) return err({ code: 'timeout' });
        timeoutMs = this.timing.responseTimeoutMs * Math.max(1, message.state.command.multiplier);
        continue;
      }
      return ok(message);
    }
  }

  private failed(failure: TransferFailure): ExchangeResult {
    this.onTransferFailure(failure);
    return err(apduFailureOf(failure));
  }
}
