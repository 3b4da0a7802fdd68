/**
 * Keeps a printer's published state fresh between jobs: polls `refreshStatus()` on an interval, so a roll that
 * runs low, a cover left open or an unplugged cable shows on the staff screen before a resident needs a ticket.
 * Polls go through the driver's job queue, so they never interleave with a print.
 */
import type { PrinterState } from '../device_status.js';

export interface RefreshablePrinter {
  refreshStatus(): Promise<PrinterState>;
}

export class PrinterStatusPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(
    private readonly printer: RefreshablePrinter,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.tick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Poll now (e.g. on a USB attach event) without waiting for the next tick. */
  async pollNow(): Promise<PrinterState> {
    return this.printer.refreshStatus();
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    await this.printer.refreshStatus();
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), this.intervalMs);
  }
}
