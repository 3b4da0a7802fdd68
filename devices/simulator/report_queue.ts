import type { TransferResult } from '../transport/usb_transport.js';

/**
 * Reports a simulated device has sent and the host has not read yet, plus the host's reads waiting for one.
 * A read resolves with the oldest report, with `timeout` when none came in time, or with whatever failure
 * `failAll` gives (an unplug), so no read is ever left hanging.
 */
export class ReportQueue {
  private readonly reports: Uint8Array[] = [];
  private readonly waiters = new Set<{
    resolve: (result: TransferResult<Uint8Array>) => void;
    timer: ReturnType<typeof setTimeout> | undefined;
  }>();
  /**
   * Bounded, so a host that stops reading loses the oldest reports instead of growing memory forever. The
   * kernel's hidraw ring holds 64 reports, but a real device hands over at most one per poll interval, so a
   * reader never falls that far behind; a simulator puts a whole code (a wedge scan is ~2 reports per
   * character) on the wire at once, hence the larger default.
   */
  constructor(private readonly capacity = 4096) {}

  get length(): number {
    return this.reports.length;
  }

  push(report: Uint8Array): void {
    const waiter = this.waiters.values().next();
    if (!waiter.done) {
      this.waiters.delete(waiter.value);
      if (waiter.value.timer !== undefined) clearTimeout(waiter.value.timer);
      waiter.value.resolve({ ok: true, value: report });
      return;
    }
    this.reports.push(report);
    if (this.reports.length > this.capacity) this.reports.shift();
  }

  /** Takes the oldest report, waiting up to `timeoutMs` for one (0 = do not wait). */
  take(timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    const next = this.reports.shift();
    if (next !== undefined) return Promise.resolve({ ok: true, value: next });
    if (timeoutMs <= 0) return Promise.resolve({ ok: false, error: { code: 'timeout' } });
    return new Promise((resolve) => {
      const waiter = {
        resolve,
        timer: undefined as ReturnType<typeof setTimeout> | undefined,
      };
      waiter.timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve({ ok: false, error: { code: 'timeout' } });
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Resolves every waiting read with `failure` and drops queued reports. */
  failAll(failure: TransferResult<Uint8Array>): void {
    this.reports.length = 0;
    for (const waiter of [...this.waiters]) {
      if (waiter.timer !== undefined) clearTimeout(waiter.timer);
      waiter.resolve(failure);
    }
    this.waiters.clear();
  }
}
