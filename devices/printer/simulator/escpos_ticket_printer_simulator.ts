/**
 * A USB ESC/POS ticket printer, simulated on the device side at the byte level. `open()` gives a `UsbTransport`
 * handle as the `usb` package would after claiming the printer interface; everything the driver sends is parsed
 * and "printed" by an `EscPosPrintEngine`. Sensors (paper roll with near-end, cover), latency per printed line,
 * a receive buffer with flow control, unplug/replug and faulty status replies are under the test's control.
 *
 * Real-time commands (DLE EOT n) are answered on arrival, even while printing is stopped, as on Epson printers.
 * Status bytes use the Epson layout (protocols.md §5). GS ( H process-ID responses are sent once the data before
 * them has been printed.
 */
import type { ControlSetup, TransferResult, UsbTransport } from '../../transport/usb_transport.js';
import type { CodePageName } from '../escpos/code_pages.js';
import { type EscPosCommand, EscPosStreamParser } from '../escpos/stream_parser.js';
import {
  CLASS_IN_INTERFACE,
  CLASS_OUT_INTERFACE,
  CLASS_OUT_OTHER,
  encodePortStatus,
  GET_DEVICE_ID,
  GET_PORT_STATUS,
  SOFT_RESET,
} from '../usb_printer_class/class_requests.js';
import { encodeDeviceIdReply } from '../usb_printer_class/ieee1284_device_id.js';
import { ChangeSignal, sleep } from './change_signal.js';
import { DOTS_PER_LINE, EscPosPrintEngine } from './escpos_print_engine.js';
import { type SimulatedPrinterDevice, SimulatedPrinterHandle } from './simulated_printer_handle.js';

/** How the next status reply goes wrong: a zero-length packet, a byte that is not a status, or no reply. */
export type StatusReplyFault = 'empty' | 'garbage' | 'silent';

export interface EscPosSimulatorOptions {
  deviceId?: string;
  /** Paper on the roll, in text lines (30 dots each). Default: effectively endless. */
  paperLines?: number;
  /** The near-end sensor trips when this many lines or fewer are left. */
  nearEndLines?: number;
  /** Time to print one text line's worth of paper; 0 prints instantly. */
  latencyMsPerLine?: number;
  receiveBufferBytes?: number;
  /** Which SOFT_RESET bmRequestTypes the firmware accepts (others stall). */
  softResetRequestTypes?: readonly number[];
  /** Code table at power-on. */
  powerOnCodePage?: CodePageName;
  /** Whether the firmware answers GS ( H process IDs (TM-T88IV and later); older models ignore it. */
  supportsProcessId?: boolean;
}

interface QueuedCommand {
  command: EscPosCommand;
  size: number;
}

export class EscPosTicketPrinterSimulator implements SimulatedPrinterDevice {
  readonly deviceId: string;
  engine: EscPosPrintEngine;
  /** Bytes the printer has accepted over bulk OUT, over its lifetime. */
  bytesReceived = 0;
  statusRequests = 0;
  softResets: number[] = [];
  readonly statusReplyFaults: StatusReplyFault[] = [];
  latencyMsPerLine: number;

  private connected = true;
  private generation = 0;
  private coverOpen = false;
  /** Printing stopped because the roll ran out under the head (DLE EOT 2 bit 5). */
  private stoppedForPaper = false;
  private paperDots: number;
  private nearEndDots: number;
  private readonly bufferCapacity: number;
  private readonly softResetTypes: readonly number[];
  private readonly supportsProcessId: boolean;
  private parser = new EscPosStreamParser();
  private queue: QueuedCommand[] = [];
  private queuedBytes = 0;
  private replies: Uint8Array[] = [];
  private readonly replySignal = new ChangeSignal();
  private readonly spaceSignal = new ChangeSignal();
  /** Generation of the print loop that is running, if any. */
  private runningGeneration: number | undefined;

