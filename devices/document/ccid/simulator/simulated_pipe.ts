/**
 * One direction of a simulated USB pipe: the device side pushes transfers, the host side takes them with a timeout,
 * exactly as `UsbTransport.bulkIn`/`interruptIn` would resolve against hardware. Shared by the reader simulators.
 */
import type { TransferFailure, TransferResult } from '../../../transport/usb_transport.js';

interface Waiter {
  resolve: (result: TransferResult<Uint8Array>) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class SimulatedPipe {
  private readonly transfers: Uint8Array[] = [];
  private readonly waiters: Waiter[] = [];
  private failure: TransferFailure | undefined;

  /** Queues one transfer; a waiting reader gets it at once. */
  push(transfer: Uint8Array): void {
    if (this.failure !== undefined) return;
    const waiter = this.waiters.shift();
    if (waiter === undefined) {
      this.transfers.push(transfer);
      return;
    }
    clearTimeout(waiter.timer);
    waiter.resolve({ ok: true, value: transfer });
  }

  /** Resolves with the next transfer, or `timeout` after `timeoutMs`; never rejects. */
  take(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    if (this.failure !== undefined) return Promise.resolve({ ok: false, error: this.failure });
    const next = this.transfers.shift();
    if (next !== undefined) return Promise.resolve(limit(next, maxLength));
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve: (result) => resolve(result.ok ? limit(result.value, maxLength) : result),
        timer: setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          resolve({ ok: false, error: { code: 'timeout' } });
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Drops queued transfers (a host-side Abort or a device reset). */
  clear(): void {
    this.transfers.length = 0;
  }

  get pending(): number {
    return this.transfers.length;
  }

  /** Every current and future `take` fails with `failure` (unplugged, closed) until `restore`. */
  fail(failure: TransferFailure): void {
    this.failure = failure;
    this.transfers.length = 0;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.resolve({ ok: false, error: failure });
    }
  }

  restore(): void {
    this.failure = undefined;
  }
}

/** A USB IN transfer larger than the host's buffer is an overflow error, not a silent cut. */
function limit(transfer: Uint8Array, maxLength: number): TransferResult<Uint8Array> {
  if (transfer.length > maxLength) {
    return { ok: false, error: { code: 'io', detail: `overflow: ${transfer.length} > ${maxLength} bytes` } };
  }
  return { ok: true, value: transfer };
}
