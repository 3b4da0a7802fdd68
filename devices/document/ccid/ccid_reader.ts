/**
 * Driver for a USB CCID reader (contact or contactless) over `UsbTransport`. It implements `ApduChannel`, so the
 * ICAO 9303 code runs unchanged against a kiosk reader or the simulator. It follows libccid's host behaviour:
 * - bSeq increments per command and wraps; Bulk-IN frames with another bSeq are dropped and re-read, giving up
 *   after more than 10 of them;
 * - a time-extension frame means "keep reading, do not resend"; the next read's timeout is multiplied by bError;
 * - card presence comes from NotifySlotChange (pushed, when monitoring) and GetSlotStatus (asked).
 * Faults become a `ReaderState` or an `ApduFailure` value; nothing here throws on device behaviour.
 */

import { concatBytes } from '../../../lib/bytes.js';
import { err, ok, type Result, resultBlock } from '../../../lib/result.js';
import type { ReaderState } from '../../device_status.js';
import type { TransferFailure, UsbTransport } from '../../transport/usb_transport.js';
import type { ApduChannel, ApduFailure, TransmitResult } from '../iso7816/apdu_channel.js';
import { xfrBlockPieces } from './apdu_level_chaining.js';
import { type Atr, type AtrError, parseAtr } from './atr.js';
import { describeCcidError } from './ccid_errors.js';
import { CcidMessageExchange } from './ccid_message_exchange.js';
import { decodeInterrupt } from './interrupt.js';
import {
  CCID_HEADER_SIZE,
  chainValues,
  type IccStatus,
  type PcToRdrMessage,
  type RdrToPcMessage,
} from './messages.js';

export interface CcidReaderOptions {
  slot?: number;
  /** Bulk-IN timeout for one response frame; a time extension multiplies it by bError. */
  responseTimeoutMs?: number;
  writeTimeoutMs?: number;
  /** dwMaxCCIDMessageLength from the class descriptor. */
  maxMessageLength?: number;
  /** The reader exchanges at extended-APDU level (dwFeatures 0x00040000): long APDUs are chained with wLevelParameter. */
  extendedApdu?: boolean;
  /** A reader that asks for more time forever is treated as a timeout after this many extensions. */
  maxTimeExtensions?: number;
  /** How long one Interrupt-IN read waits before the monitor loops. */
  interruptPollMs?: number;
}

export type CcidFailure = ApduFailure;
export type PowerOnResult = Result<Atr, ApduFailure | { code: 'bad-atr'; error: AtrError; atr: Uint8Array }>;
export type SlotStatusResult = Result<{ icc: IccStatus }, ApduFailure>;
/** Ne max (65 536) + SW1 SW2. */
const MAX_RESPONSE_APDU = 65_538;

type ResponseResult = Result<RdrToPcMessage, ApduFailure>;

export type CardEvent = 'inserted' | 'removed';

export class CcidReader implements ApduChannel {
  private readonly exchange: CcidMessageExchange;
  private queue: Promise<unknown> = Promise.resolve();
  private presence: 'present' | 'absent' | 'unknown' = 'unknown';
  /**
   * The host's session with the powered card. 'lost' = the card went away (seen on Interrupt-IN or in a status)
   * while a session was active: the next exchange reports `card-removed` once, even if the removal was noticed by
   * the monitor before the failed Bulk-IN answer arrived.
   */
  private session: 'none' | 'active' | 'lost' = 'none';
  private currentAtr: Atr | undefined;
  private fault: { code: string; detail?: string } | undefined;
  private disconnected = false;
  private monitoring = false;
  private monitorDone: Promise<void> = Promise.resolve();
  private lastState: ReaderState | undefined;
  private readonly stateListeners = new Set<(state: ReaderState) => void>();
  private readonly cardListeners = new Set<(event: CardEvent) => void>();
  private readonly slot: number;
  private readonly writeTimeoutMs: number;
  private readonly maxMessageLength: number;
  private readonly extendedApdu: boolean;
  private readonly interruptPollMs: number;

  constructor(
    private readonly transport: UsbTransport,
    options: CcidReaderOptions = {},
  ) {
    this.slot = options.slot ?? 0;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 1000;
    this.maxMessageLength = options.maxMessageLength ?? 271;
    this.extendedApdu = options.extendedApdu ?? false;
    this.interruptPollMs = options.interruptPollMs ?? 1000;
    this.exchange = new CcidMessageExchange(
      transport,
      {
        responseTimeoutMs: options.responseTimeoutMs ?? 5000,
        writeTimeoutMs: this.writeTimeoutMs,
        maxMessageLength: this.maxMessageLength,
        maxTimeExtensions: options.maxTimeExtensions ?? 600,
      },
      (failure) => this.noteTransferFailure(failure),
    );
  }