  constructor(options: EscPosSimulatorOptions = {}) {
    this.deviceId = options.deviceId ?? 'MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V;CLS:PRINTER;DES:EPSON TM-T88V;';
    this.paperDots = (options.paperLines ?? 1_000_000) * DOTS_PER_LINE;
    this.nearEndDots = (options.nearEndLines ?? 0) * DOTS_PER_LINE;
    this.latencyMsPerLine = options.latencyMsPerLine ?? 0;
    this.bufferCapacity = options.receiveBufferBytes ?? 64 * 1024;
    this.softResetTypes = options.softResetRequestTypes ?? [CLASS_OUT_OTHER, CLASS_OUT_INTERFACE];
    this.engine = new EscPosPrintEngine(options.powerOnCodePage ?? 'pc437');
    this.supportsProcessId = options.supportsProcessId ?? true;
  }

  /** Open the device as a host would; fails with `disconnected` while unplugged. */
  open(): TransferResult<UsbTransport> {
    if (!this.connected) return { ok: false, error: { code: 'disconnected' } };
    return { ok: true, value: new SimulatedPrinterHandle(this, this.generation) };
  }

  get paperLinesLeft(): number {
    return Math.floor(this.paperDots / DOTS_PER_LINE);
  }

  get plugged(): boolean {
    return this.connected;
  }

  get isCoverOpen(): boolean {
    return this.coverOpen;
  }

  get isPrinting(): boolean {
    return this.queue.length > 0;
  }

  unplug(): void {
    this.connected = false;
    this.generation++;
    this.powerCycle();
  }

  /** Plug back in: the printer boots with empty buffers; paper and printed tickets stay. */
  replug(): void {
    this.connected = true;
  }

  openCover(): void {
    this.coverOpen = true;
  }

  closeCover(): void {
    this.coverOpen = false;
    this.kick();
  }

  loadPaper(lines: number, nearEndLines = this.nearEndDots / DOTS_PER_LINE): void {
    this.paperDots = lines * DOTS_PER_LINE;
    this.nearEndDots = nearEndLines * DOTS_PER_LINE;
    this.stoppedForPaper = false;
    this.kick();
  }

  // ---- device side of the transfers -------------------------------------------------------------------

  isLive(generation: number): boolean {
    return this.connected && generation === this.generation;
  }

  async receive(data: Uint8Array, generation: number, timeoutMs: number): Promise<TransferResult<void>> {
    const deadline = Date.now() + timeoutMs;
    const realtimeOnly = data.length === 3 && data[0] === 0x10 && data[1] === 0x04;
    // Flow control: a full receive buffer holds the host off, except for real-time commands.
    while (!realtimeOnly && this.queuedBytes >= this.bufferCapacity) {
      const left = deadline - Date.now();
      if (left <= 0) return { ok: false, error: { code: 'timeout' } };
      await this.spaceSignal.wait(left);
      if (!this.isLive(generation)) return { ok: false, error: { code: 'disconnected' } };
    }
    if (!this.isLive(generation)) return { ok: false, error: { code: 'disconnected' } };
    this.bytesReceived += data.length;
    if (realtimeOnly) {
      // Real-time commands are caught as they arrive, even in the middle of a bit image's data.
      if (data[2]! >= 1 && data[2]! <= 4) this.answerStatus(data[2]!);
      return { ok: true, value: undefined };
    }
    for (const command of this.parser.push(data)) {
      if (command.op === 'realtime-status') this.answerStatus(command.n);
      else {
        const size = command.op === 'raster' ? command.data.length + 8 : 3;
        this.queue.push({ command, size });
        this.queuedBytes += size;
      }
    }
    this.kick();
    return { ok: true, value: undefined };
  }

