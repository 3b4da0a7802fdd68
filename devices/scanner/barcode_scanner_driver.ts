import type { ScannerState } from '../device_status.js';
import type { DeviceConnection } from '../transport/device_connection.js';
import type { HidTransport } from '../transport/hid_transport.js';
import { inputDeviceState } from '../transport/input_device_state.js';
import type { ScanDecoder, ScanEvent } from './scan_event.js';

/** What the kiosk services and the manager need of a barcode scanner. */
export interface BarcodeScanner {
  status(): ScannerState;
  onStatus(listener: (state: ScannerState) => void): () => void;
  /** One event per code read: the code, or a typed error for a truncated/garbled one. */
  onScan(listener: (event: ScanEvent) => void): () => void;
}

export interface BarcodeScannerDriverOptions {
  /** How long one read waits before the decoder is ticked (so a half-received code can time out). */
  readTimeoutMs: number;
  now: () => number;
}

export const defaultScannerDriverOptions: BarcodeScannerDriverOptions = {
  readTimeoutMs: 100,
  now: () => performance.now(),
};

/**
 * A barcode scanner over a HID transport, with the decoder of its protocol (HID POS or keyboard wedge).
 * Runs one read loop while started; a transfer fault interrupts any half-received code (one `interrupted`
 * error event), turns the status to `disconnected` and leaves reconnecting to the `DeviceConnection`.
 */
export class BarcodeScannerDriver implements BarcodeScanner {
  private readonly scanListeners = new Set<(event: ScanEvent) => void>();
  private readonly statusListeners = new Set<(state: ScannerState) => void>();
  private running = false;
  private loop: Promise<void> | undefined;
  private lastState: ScannerState;

  constructor(
    private readonly connection: DeviceConnection<HidTransport>,
    private readonly decoder: ScanDecoder,
    private readonly options: BarcodeScannerDriverOptions = defaultScannerDriverOptions,
  ) {
    this.lastState = this.computeState();
    connection.onState(() => this.publishState());
  }

  status(): ScannerState {
    return this.lastState;
  }

  onStatus(listener: (state: ScannerState) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onScan(listener: (event: ScanEvent) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connection.start();
    this.loop = this.readLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.connection.stop();
    await this.loop;
  }

  private async readLoop(): Promise<void> {
    while (this.running) {
      const transport = await this.connection.connected();
      if (transport === undefined || !this.running) break;
      const result = await transport.readReport(this.options.readTimeoutMs);
      const now = this.options.now();
      if (result.ok) {
        // Expire a stale half code first, so a new code's first report is never glued onto it.
        this.emit(this.decoder.tick(now));
        this.emit(this.decoder.push(result.value, now));
      } else if (result.error.code === 'timeout') {
        this.emit(this.decoder.tick(now));
      } else {
        this.emit(this.decoder.interrupt());
        this.connection.fault(transport, result.error);
      }
    }
  }

  private emit(events: readonly ScanEvent[]): void {
    for (const event of events) {
      for (const listener of [...this.scanListeners]) {
        try {
          listener(event);
        } catch {
          // A listener's bug must not stop the read loop (the next scan would be lost).
        }
      }
    }
  }

  private computeState(): ScannerState {
    return inputDeviceState(this.connection);
  }

  private publishState(): void {
    const next = this.computeState();
    if (JSON.stringify(next) === JSON.stringify(this.lastState)) return;
    this.lastState = next;
    for (const listener of [...this.statusListeners]) listener(next);
  }
}
