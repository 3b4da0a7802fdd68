/**
 * A GA 467 reader as the device manager runs it: a USB handle kept by `DeviceConnection` (lazy open, backoff,
 * reconnect on hot-plug), a `Ga467Reader` over each handle, a SAM check when it connects, and "find card"
 * polling so the kiosk is told when a card is laid on the reader. Built anew after every disconnection.
 */
import type { ReaderState } from '../../device_status.js';
import type { DeviceConnection } from '../../transport/device_connection.js';
import type { UsbTransport } from '../../transport/usb_transport.js';
import { Ga467UsbLink, type Ga467UsbLinkOptions } from './ga467_link.js';
import { Ga467Reader, type Ga467ReaderOptions, type Ga467Result, type IdentityRead } from './ga467_reader.js';

export class ManagedGa467Reader {
  private reader: Ga467Reader | undefined;
  private running = false;
  private stopped: () => void = () => {};
  private loop: Promise<void> = Promise.resolve();
  private current: ReaderState = { state: 'disconnected' };
  private readonly listeners = new Set<(state: ReaderState) => void>();

  constructor(
    private readonly connection: DeviceConnection<UsbTransport>,
    private readonly readerOptions: Ga467ReaderOptions = {},
    private readonly linkOptions: Ga467UsbLinkOptions = {},
  ) {}

  status(): ReaderState {
    return this.current;
  }

  onStatus(listener: (state: ReaderState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    this.reader?.stopPolling();
    this.reader = undefined;
    await this.connection.stop();
    await this.loop;
    this.publish({ state: 'disconnected' });
  }

  async checkNow(): Promise<void> {
    await this.reader?.findCard();
  }

  readIdentity(options: { fingerprint?: boolean } = {}): Promise<Ga467Result<IdentityRead>> {
    const reader = this.reader;
    if (reader === undefined) return Promise.resolve({ ok: false, error: { code: 'disconnected' } });
    return reader.readIdentity(options);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const transport = await this.connection.connected();
      if (transport === undefined || !this.running) return;
      const reader = new Ga467Reader(new Ga467UsbLink(transport, this.linkOptions), this.readerOptions);
      this.reader = reader;
      const gone = new Promise<void>((resolve) => {
        this.stopped = resolve;
        reader.onStateChange((state) => {
          this.publish(state);
          if (state.state === 'disconnected') resolve();
        });
      });
      // A SAM that fails its self-test shows as an error state at once, not at the first resident.
      const sam = await reader.samStatus();
      if (sam.ok) await reader.findCard();
      reader.startPolling();
      await gone;
      reader.stopPolling();
      if (this.reader === reader) this.reader = undefined;
      if (!this.running) return;
      this.connection.fault(transport, { code: 'disconnected' });
    }
  }

  private publish(state: ReaderState): void {
    if (JSON.stringify(state) === JSON.stringify(this.current)) return;
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
