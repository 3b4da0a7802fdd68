import type { KeypadState } from '../device_status.js';
import type { DeviceConnection } from '../transport/device_connection.js';
import type { HidTransport } from '../transport/hid_transport.js';
import { inputDeviceState } from '../transport/input_device_state.js';
import type { KeypadPress } from './keypad_keys.js';
import type { KeypadReportDecoder, KeypadReportError } from './keypad_report.js';

/** What the kiosk needs of a tactile keypad: its status, and every key that goes down. */
export interface TactileKeypad {
  status(): KeypadState;
  onStatus(listener: (state: KeypadState) => void): () => void;
  onKey(listener: (press: KeypadPress) => void): () => void;
  /** Reports the keypad sent that could not be read, since start (staff see a count, never the bytes). */
  readonly rejectedReports: number;
}

export interface KeypadDriverOptions {
  /** How long one read waits before the loop checks whether it should still run. */
  readTimeoutMs: number;
}

export const defaultKeypadDriverOptions: KeypadDriverOptions = { readTimeoutMs: 250 };

/**
 * A tactile keypad over a HID transport. One read loop while started: each input report goes through the
 * decoder, each key that went down reaches the `onKey` listeners in order. A report the decoder refuses is counted
 * and dropped (the next key still works); a transfer fault turns the status to `disconnected`, forgets the held
 * keys, and leaves reconnecting to the `DeviceConnection`.
 */
export class KeypadDriver implements TactileKeypad {
  readonly #keyListeners = new Set<(press: KeypadPress) => void>();
  readonly #statusListeners = new Set<(state: KeypadState) => void>();
  #running = false;
  #loop: Promise<void> | undefined;
  #lastState: KeypadState;
  #rejected = 0;
  #lastError: KeypadReportError | undefined;

  constructor(
    private readonly connection: DeviceConnection<HidTransport>,
    private readonly decoder: KeypadReportDecoder,
    private readonly options: KeypadDriverOptions = defaultKeypadDriverOptions,
  ) {
    this.#lastState = inputDeviceState(this.connection);
    connection.onState(() => this.#publishState());
  }

  get rejectedReports(): number {
    return this.#rejected;
  }

  /** The last report refused, for the field tool (a keypad configured with the wrong layout shows here). */
  get lastReportError(): KeypadReportError | undefined {
    return this.#lastError;
  }

  status(): KeypadState {
    return this.#lastState;
  }

  onStatus(listener: (state: KeypadState) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  onKey(listener: (press: KeypadPress) => void): () => void {
    this.#keyListeners.add(listener);
    return () => this.#keyListeners.delete(listener);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.connection.start();
    this.#loop = this.#readLoop();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.connection.stop();
    await this.#loop;
  }

  async #readLoop(): Promise<void> {
    while (this.#running) {
      const transport = await this.connection.connected();
      if (transport === undefined || !this.#running) break;
      const result = await transport.readReport(this.options.readTimeoutMs);
      if (result.ok) {
        const decoded = this.decoder.push(result.value);
        if (!decoded.ok) {
          this.#rejected += 1;
          this.#lastError = decoded.error;
          continue;
        }
        for (const key of decoded.value.pressed) this.#emit({ key });
      } else if (result.error.code !== 'timeout') {
        this.decoder.reset();
        this.connection.fault(transport, result.error);
      }
    }
  }

  #emit(press: KeypadPress): void {
    for (const listener of [...this.#keyListeners]) {
      try {
        listener(press);
      } catch {
        // A listener's bug must not stop the read loop (the resident's next key would be lost).
      }
    }
  }

  #publishState(): void {
    const next = inputDeviceState(this.connection);
    if (JSON.stringify(next) === JSON.stringify(this.#lastState)) return;
    this.#lastState = next;
    for (const listener of [...this.#statusListeners]) listener(next);
  }
}
