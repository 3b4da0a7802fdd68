/**
 * The device side of a one-slot USB CCID reader, at the byte level: it implements `UsbTransport`, parses every
 * PC_to_RDR frame the driver writes to Bulk-OUT, answers RDR_to_PC frames on Bulk-IN, and reports card insertion
 * and removal as NotifySlotChange on Interrupt-IN. It hosts any `SimulatedCard` (an eMRTD chip, a test card).
 * Faults are injected on demand so each one the driver must survive can be tested with real frames.
 *
 * It also models the OCR window of a full-page document reader (the kind kiosks use: the passport lies face down on
 * a glass, the reader photographs the data page and reads the MRZ while its antenna talks to the chip): a document
 * placed with its printed MRZ lines answers `readOcrLines` with them, as the reader's OCR would. BAC needs those
 * lines; a reader without the window makes the resident type the three values instead.
 */

import type { ControlSetup, TransferResult, UsbTransport } from '../../../transport/usb_transport.js';
import type { SimulatedCard } from '../../iso7816/apdu_channel.js';
import type { OcrLinesResult } from '../../reader_profiles/vendor_profile.js';
import { ccidConfigurationDescriptor } from '../class_descriptor.js';
import { encodeHardwareError, encodeNotifySlotChange } from '../interrupt.js';
import {
  CCID_HEADER_SIZE,
  type ChainParameter,
  chainValues,
  decodePcToRdr,
  encodeRdrToPc,
  type IccStatus,
  type PcToRdrMessage,
  type SlotState,
} from '../messages.js';
import { SimulatedPipe } from './simulated_pipe.js';
import { simulatedUsbHandle } from './simulated_usb_handle.js';

export interface CcidReaderSimulatorOptions {
  /** dwMaxCCIDMessageLength: longer APDUs travel in chained XfrBlocks (extended APDU level). */
  maxMessageLength?: number;
  /** Latency of the card for every APDU (a slow chip), in milliseconds. */
  chipLatencyMs?: number;
  /**
   * A contactless reader answers the PC/SC GET DATA pseudo-APDU `FF CA 00 00 Le` itself with the card's UID
   * (PC/SC Part 3). Leave undefined for a contact reader: the command then reaches the card.
   */
  uid?: Uint8Array;
  /** dwFeatures exchange level the reader declares in its class descriptor; APDU level either way. */
  extendedApdu?: boolean;
}

export interface TimeExtensionFault {
  count: number;
  /** bError of each time-extension frame: the BWT multiplier the host applies to its read timeout. */
  multiplier: number;
  /** Delay before each time-extension frame. */
  intervalMs: number;
}

