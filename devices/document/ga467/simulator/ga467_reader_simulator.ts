/**
 * The device side of a GA 467 reader with its SAM, over USB bulk (`UsbTransport`): it parses command frames from
 * Bulk-OUT, checks their checksum as the SAM does (SW3 10 if wrong), enforces find → select → read, and streams
 * response frames on Bulk-IN in 64-byte packets. Cards are built from chosen fields, the text block encoded
 * byte for byte. Faults on demand: card present/absent, corrupt response checksums, SAM self-test failure, unplug.
 */

import { err, ok, type Result } from '../../../../lib/result.js';
import type { ControlSetup, TransferResult, UsbTransport } from '../../../transport/usb_transport.js';
import { SimulatedPipe } from '../../ccid/simulator/simulated_pipe.js';
import { simulatedUsbHandle } from '../../ccid/simulator/simulated_usb_handle.js';
import { encodeReadData, ga467Commands } from '../commands.js';
import { decodeCommandFrame, encodeResponseFrame } from '../frame.js';
import { SW3 } from '../status_codes.js';
import { encodeTextBlock, type IdentityTextFields, type TextBlockError } from '../text_block.js';

export interface SimulatedIdCard {
  /** The 256-byte text block. */
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint?: Uint8Array;
  /** 4 bytes returned by find card. */
  managementNumber?: Uint8Array;
}

/** A card whose 256-byte text block is encoded from typed fields (fields too long for the layout are an error). */
export function simulatedCardFromFields(
  fields: IdentityTextFields,
  photo?: Uint8Array,
): Result<SimulatedIdCard, TextBlockError> {
  const text = encodeTextBlock(fields);
  if (!text.ok) return text;
  // A stand-in for the WLT photo: 1024 bytes beginning with the "WLf" magic real photos carry.
  const standIn = new Uint8Array(1024);
  standIn.set([0x57, 0x4c, 0x66, 0x00]);
  return ok({ text: text.value, photo: photo ?? standIn });
}

export interface Ga467SimulatorOptions {
  packetSize?: number;
  /** SAM management information returned by 12 FF. */
  samId?: Uint8Array;
}

export class Ga467ReaderSimulator implements UsbTransport {
  private readonly bulkInPipe = new SimulatedPipe();
  private readonly interruptPipe = new SimulatedPipe();
  private card: SimulatedIdCard | undefined;
  private found = false;
  private selected = false;
  private corruptChecksums = 0;
  private samFailed = false;
  private readonly packetSize: number;
  private readonly samIdentity: Uint8Array;
  /** Every frame the host wrote, for byte-level assertions. */
  readonly hostFrames: Uint8Array[] = [];

  constructor(options: Ga467SimulatorOptions = {}) {
    this.packetSize = options.packetSize ?? 64;
    this.samIdentity =
      options.samId ??
      Uint8Array.of(
        0x05,
        0x01,
        0x20,
        0x10,
        0x11,
        0x11,
        0x00,
        0x12,
        0x34,
        0x56,
        0x78,
        0x90,
        0x12,
        0x34,
        0x56,
        0x78,
      );
  }

  placeCard(card: SimulatedIdCard): void {
    this.card = card;
    this.found = false;
    this.selected = false;
  }

  takeCard(): void {
    this.card = undefined;
    this.found = false;
    this.selected = false;
  }

  /** The next `count` response frames leave with their checksum byte flipped. */
  corruptNextChecksums(count: number): void {
    this.corruptChecksums = count;
  }

  failSamSelfTest(failed: boolean): void {
    this.samFailed = failed;
  }

  unplug(): void {
    this.isPlugged = false;
    this.generation++;
    this.found = false;
    this.selected = false;
    this.bulkInPipe.fail({ code: 'disconnected' });
    this.interruptPipe.fail({ code: 'disconnected' });
  }

  replug(): void {
    if (this.isPlugged) return;
    this.isPlugged = true;
    this.generation++;
    this.bulkInPipe.restore();
    this.interruptPipe.restore();
  }

  get plugged(): boolean {
    return this.isPlugged;
  }

