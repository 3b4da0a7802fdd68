/**
 * Driver for a GA 467 (SAM_V) identity card reader: SAM status and id, card presence by polling "find card",
 * and the mandatory find (20 01) → select (20 02) → read (30 01 / 30 10) sequence. Faults are values: a typed
 * `Ga467ReaderError` per call and a `ReaderState` for the device manager. A response with a bad checksum, or a
 * SAM that says our frame had one (SW3 10), is retried once: every command here is a read, safe to repeat.
 */

import { err, ok, type Result, resultBlock } from '../../../lib/result.js';
import type { ReaderState } from '../../device_status.js';
import { type CardRead, commandFrame, type Ga467CommandName, parseReadData } from './commands.js';
import { decodeResponseFrame, type Ga467FrameError, type ResponseFrame } from './frame.js';
import type { Ga467Link, Ga467LinkError } from './ga467_link.js';
import { isSw3Success, SW3, type Sw3Name, sw3Name } from './status_codes.js';
import { decodeTextBlock, type IdentityText, type TextBlockError } from './text_block.js';

export type Ga467ReaderError =
  | { code: 'no-card' }
  | { code: 'select-failed' }
  /** Any other SW3 the SAM answered with. */
  | { code: 'sam-status'; sw3: number; name: Sw3Name }
  | Ga467LinkError
  | { code: 'bad-frame'; error: Ga467FrameError }
  | { code: 'malformed-read'; detail: string }
  | { code: 'bad-text'; error: TextBlockError };

export type Ga467Result<T> = Result<T, Ga467ReaderError>;

export interface IdentityRead {
  text: IdentityText;
  /** WLT-compressed photo (1024 bytes), opaque: decoding needs the licensed vendor library. */
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

export interface Ga467ReaderOptions {
  timeoutMs?: number;
  /** A full read moves ~1.3 KB over the card's RF link and takes longer than a status command. */
  readTimeoutMs?: number;
  pollIntervalMs?: number;
}

export class Ga467Reader {
  private queue: Promise<unknown> = Promise.resolve();
  private presence: 'present' | 'absent' | 'unknown' = 'unknown';
  private fault: { code: string; detail?: string } | undefined;
  private disconnected = false;
  private polling: ReturnType<typeof setInterval> | undefined;
  private pollInFlight = false;
  private lastState: ReaderState | undefined;
  private readonly listeners = new Set<(state: ReaderState) => void>();
  private readonly timeoutMs: number;
  private readonly readTimeoutMs: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly link: Ga467Link,
    options: Ga467ReaderOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.readTimeoutMs = options.readTimeoutMs ?? 5000;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
  }

  get state(): ReaderState {
    if (this.disconnected) return { state: 'disconnected' };
    if (this.fault !== undefined) return { state: 'error', ...this.fault };
    return this.presence === 'present' ? { state: 'card-present' } : { state: 'ready' };
  }