  async reply(maxLength: number, generation: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.isLive(generation)) return { ok: false, error: { code: 'disconnected' } };
      const packet = this.replies.shift();
      if (packet) {
        if (packet.length > maxLength) this.replies.unshift(packet.slice(maxLength));
        return { ok: true, value: packet.slice(0, maxLength) };
      }
      const left = deadline - Date.now();
      if (left <= 0) return { ok: false, error: { code: 'timeout' } };
      await this.replySignal.wait(left);
    }
  }

  control(setup: ControlSetup, length: number): TransferResult<Uint8Array> {
    if (setup.requestType === CLASS_IN_INTERFACE && setup.request === GET_DEVICE_ID) {
      return { ok: true, value: encodeDeviceIdReply(this.deviceId).slice(0, length) };
    }
    if (setup.requestType === CLASS_IN_INTERFACE && setup.request === GET_PORT_STATUS) {
      const paperEmpty = this.paperDots <= 0;
      const fault = this.coverOpen || paperEmpty;
      return {
        ok: true,
        value: Uint8Array.of(encodePortStatus({ paperEmpty, selected: !fault, noError: !this.coverOpen })),
      };
    }
    if (setup.request === SOFT_RESET && this.softResetTypes.includes(setup.requestType)) {
      this.softResets.push(setup.requestType);
      this.flushBuffers();
      return { ok: true, value: new Uint8Array(0) };
    }
    return { ok: false, error: { code: 'stall' } };
  }

  // ---- internals -------------------------------------------------------------------------------------

  private powerCycle(): void {
    this.flushBuffers();
    this.engine.resetModes();
    this.replySignal.notify();
    this.spaceSignal.notify();
  }

  private flushBuffers(): void {
    this.parser.reset();
    this.queue = [];
    this.queuedBytes = 0;
    this.replies = [];
    this.stoppedForPaper = false;
    this.spaceSignal.notify();
  }

  private statusByte(n: number): number {
    const paperOut = this.paperDots <= 0 || this.stoppedForPaper;
    const nearEnd = this.paperDots <= this.nearEndDots;
    switch (n) {
      case 1:
        return 0x12 | (this.coverOpen || paperOut ? 0x08 : 0);
      case 2:
        return 0x12 | (this.coverOpen ? 0x04 : 0) | (this.stoppedForPaper ? 0x20 : 0);
      case 3:
        return 0x12;
      default:
        return 0x12 | (nearEnd ? 0x0c : 0) | (this.paperDots <= 0 || this.stoppedForPaper ? 0x60 : 0);
    }
  }

  private answerStatus(n: number): void {
    this.statusRequests++;
    const fault = this.statusReplyFaults.shift();
    if (fault === 'silent') return;
    if (fault === 'empty') this.replies.push(new Uint8Array(0));
    else if (fault === 'garbage') this.replies.push(Uint8Array.of(0xff));
    else this.replies.push(Uint8Array.of(this.statusByte(n)));
    this.replySignal.notify();
  }

  private kick(): void {
    if (this.runningGeneration === this.generation) return;
    void this.run(this.generation);
  }

  /** Execute queued commands in order; with zero latency this runs to completion synchronously. */
  private async run(generation: number): Promise<void> {
    this.runningGeneration = generation;
    try {
      while (this.queue.length > 0 && this.isLive(generation) && !this.coverOpen) {
        const head = this.queue[0]!;
        const outcome = this.engine.execute(head.command, Math.max(0, this.paperDots));
        if (outcome.kind === 'out-of-paper') {
          // The roll ran out under the head: printing stops until paper is loaded.
          this.paperDots = 0;
          this.stoppedForPaper = true;
          return;
        }
        this.stoppedForPaper = false;
        this.queue.shift();
        this.queuedBytes -= head.size;
        this.paperDots -= outcome.dots;
        this.spaceSignal.notify();
        if (this.latencyMsPerLine > 0 && outcome.dots > 0) {
          await sleep((this.latencyMsPerLine * outcome.dots) / DOTS_PER_LINE);
        }
        if (head.command.op === 'process-id' && this.supportsProcessId && this.isLive(generation)) {
          const id = Array.from(head.command.id, (c) => c.charCodeAt(0));
          this.replies.push(Uint8Array.of(0x37, 0x22, ...id, 0x00));
          this.replySignal.notify();
        }
        if (head.command.op === 'transmit-status' && (head.command.n === 1 || head.command.n === 49)) {
          const nearEnd = this.paperDots <= this.nearEndDots ? 0x03 : 0;
          this.replies.push(Uint8Array.of(nearEnd | (this.paperDots <= 0 ? 0x0c : 0)));
          this.replySignal.notify();
        }
      }
    } finally {
      if (this.runningGeneration === generation) this.runningGeneration = undefined;
    }
  }
}