  get cardPresent(): boolean {
    return this.card !== undefined;
  }

  /** A host handle that dies with an unplug; closing it leaves the simulated reader up for the next handle. */
  openTransport(): TransferResult<UsbTransport> {
    if (!this.isPlugged) return err({ code: 'disconnected' });
    const generation = this.generation;
    const handle = simulatedUsbHandle(
      this,
      () => this.isPlugged && this.generation === generation,
      () => {
        for (const pipe of [this.bulkInPipe, this.interruptPipe]) {
          pipe.fail({ code: 'disconnected' });
          pipe.restore();
        }
      },
    );
    return ok(handle);
  }

  private isPlugged = true;
  private generation = 0;

  async bulkOut(data: Uint8Array, _timeoutMs: number): Promise<TransferResult<void>> {
    if (!this.isPlugged) return err({ code: 'disconnected' });
    this.hostFrames.push(data.slice());
    this.respond(this.handle(data));
    return ok(undefined);
  }

  bulkIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    return this.bulkInPipe.take(maxLength, timeoutMs);
  }

  /** GA 467 readers have no interrupt endpoint; reads just time out. */
  interruptIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    return this.interruptPipe.take(maxLength, timeoutMs);
  }

  async controlIn(
    _setup: ControlSetup,
    _length: number,
    _timeoutMs: number,
  ): Promise<TransferResult<Uint8Array>> {
    return err({ code: 'stall' });
  }

  async controlOut(
    _setup: ControlSetup,
    _data: Uint8Array,
    _timeoutMs: number,
  ): Promise<TransferResult<void>> {
    return err({ code: 'stall' });
  }

  async close(): Promise<void> {
    this.bulkInPipe.fail({ code: 'disconnected' });
    this.interruptPipe.fail({ code: 'disconnected' });
  }

  private respond(answer: { sw3: number; data?: Uint8Array }): void {
    const frame = encodeResponseFrame({
      sw1: 0,
      sw2: 0,
      sw3: answer.sw3,
      data: answer.data ?? new Uint8Array(0),
    });
    if (!frame.ok) return;
    const bytes = frame.value;
    if (this.corruptChecksums > 0) {
      this.corruptChecksums--;
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    }
    for (let offset = 0; offset < bytes.length; offset += this.packetSize) {
      this.bulkInPipe.push(bytes.slice(offset, offset + this.packetSize));
    }
  }

  private handle(bytes: Uint8Array): { sw3: number; data?: Uint8Array } {
    const decoded = decodeCommandFrame(bytes);
    if (!decoded.ok) {
      return { sw3: decoded.error.code === 'bad-checksum' ? SW3.checksumError : SW3.lengthError };
    }
    const { command, parameter } = decoded.value;
    const is = (name: keyof typeof ga467Commands) =>
      ga467Commands[name].command === command && ga467Commands[name].parameter === parameter;
    if (is('resetSam')) return { sw3: SW3.success };
    if (is('samStatus')) return { sw3: this.samFailed ? 0x60 : SW3.success };
    if (is('samId')) return { sw3: SW3.success, data: this.samIdentity };
    if (is('findCard')) {
      this.found = this.card !== undefined;
      this.selected = false;
      if (this.card === undefined) return { sw3: SW3.findCardFailed };
      return { sw3: SW3.findCardSuccess, data: this.card.managementNumber ?? new Uint8Array(4) };
    }
    if (is('selectCard')) {
      this.selected = this.found && this.card !== undefined;
      return this.selected ? { sw3: SW3.success, data: new Uint8Array(8) } : { sw3: SW3.selectCardFailed };
    }
    const withFingerprint = is('readTextPhotoAndFingerprint');
    if (is('readTextAndPhoto') || withFingerprint) {
      if (!this.selected || this.card === undefined) return { sw3: SW3.readCardFailed };
      return { sw3: SW3.success, data: encodeReadData(this.card, withFingerprint) };
    }
    if (is('readAppendedAddress')) return { sw3: SW3.noContent };
    return { sw3: SW3.commandError };
  }
}