  onStateChange(listener: (state: ReaderState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Polls "find card" while idle so the kiosk learns a card was laid on the reader. */
  startPolling(): void {
    if (this.polling !== undefined) return;
    this.polling = setInterval(() => {
      // A slow or absent reader must not pile up finds behind each other: one poll at a time.
      if (this.pollInFlight) return;
      this.pollInFlight = true;
      void this.findCard().finally(() => {
        this.pollInFlight = false;
      });
    }, this.pollIntervalMs);
  }

  stopPolling(): void {
    clearInterval(this.polling);
    this.polling = undefined;
  }

  samStatus(): Promise<Ga467Result<{ sw3: number; name: Sw3Name }>> {
    return this.serialise(async () => {
      const response = await this.command('samStatus', this.timeoutMs);
      if (!response.ok) return response;
      if (this.fault !== undefined) {
        this.fault = undefined;
        this.publish();
      }
      return ok({ sw3: response.value.sw3, name: sw3Name(response.value.sw3) });
    });
  }

  /** SAM management information; its internal layout is not confirmed, so it is returned as bytes and hex. */
  samId(): Promise<Ga467Result<{ bytes: Uint8Array; hex: string }>> {
    return this.serialise(async () => {
      const response = await this.command('samId', this.timeoutMs);
      if (!response.ok) return response;
      const bytes = response.value.data;
      return ok({ bytes, hex: [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('') });
    });
  }

  /** Find card (20 01): SW3 9F with the 4-byte card management number, or `no-card` (SW3 80). */
  findCard(): Promise<Ga467Result<{ managementNumber: Uint8Array }>> {
    return this.serialise(() => this.findNow());
  }

  selectCard(): Promise<Ga467Result<{ serial: Uint8Array }>> {
    return this.serialise(() => this.selectNow());
  }

  /** find → select → read → decode, in one serialised step so polling cannot interleave. */
  readIdentity(options: { fingerprint?: boolean } = {}): Promise<Ga467Result<IdentityRead>> {
    return this.serialise(() =>
      resultBlock<IdentityRead, Ga467ReaderError>(async (take) => {
        take(await this.findNow());
        take(await this.selectNow());
        const read = take(await this.readNow(options.fingerprint === true));
        const text = decodeTextBlock(read.text);
        if (!text.ok) return err({ code: 'bad-text', error: text.error });
        const identity: IdentityRead = { text: text.value, photo: read.photo };
        if (read.fingerprint !== undefined) identity.fingerprint = read.fingerprint;
        return ok(identity);
      }),
    );
  }

  // --- internals ---

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async findNow(): Promise<Ga467Result<{ managementNumber: Uint8Array }>> {
    const response = await this.command('findCard', this.timeoutMs);
    if (!response.ok) {
      if (response.error.code === 'no-card') this.notePresence('absent');
      return response;
    }
    this.notePresence('present');
    return ok({ managementNumber: response.value.data });
  }

  private async selectNow(): Promise<Ga467Result<{ serial: Uint8Array }>> {
    const response = await this.command('selectCard', this.timeoutMs);
    return response.ok ? ok({ serial: response.value.data }) : response;
  }

  private async readNow(withFingerprint: boolean): Promise<Ga467Result<CardRead>> {
    const name = withFingerprint ? 'readTextPhotoAndFingerprint' : 'readTextAndPhoto';
    const response = await this.command(name, this.readTimeoutMs);
    if (!response.ok) return response;
    return parseReadData(response.value.data, withFingerprint);
  }

  private async command(name: Ga467CommandName, timeoutMs: number): Promise<Ga467Result<ResponseFrame>> {
    let attempt = await this.exchangeOnce(name, timeoutMs);
    const garbled =
      (!attempt.ok && attempt.error.code === 'bad-frame' && attempt.error.error.code === 'bad-checksum') ||
      (!attempt.ok && attempt.error.code === 'sam-status' && attempt.error.sw3 === SW3.checksumError);
    if (garbled) attempt = await this.exchangeOnce(name, timeoutMs);
    return attempt;
  }

  private async exchangeOnce(name: Ga467CommandName, timeoutMs: number): Promise<Ga467Result<ResponseFrame>> {
    const raw = await this.link.exchange(commandFrame(name), timeoutMs);
    if (!raw.ok) {
      if (raw.error.code === 'disconnected') this.setDisconnected();
      return raw;
    }
    const frame = decodeResponseFrame(raw.value);
    if (!frame.ok) return err({ code: 'bad-frame', error: frame.error });
    this.talking();
    const { sw3 } = frame.value;
    if (isSw3Success(sw3)) return frame;
    switch (sw3) {
      case SW3.findCardFailed:
        return err({ code: 'no-card' });
      case SW3.selectCardFailed:
        return err({ code: 'select-failed' });
      default:
        if (sw3 === 0x60 || sw3 === 0x66) this.setFault({ code: 'ga467-sam', detail: sw3Name(sw3) });
        return err({ code: 'sam-status', sw3, name: sw3Name(sw3) });
    }
  }

  private notePresence(presence: 'present' | 'absent'): void {
    this.presence = presence;
    this.publish();
  }

  private setDisconnected(): void {
    this.disconnected = true;
    this.publish();
  }

  private setFault(fault: { code: string; detail?: string }): void {
    this.fault = fault;
    this.publish();
  }

  /** A well-formed frame: the reader is connected; a SAM fault clears only when the SAM answers a status check well. */
  private talking(): void {
    if (!this.disconnected) return;
    this.disconnected = false;
    this.publish();
  }

  private publish(): void {
    const state = this.state;
    if (this.lastState !== undefined && JSON.stringify(this.lastState) === JSON.stringify(state)) return;
    this.lastState = state;
    for (const listener of this.listeners) listener(state);
  }
}