const ok = (icc: IccStatus): SlotState => ({ icc, command: { kind: 'ok' } });
const failed = (icc: IccStatus, code: number): SlotState => ({
  icc,
  command: { kind: 'failed', error: { name: 'UNKNOWN', code } },
});
const ICC_MUTE = 0xfe;
const CMD_NOT_SUPPORTED = 0x00;
const BAD_LENGTH = 0x01;
const BAD_SLOT = 0x05;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class CcidReaderSimulator implements UsbTransport {
  private readonly bulkInPipe = new SimulatedPipe();
  private readonly interruptPipe = new SimulatedPipe();
  private card: SimulatedCard | undefined;
  /** The MRZ printed on the data page of the document on the glass, when it was placed with one. */
  private printedMrz: readonly string[] | undefined;
  private powered = false;
  private work: Promise<void> = Promise.resolve();
  private readonly maxMessageLength: number;
  private commandChain: number[] | undefined;
  private responseRemainder: Uint8Array | undefined;
  private responseContinued = false;
  private closed = false;

  /** Every frame the host wrote, in order, for byte-level assertions. */
  readonly hostFrames: Uint8Array[] = [];
  chipLatencyMs: number;

  private timeExtensions: TimeExtensionFault | undefined;
  private wrongSeqFrames = 0;
  private truncateNextTo: number | undefined;
  private removeDuringNextTransfer = false;

  constructor(options: CcidReaderSimulatorOptions = {}) {
    this.maxMessageLength = options.maxMessageLength ?? 271;
    this.chipLatencyMs = options.chipLatencyMs ?? 0;
    this.uid = options.uid;
    this.extendedApdu = options.extendedApdu ?? false;
  }

  private readonly extendedApdu: boolean;

  private readonly uid: Uint8Array | undefined;

  // --- the person at the kiosk, and the fault injector ---

  /** A document is laid on the reader: its chip, and (for a full-page reader) the MRZ printed on its data page. */
  insertCard(card: SimulatedCard, printedMrz?: readonly string[]): void {
    this.card?.reset();
    this.card = card;
    this.printedMrz = printedMrz === undefined ? undefined : [...printedMrz];
    this.powered = false;
    this.interruptPipe.push(encodeNotifySlotChange([{ present: true, changed: true }]));
  }

  removeCard(): void {
    if (this.card === undefined) return;
    this.card.reset();
    this.card = undefined;
    this.printedMrz = undefined;
    this.powered = false;
    this.interruptPipe.push(encodeNotifySlotChange([{ present: false, changed: true }]));
  }

  /** What the OCR window reads of the document on the glass: its printed MRZ, top line first. */
  async readOcrLines(): Promise<OcrLinesResult> {
    if (!this.isPlugged) return { ok: false, error: { code: 'read-failed', detail: 'reader unplugged' } };
    if (this.card === undefined) return { ok: false, error: { code: 'no-document' } };
    if (this.printedMrz === undefined)
      return { ok: false, error: { code: 'read-failed', detail: 'no machine-readable zone in view' } };
    return { ok: true, value: [...this.printedMrz] };
  }

  get cardPresent(): boolean {
    return this.card !== undefined;
  }

  /** The next XfrBlock is answered only after `count` time-extension frames. */
  injectTimeExtensions(fault: TimeExtensionFault): void {
    this.timeExtensions = fault;
  }

  /** Before the next answer, `count` frames carrying a stale bSeq arrive (a confused or shared reader). */
  injectWrongSeqFrames(count: number): void {
    this.wrongSeqFrames = count;
  }

  /** The next Bulk-IN frame is cut to `length` bytes (lost USB packet, firmware bug). */
  truncateNextResponse(length: number): void {
    this.truncateNextTo = length;
  }

  /** The card leaves the field while the next XfrBlock is being processed. */
  removeCardDuringNextTransfer(): void {
    this.removeDuringNextTransfer = true;
  }

  /** RDR_to_PC_HardwareError on Interrupt-IN (01 = overcurrent); the card loses power. */
  signalHardwareError(errorCode: number): void {
    this.powered = false;
    this.card?.reset();
    this.interruptPipe.push(encodeHardwareError(0, 0, errorCode));
  }

  /** The reader is pulled from the USB port: every transfer of every open handle fails as `disconnected`. */
  unplug(): void {
    this.isPlugged = false;
    this.generation++;
    this.powered = false;
    this.card?.reset();
    this.bulkInPipe.fail({ code: 'disconnected' });
    this.interruptPipe.fail({ code: 'disconnected' });
  }

  /** Plugged back in: the host must open a new handle; a card still on the reader is announced again. */
  replug(): void {
    if (this.isPlugged) return;
    this.isPlugged = true;
    this.generation++;
    this.closed = false;
    this.bulkInPipe.restore();
    this.interruptPipe.restore();
    if (this.card !== undefined)
      this.interruptPipe.push(encodeNotifySlotChange([{ present: true, changed: true }]));
  }

  get plugged(): boolean {
    return this.isPlugged;
  }

  /**
   * A host handle on the plugged-in reader, as `HardwareAccess.openUsb` would return: it dies with an unplug, and
   * closing it ends only this handle (pending reads resolve `disconnected`), not the simulated device.
   */
  openTransport(): TransferResult<UsbTransport> {
    if (!this.isPlugged) return { ok: false, error: { code: 'disconnected' } };
    const generation = this.generation;
    const handle = simulatedUsbHandle(
      this,
      () => this.isPlugged && this.generation === generation,
      () => {
        // Release this handle's pending reads; the device itself stays up for the next handle.
        for (const pipe of [this.bulkInPipe, this.interruptPipe]) {
          pipe.fail({ code: 'disconnected' });
          pipe.restore();
        }
      },
    );
    return { ok: true, value: handle };
  }

  private isPlugged = true;
  private generation = 0;

  // --- UsbTransport ---

  async bulkOut(data: Uint8Array, _timeoutMs: number): Promise<TransferResult<void>> {
    if (this.closed || !this.isPlugged) return { ok: false, error: { code: 'disconnected' } };
    this.hostFrames.push(data.slice());
    const frame = data.slice();
    // A reader handles one command at a time, in order.
    this.work = this.work.then(() => this.handle(frame));
    return { ok: true, value: undefined };
  }

  bulkIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    return this.bulkInPipe.take(maxLength, timeoutMs);
  }

  interruptIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    return this.interruptPipe.take(maxLength, timeoutMs);
  }

  /** Answers GET_DESCRIPTOR(CONFIGURATION) with one smart-card interface and its CCID class descriptor. */
  async controlIn(
    setup: ControlSetup,
    length: number,
    _timeoutMs: number,
  ): Promise<TransferResult<Uint8Array>> {
    if (setup.requestType !== 0x80 || setup.request !== 0x06 || setup.value >> 8 !== 0x02) {
      return { ok: false, error: { code: 'stall' } };
    }
    const configuration = ccidConfigurationDescriptor(this.maxMessageLength, this.extendedApdu);
    return { ok: true, value: configuration.slice(0, length) };
  }

  /** Accepts the class-specific ABORT request (bmRequestType 21, bRequest 01); stalls anything else. */
  async controlOut(
    setup: ControlSetup,
    _data: Uint8Array,
    _timeoutMs: number,
  ): Promise<TransferResult<void>> {
    if (setup.requestType === 0x21 && setup.request === 0x01) return { ok: true, value: undefined };
    return { ok: false, error: { code: 'stall' } };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.bulkInPipe.fail({ code: 'disconnected' });
    this.interruptPipe.fail({ code: 'disconnected' });
  }

  // --- the reader's firmware ---

  private iccStatus(): IccStatus {
    if (this.card === undefined) return 'absent';
    return this.powered ? 'present-active' : 'present-inactive';
  }

  private send(bytes: Uint8Array): void {
    if (this.truncateNextTo !== undefined) {
      const cut = bytes.slice(0, this.truncateNextTo);
      this.truncateNextTo = undefined;
      this.bulkInPipe.push(cut);
      return;
    }
    this.bulkInPipe.push(bytes);
  }

  private dataBlock(
    seq: number,
    state: SlotState,
    data: Uint8Array,
    chain: ChainParameter = 'complete',
  ): void {
    this.send(encodeRdrToPc({ type: 'DataBlock', slot: 0, seq, state, chain, data }));
  }

  private slotStatus(seq: number, state: SlotState): void {
    this.send(encodeRdrToPc({ type: 'SlotStatus', slot: 0, seq, state, clock: 'running' }));
  }

  private async handle(frame: Uint8Array): Promise<void> {
    const decoded = decodePcToRdr(frame);
    if (!decoded.ok) {
      const { error } = decoded;
      const seq = 'seq' in error ? error.seq : (frame[6] ?? 0);
      const code = error.code === 'unknown-message-type' ? CMD_NOT_SUPPORTED : BAD_LENGTH;
      this.slotStatus(seq, failed(this.iccStatus(), code));
      return;
    }
    const message = decoded.value;
    if (message.slot !== 0) {
      this.slotStatus(message.seq, failed(this.iccStatus(), BAD_SLOT));
      return;
    }
    await this.dispatch(message);
  }

  private async dispatch(message: PcToRdrMessage): Promise<void> {
    const { seq } = message;
    switch (message.type) {
      case 'IccPowerOn': {
        if (this.card === undefined)
          return this.dataBlock(seq, failed('absent', ICC_MUTE), new Uint8Array(0));
        this.card.reset();
        this.powered = true;
        return this.dataBlock(seq, ok('present-active'), this.card.atr);
      }
      case 'IccPowerOff':
        this.card?.reset();
        this.powered = false;
        return this.slotStatus(seq, ok(this.iccStatus()));
      case 'GetSlotStatus':
      case 'Abort':
        return this.slotStatus(seq, ok(this.iccStatus()));
      case 'GetParameters':
        return this.send(
          encodeRdrToPc({
            type: 'Parameters',
            slot: 0,
            seq,
            state: ok(this.iccStatus()),
            protocol: 1,
            // T=1 protocol data structure: bmFindexDindex, bmTCCKST1, bGuardTimeT1, bmWaitingIntegersT1, bClockStop, bIFSC, bNadValue.
            data: Uint8Array.of(0x11, 0x10, 0x00, 0x4d, 0x00, 0xfe, 0x00),
          }),
        );
      case 'Escape':
        return this.send(
          encodeRdrToPc({
            type: 'Escape',
            slot: 0,
            seq,
            state: failed(this.iccStatus(), CMD_NOT_SUPPORTED),
            data: new Uint8Array(0),
          }),
        );
      case 'XfrBlock':
        return this.xfrBlock(seq, message.levelParameter, message.data);
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  private async xfrBlock(seq: number, level: number, data: Uint8Array): Promise<void> {
    if (this.card === undefined) return this.dataBlock(seq, failed('absent', ICC_MUTE), new Uint8Array(0));
    if (!this.powered) return this.dataBlock(seq, failed('present-inactive', ICC_MUTE), new Uint8Array(0));
    // Extended APDU level: the host sends a long command in pieces and pulls a long response piece by piece.
    if (level === chainValues['expect-more']) return this.sendResponsePiece(seq);
    if (level === chainValues.begins || level === chainValues.continues) {
      this.commandChain = [...(level === chainValues.begins ? [] : (this.commandChain ?? [])), ...data];
      return this.dataBlock(seq, ok('present-active'), new Uint8Array(0), 'expect-more');
    }
    let command = data;
    if (level === chainValues.ends) {
      command = Uint8Array.from([...(this.commandChain ?? []), ...data]);
      this.commandChain = undefined;
    }
    const card = this.card;
    const extensions = this.timeExtensions;
    this.timeExtensions = undefined;
    for (let index = 0; index < (extensions?.count ?? 0); index++) {
      await sleep(extensions?.intervalMs ?? 0);
      this.dataBlock(
        seq,
        {
          icc: 'present-active',
          command: { kind: 'time-extension', multiplier: extensions?.multiplier ?? 1 },
        },
        new Uint8Array(0),
      );
    }
    if (this.removeDuringNextTransfer) {
      this.removeDuringNextTransfer = false;
      this.removeCard();
    }
    if (this.chipLatencyMs > 0) await sleep(this.chipLatencyMs);
    // The card may have been taken away while it was working: the reader reports it mute and absent.
    if (this.card !== card || !this.powered) {
      return this.dataBlock(seq, failed(this.iccStatus(), ICC_MUTE), new Uint8Array(0));
    }
    const response = this.readerAnswer(command) ?? card.processApdu(command);
    for (let index = 0; index < this.wrongSeqFrames; index++) {
      this.dataBlock((seq + 0x80 + index) & 0xff, ok('present-active'), Uint8Array.of(0x90, 0x00));
    }
    this.wrongSeqFrames = 0;
    this.responseRemainder = response;
    return this.sendResponsePiece(seq);
  }

  /** PC/SC GET DATA (`FF CA P1 00 Le`): P1 00 = UID; anything else is "function not supported" (6A 81). */
  private readerAnswer(command: Uint8Array): Uint8Array | undefined {
    if (this.uid === undefined || command[0] !== 0xff || command[1] !== 0xca) return undefined;
    if (command[2] !== 0x00) return Uint8Array.of(0x6a, 0x81);
    const le = command[4] ?? 0;
    if (le !== 0 && le !== this.uid.length) return Uint8Array.of(0x6c, this.uid.length);
    return Uint8Array.from([...this.uid, 0x90, 0x00]);
  }

  private sendResponsePiece(seq: number): void {
    const remainder = this.responseRemainder ?? new Uint8Array(0);
    const room = this.maxMessageLength - CCID_HEADER_SIZE;
    if (remainder.length <= room) {
      this.responseRemainder = undefined;
      const continued = this.responseContinued;
      this.responseContinued = false;
      this.dataBlock(seq, ok('present-active'), remainder, continued ? 'ends' : 'complete');
      return;
    }
    const chain: ChainParameter = this.responseContinued ? 'continues' : 'begins';
    this.responseContinued = true;
    this.responseRemainder = remainder.slice(room);
    this.dataBlock(seq, ok('present-active'), remainder.slice(0, room), chain);
  }
}
