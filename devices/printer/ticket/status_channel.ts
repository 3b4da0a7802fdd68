/**
 * The ticket printer's reply channel: DLE EOT status polls and GS ( H process-ID responses share bulk IN, so one
 * reader sorts what arrives. A status request is retried when its reply is missing or malformed; a late reply to
 * an abandoned request is drained before the next poll so it is never taken for the answer to another question.
 */

import { err, ok, type Result, resultBlock } from '../../../lib/result.js';
import type { TransferFailure, UsbTransport } from '../../transport/usb_transport.js';
import { realtimeStatusRequest } from '../escpos/commands.js';
import { type StatusFunction, type StatusSnapshot, splitReplies } from '../escpos/realtime_status.js';

export type StatusChannelError =
  | { code: 'transfer'; failure: TransferFailure }
  /** No well-formed reply after every retry; `last` says what came back instead. */
  | { code: 'unreadable'; last: 'timeout' | 'empty-reply' | 'not-a-status-byte' };

export type StatusChannelResult<T> = Result<T, StatusChannelError>;

export interface StatusChannelTimings {
  /** Timeout of each transfer. */
  transferMs: number;
  /** Attempts per status request. */
  attempts: number;
}

export class StatusChannel {
  private statusInbox: number[] = [];
  private readonly processIds = new Set<string>();
  private transmitStatusReplies = 0;
  private pending: Uint8Array = new Uint8Array(0);
  private unsettled = false;

  constructor(
    private readonly transport: UsbTransport,
    private readonly timings: StatusChannelTimings,
  ) {}

  /** How many GS r replies have arrived so far (each marks the point where the printer had processed data). */
  get transmitStatusCount(): number {
    return this.transmitStatusReplies;
  }

  /** Whether a process-ID response `id` has arrived. */
  sawProcessId(id: string): boolean {
    return this.processIds.has(id);
  }

  /** Read one IN transfer and sort what came. A zero-length packet is `empty`; a timeout is not an error here. */
  async readOnce(timeoutMs: number): Promise<StatusChannelResult<'timeout' | 'empty' | 'junk' | 'data'>> {
    const read = await this.transport.bulkIn(64, timeoutMs);
    if (!read.ok) {
      if (read.error.code === 'timeout') return ok('timeout');
      return err({ code: 'transfer', failure: read.error });
    }
    if (read.value.length === 0) return ok('empty');
    const joined = new Uint8Array(this.pending.length + read.value.length);
    joined.set(this.pending);
    joined.set(read.value, this.pending.length);
    const sorted = splitReplies(joined);
    this.pending = sorted.pending;
    this.statusInbox.push(...sorted.statusBytes);
    for (const { id } of sorted.processIds) this.processIds.add(id);
    this.transmitStatusReplies += sorted.transmitStatus.length;
    const useful =
      sorted.statusBytes.length + sorted.processIds.length + sorted.transmitStatus.length > 0 ||
      sorted.pending.length > 0;
    return ok(useful ? 'data' : 'junk');
  }

  /** Ask DLE EOT n and return the status byte. */
  async request(n: StatusFunction): Promise<StatusChannelResult<number>> {
    if (this.unsettled) {
      // A reply to an earlier, abandoned request may still arrive: wait it out once and discard it.
      const drained = await this.readOnce(this.timings.transferMs);
      if (!drained.ok) return drained;
      this.unsettled = false;
    }
    let last: 'timeout' | 'empty-reply' | 'not-a-status-byte' = 'timeout';
    for (let attempt = 0; attempt < this.timings.attempts; attempt++) {
      this.statusInbox = [];
      const sent = await this.transport.bulkOut(realtimeStatusRequest(n), this.timings.transferMs);
      if (!sent.ok) return err({ code: 'transfer', failure: sent.error });
      // A process-ID response may come first; read on (a few transfers at most) for the status byte.
      for (let read = 0; read < 3; read++) {
        const got = await this.readOnce(this.timings.transferMs);
        if (!got.ok) return got;
        const byte = this.statusInbox.shift();
        if (byte !== undefined) return ok(byte);
        if (got.value === 'data') continue;
        if (got.value === 'timeout') this.unsettled = true;
        last =
          got.value === 'timeout' ? 'timeout' : got.value === 'empty' ? 'empty-reply' : 'not-a-status-byte';
        break;
      }
    }
    return err({ code: 'unreadable', last });
  }

  /** Poll all four status functions. */
  snapshot(): Promise<StatusChannelResult<StatusSnapshot>> {
    return resultBlock(async (take) =>
      ok({
        printer: take(await this.request(1)),
        offlineCause: take(await this.request(2)),
        errorCause: take(await this.request(3)),
        paperSensor: take(await this.request(4)),
      }),
    );
  }
}