  get state(): ReaderState {
    if (this.disconnected) return { state: 'disconnected' };
    if (this.fault !== undefined) return { state: 'error', ...this.fault };
    return this.presence === 'present' ? { state: 'card-present' } : { state: 'ready' };
  }

  get atr(): Atr | undefined {
    return this.currentAtr;
  }

  onStateChange(listener: (state: ReaderState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onCardEvent(listener: (event: CardEvent) => void): () => void {
    this.cardListeners.add(listener);
    return () => this.cardListeners.delete(listener);
  }

  /** Starts listening to NotifySlotChange / HardwareError on Interrupt-IN; `close` stops it. */
  startMonitoring(): void {
    if (this.monitoring) return;
    this.monitoring = true;
    this.monitorDone = this.monitor();
  }

  async close(): Promise<void> {
    this.monitoring = false;
    await this.transport.close();
    await this.monitorDone;
  }

  getSlotStatus(): Promise<SlotStatusResult> {
    return this.serialise(async () => {
      const response = await this.command((seq) => ({ type: 'GetSlotStatus', slot: this.slot, seq }));
      if (!response.ok) return response;
      const { icc } = response.value.state;
      // libccid: ICC_MUTE with "no ICC" is a normal answer to GetSlotStatus, not a failure.
      this.notePresence(icc === 'absent' ? 'absent' : 'present');
      if (icc !== 'present-active') this.loseSession();
      return ok({ icc });
    });
  }

  powerOn(): Promise<PowerOnResult> {
    return this.serialise(() => this.powerOnNow());
  }

  powerOff(): Promise<SlotStatusResult> {
    return this.serialise(async () => {
      const response = await this.command((seq) => ({ type: 'IccPowerOff', slot: this.slot, seq }));
      this.session = 'none';
      if (!response.ok) return response;
      return ok({ icc: response.value.state.icc });
    });
  }

  /**
   * CCID §5.3.1 abort: the class request ABORT (bmRequestType 21, bRequest 01, wValue = bSeq << 8 | bSlot) then
   * PC_to_RDR_Abort with the same bSeq; the reader answers with a SlotStatus. [!] The request's bmRequestType is
   * from the specification text only (protocols.md §8 item 7).
   */
  abort(interfaceNumber = 0): Promise<SlotStatusResult> {
    return this.serialise(async () => {
      const response = await this.command(
        (seq) => ({ type: 'Abort', slot: this.slot, seq }),
        async (seq) => {
          const setup = {
            requestType: 0x21,
            request: 0x01,
            value: (seq << 8) | this.slot,
            index: interfaceNumber,
          };
          const sent = await this.transport.controlOut(setup, new Uint8Array(0), this.writeTimeoutMs);
          return sent.ok ? undefined : sent.error;
        },
      );
      if (!response.ok) return response;
      return ok({ icc: response.value.state.icc });
    });
  }

  /** `ApduChannel`: powers the card on first if needed; the response ends with SW1 SW2. */
  transmit(command: Uint8Array): Promise<TransmitResult> {
    return this.serialise(async (): Promise<TransmitResult> => {
      if (this.session === 'lost') {
        this.session = 'none';
        return err({ code: 'card-removed' });
      }
      if (this.session === 'none') {
        const powered = await this.powerOnNow();
        if (!powered.ok) {
          const { error } = powered;
          return err(error.code === 'bad-atr' ? { code: 'transport', detail: 'bad ATR' } : error);
        }
      }
      return this.exchangeApdu(command);
    });
  }

  // --- internals ---

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async powerOnNow(): Promise<PowerOnResult> {
    const response = await this.command((seq) => ({
      type: 'IccPowerOn',
      slot: this.slot,
      seq,
      powerSelect: 'auto',
    }));
    if (!response.ok) return response;
    const message = response.value;
    if (message.type !== 'DataBlock') return err(unexpected(message));
    const failure = this.commandFailure(message, false);
    if (failure !== undefined) return err(failure);
    const atr = parseAtr(message.data);
    this.notePresence('present');
    if (!atr.ok) return err({ code: 'bad-atr', error: atr.error, atr: message.data });
    this.session = 'active';
    this.currentAtr = atr.value;
    return atr;
  }

  private exchangeApdu(command: Uint8Array): Promise<TransmitResult> {
    return resultBlock(async (take) => {
      const room = this.maxMessageLength - CCID_HEADER_SIZE;
      const pieces = xfrBlockPieces(command, room, this.extendedApdu);
      if (!pieces.ok) {
        return err({
          code: 'transport',
          detail: `APDU of ${command.length} bytes exceeds the reader's ${room}`,
        });
      }
      let response: RdrToPcMessage | undefined;
      for (const piece of pieces.value)
        response = take(await this.xfrBlock(piece.data, piece.levelParameter));
      const parts: Uint8Array[] = [];
      let received = 0;
      while (response !== undefined && response.type === 'DataBlock') {
        parts.push(response.data);
        received += response.data.length;
        if (response.chain !== 'begins' && response.chain !== 'continues') break;
        // The longest response APDU is 65 536 data bytes + SW: a reader chaining past that is broken, not slow.
        if (received > MAX_RESPONSE_APDU || parts.length > MAX_RESPONSE_APDU) {
          return err({ code: 'transport', detail: 'response chain longer than any APDU' });
        }
        response = take(await this.xfrBlock(new Uint8Array(0), chainValues['expect-more']));
      }
      return ok(concatBytes(...parts));
    });
  }

  private async xfrBlock(data: Uint8Array, levelParameter: number): Promise<ResponseResult> {
    const response = await this.command((seq) => ({
      type: 'XfrBlock',
      slot: this.slot,
      seq,
      bwi: 0,
      levelParameter,
      data,
    }));
    if (!response.ok) return response;
    const message = response.value;
    if (message.type !== 'DataBlock') return err(unexpected(message));
    const failure = this.commandFailure(message, true);
    return failure === undefined ? response : err(failure);
  }

  /** Turns a failed bStatus into the failure a caller can act on, updating what we know of the card. */
  private commandFailure(message: RdrToPcMessage, duringExchange: boolean): ApduFailure | undefined {
    const { icc, command } = message.state;
    if (command.kind !== 'failed') return undefined;
    const hadSession = this.session !== 'none';
    if (icc === 'absent') {
      this.session = 'none';
      this.notePresence('absent');
      return hadSession && duringExchange ? { code: 'card-removed' } : { code: 'no-card' };
    }
    if (icc === 'present-inactive' && hadSession) {
      // The card was reset or swapped under us: the session with it (keys, selected file) is gone.
      this.session = 'none';
      return { code: 'card-removed' };
    }
    if (command.error.name === 'HW_ERROR')
      this.setFault({ code: 'ccid-hardware-error', detail: describeCcidError(command.error) });
    return { code: 'transport', detail: describeCcidError(command.error) };
  }

  /** Every command goes through here: a well-formed answer also means the reader is talking again. */
  private async command(
    build: (seq: number) => PcToRdrMessage,
    beforeSend?: (seq: number) => Promise<TransferFailure | undefined>,
  ): Promise<ResponseResult> {
    const response = await this.exchange.command(build, beforeSend);
    if (response.ok) this.recovered();
    return response;
  }

  private noteTransferFailure(error: TransferFailure): void {
    if (error.code !== 'disconnected') return;
    this.session = 'none';
    this.disconnected = true;
    this.publish();
  }

  private async monitor(): Promise<void> {
    while (this.monitoring) {
      const read = await this.transport.interruptIn(8, this.interruptPollMs);
      if (!read.ok) {
        if (read.error.code === 'timeout') continue;
        if (read.error.code === 'disconnected') {
          this.noteTransferFailure(read.error);
          return;
        }
        // A flaky interrupt pipe must not spin the CPU: wait one poll period before trying again.
        await new Promise((resolve) => setTimeout(resolve, this.interruptPollMs));
        continue;
      }
      const message = decodeInterrupt(read.value);
      if (!message.ok) continue;
      const value = message.value;
      if (value.type === 'NotifySlotChange') {
        const slot = value.slots[this.slot];
        if (slot === undefined) continue;
        if (slot.changed || !slot.present) this.loseSession();
        this.notePresence(slot.present ? 'present' : 'absent');
      } else if (value.slot === this.slot) {
        this.loseSession();
        this.setFault({ code: 'ccid-hardware-error', detail: value.error });
      }
    }
  }

  private loseSession(): void {
    if (this.session === 'active') this.session = 'lost';
  }

  private notePresence(presence: 'present' | 'absent'): void {
    const before = this.presence;
    this.presence = presence;
    if (presence === 'absent') this.currentAtr = undefined;
    if (before !== presence) {
      for (const listener of this.cardListeners) listener(presence === 'present' ? 'inserted' : 'removed');
    }
    this.publish();
  }

  private setFault(fault: { code: string; detail?: string }): void {
    this.fault = fault;
    this.publish();
  }

  /** A well-formed answer means the reader is talking again. */
  private recovered(): void {
    if (this.fault === undefined && !this.disconnected) return;
    this.fault = undefined;
    this.disconnected = false;
    this.publish();
  }

  private publish(): void {
    const state = this.state;
    if (this.lastState !== undefined && JSON.stringify(this.lastState) === JSON.stringify(state)) return;
    this.lastState = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

function unexpected(message: RdrToPcMessage): ApduFailure {
  return { code: 'transport', detail: `unexpected ${message.type} response` };
}
