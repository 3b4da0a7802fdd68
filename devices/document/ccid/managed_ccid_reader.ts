/**
 * A CCID reader as the device manager runs it: keeps a USB handle through `DeviceConnection` (lazy open, backoff,
 * reconnect on hot-plug), builds a `CcidReader` over each handle it gets, reads the class descriptor for the
 * message length and exchange level, and republishes the reader's state. When a reader reports `disconnected`, the
 * handle is given back as faulty and a new reader is built on the next one: the kiosk's reader reconnects by itself.
 * It is an `ApduChannel` too, so ICAO code can hold it across reconnections. `capabilities()` is what a vendor
 * profile or a flow may use of it: the chip, and the OCR lines of the printed MRZ when the reader has an OCR window.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type { ReaderState } from '../../device_status.js';
import type { DeviceConnection } from '../../transport/device_connection.js';
import type { UsbTransport } from '../../transport/usb_transport.js';
import type { ApduChannel, TransmitResult } from '../iso7816/apdu_channel.js';
import type { OcrLinesResult, ReaderCapabilities } from '../reader_profiles/vendor_profile.js';
import type { Atr } from './atr.js';
import { type CardEvent, CcidReader, type CcidReaderOptions, type PowerOnResult } from './ccid_reader.js';
import { readCcidClassDescriptor, readerOptionsFromDescriptor } from './class_descriptor.js';

export interface ManagedCcidReaderOptions extends CcidReaderOptions {
  /** Read dwMaxCCIDMessageLength and the exchange level from the device (on by default). */
  readDescriptor?: boolean;
}

/** What a reader offers besides its chip. */
export interface CcidReaderExtras {
  /** The OCR window of a full-page reader: the printed MRZ of the document on the glass. */
  readOcrLines?: (() => Promise<OcrLinesResult>) | undefined;
}

export class ManagedCcidReader implements ApduChannel {
  private reader: CcidReader | undefined;
  private running = false;
  private stopped: () => void = () => {};
  private loop: Promise<void> = Promise.resolve();
  private current: ReaderState = { state: 'disconnected' };
  private readonly stateListeners = new Set<(state: ReaderState) => void>();
  private readonly cardListeners = new Set<(event: CardEvent) => void>();

  constructor(
    private readonly connection: DeviceConnection<UsbTransport>,
    private readonly options: ManagedCcidReaderOptions = {},
    private readonly extras: CcidReaderExtras = {},
  ) {}

  /** The chip, and the OCR window when the reader has one (`readOcrLines` is absent otherwise). */
  capabilities(): ReaderCapabilities {
    const { readOcrLines } = this.extras;
    return readOcrLines === undefined ? { chip: this } : { chip: this, readOcrLines };
  }

  status(): ReaderState {
    return this.current;
  }

  get atr(): Atr | undefined {
    return this.reader?.atr;
  }

  onStatus(listener: (state: ReaderState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onCardEvent(listener: (event: CardEvent) => void): () => void {
    this.cardListeners.add(listener);
    return () => this.cardListeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connection.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopped();
    const reader = this.reader;
    this.reader = undefined;
    await this.connection.stop();
    await reader?.close();
    await this.loop;
    this.publish({ state: 'disconnected' });
  }

  /** On a bus detach event: ask the reader now instead of waiting for the next command to fail. */
  async checkNow(): Promise<void> {
    await this.reader?.getSlotStatus();
  }

  transmit(command: Uint8Array): Promise<TransmitResult> {
    const reader = this.reader;
    if (reader === undefined) return Promise.resolve(err({ code: 'disconnected' }));
    return reader.transmit(command);
  }

  powerOn(): Promise<PowerOnResult> {
    const reader = this.reader;
    if (reader === undefined) return Promise.resolve(err({ code: 'disconnected' }));
    return reader.powerOn();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const transport = await this.connection.connected();
      if (transport === undefined || !this.running) return;
      const options = await this.optionsFor(transport);
      if (!options.ok) {
        // A reader this driver cannot speak to will not get better by reconnecting: report it and wait for stop.
        this.publish({ state: 'error', code: 'ccid-unsupported-reader', detail: options.error });
        return;
      }
      const reader = new CcidReader(transport, options.value);
      this.reader = reader;
      // The reader is done when its handle dies or when the manager stops us, whichever comes first.
      const gone = new Promise<void>((resolve) => {
        this.stopped = resolve;
        reader.onStateChange((state) => {
          this.publish(state);
          if (state.state === 'disconnected') resolve();
        });
      });
      reader.onCardEvent((event) => {
        for (const listener of this.cardListeners) listener(event);
      });
      reader.startMonitoring();
      // Ask once so the state is known before the first NotifySlotChange.
      await reader.getSlotStatus();
      await gone;
      if (this.reader === reader) this.reader = undefined;
      if (!this.running) return;
      this.connection.fault(transport, { code: 'disconnected' });
      await reader.close();
    }
  }

  private async optionsFor(transport: UsbTransport): Promise<Result<CcidReaderOptions, string>> {
    const { readDescriptor, ...configured } = this.options;
    if (readDescriptor === false) return ok(configured);
    const descriptor = await readCcidClassDescriptor(transport);
    // No descriptor (a transport that cannot do control transfers): fall back to the configured options.
    if (!descriptor.ok) return ok(configured);
    const fromDevice = readerOptionsFromDescriptor(descriptor.value);
    if (!fromDevice.ok) return err(`exchange level ${fromDevice.error.level}`);
    // The configuration wins over the descriptor: it is how a site works around a reader that lies.
    return ok({ ...fromDevice.value, ...configured });
  }

  private publish(state: ReaderState): void {
    if (JSON.stringify(state) === JSON.stringify(this.current)) return;
    this.current = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
