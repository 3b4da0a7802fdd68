/**
 * Ticket printer driver: ESC/POS over the USB printer class. Connects lazily, runs one job at a time, and
 * reports a print as done only when the printer itself confirms it:
 *
 * 1. poll DLE EOT 1–4; no paper or an open cover fails the job before a byte of it is sent;
 * 2. send the job in chunks, polling status after each chunk (a stalled bulk OUT means the printer stopped);
 * 3. the job ends with GS ( H process ID: the printer answers it once everything before it is printed; keep
 *    polling DLE EOT until that answer arrives and the status is clean (online, no error, paper, cover shut).
 *    Models without GS ( H get GS r 1 instead (option `completion: 'paper-status'`), answered in order once the
 *    data before it has been processed.
 *
 * A fault mid-job fails the job with its reason and sends SOFT_RESET, so the rest of the ticket does not come
 * out later when staff clear the fault. Unplugging gives `disconnected`; the next job reconnects.
 */

import { concatBytes } from '../../../lib/bytes.js';
import { type Err, err, ok, type Result } from '../../../lib/result.js';
import type { PrinterState } from '../../device_status.js';
import type { TransferFailure, UsbTransport } from '../../transport/usb_transport.js';
import { codePageLabel } from '../escpos/code_pages.js';
import { processIdRequest, transmitPaperStatusRequest } from '../escpos/commands.js';
import {
  epsonStatusLayout,
  interpretStatus,
  type PrinterSensors,
  type StatusBitLayout,
} from '../escpos/realtime_status.js';
import {
  defaultEscPosProfile,
  type EscPosProfile,
  encodeTicket,
  type Ticket,
} from '../escpos/ticket_encoder.js';
import { failureOfTransfer, stateOfFailure } from '../failure_states.js';
import type { MonoBitmap, PrintFailure, PrintOutcome, TicketPrinter } from '../printer.js';
import { SerialQueue } from '../serial_queue.js';
import { StatusListeners } from '../status_listeners.js';
import {
  type ClassResult,
  defaultPrinterInterface,
  type PrinterInterface,
  readDeviceId,
  softReset,
} from '../usb_printer_class/class_requests.js';
import type { DeviceId } from '../usb_printer_class/ieee1284_device_id.js';
import type { UsbTransportOpener } from '../usb_transport_opener.js';
import { StatusChannel, type StatusChannelError } from './status_channel.js';
import { buildTestTicket } from './test_ticket.js';

export type { UsbTransportOpener };

export interface EscPosTicketPrinterOptions {
  open: UsbTransportOpener;
  profile?: EscPosProfile;
  statusLayout?: StatusBitLayout;
  printerInterface?: PrinterInterface;
  /** Timeout of every single USB exchange. */
  transferTimeoutMs?: number;
  /** Longest a whole job may take, from the first status poll to the confirmation. */
  jobTimeoutMs?: number;
  /** Bulk OUT chunk size. */
  chunkBytes?: number;
  /** Pause between status polls while waiting for the printer to finish. */
  pollIntervalMs?: number;
  statusAttempts?: number;
  /**
   * How the end of a job is recognised: `process-id` (GS ( H, answered when printing is complete; Epson
   * TM-T88IV and later) or `paper-status` (GS r 1, answered when the printer has processed everything before
   * it; for models without GS ( H).
   */
  completion?: 'process-id' | 'paper-status';
}

interface Connection {
  transport: UsbTransport;
  channel: StatusChannel;
}

type JobError = PrintFailure;

function failureOfChannel(error: StatusChannelError): PrintFailure {
  if (error.code === 'transfer') return failureOfTransfer(error.failure);
  return error.last === 'timeout'
    ? { reason: 'timeout' }
    : { reason: 'error', detail: `status-unreadable: ${error.last}` };
}

/** A fault that stops printing, as a PrintFailure; `undefined` when the printer can print. */
export function sensorFault(sensors: PrinterSensors): PrintFailure | undefined {
  if (sensors.coverOpen) return { reason: 'cover-open' };
  if (sensors.paperOut) return { reason: 'no-paper' };
  if (sensors.errorCode) return { reason: 'error', detail: sensors.errorCode };
  if (sensors.offline) return { reason: 'error', detail: 'offline' };
  return undefined;
}

export class EscPosTicketPrinter implements TicketPrinter {
  private readonly queue = new SerialQueue();
  private readonly listeners = new StatusListeners({ state: 'disconnected' });
  private connection: Connection | undefined;
  private jobCounter = 0;
  private readonly profile: EscPosProfile;
  private readonly layout: StatusBitLayout;
  private readonly iface: PrinterInterface;
  private readonly transferMs: number;
  private readonly jobMs: number;
  private readonly chunkBytes: number;
  private readonly pollMs: number;
  private readonly attempts: number;

  constructor(private readonly options: EscPosTicketPrinterOptions) {
    this.profile = options.profile ?? defaultEscPosProfile;
    this.layout = options.statusLayout ?? epsonStatusLayout;
    this.iface = options.printerInterface ?? defaultPrinterInterface;
    this.transferMs = options.transferTimeoutMs ?? 1000;
    this.jobMs = options.jobTimeoutMs ?? 30_000;
    this.chunkBytes = options.chunkBytes ?? 4096;
    this.pollMs = options.pollIntervalMs ?? 20;
    this.attempts = options.statusAttempts ?? 3;
  }

  status(): PrinterState {
    return this.listeners.current;
  }

  onStatus(listener: (state: PrinterState) => void): () => void {
    return this.listeners.add(listener);
  }

  printRaster(ticket: MonoBitmap): Promise<PrintOutcome> {
    return this.printTicket({ blocks: [{ kind: 'raster', bitmap: ticket }], cut: 'partial' });
  }

  /** Print a ticket made of text, raster and QR blocks. */
  printTicket(ticket: Ticket): Promise<PrintOutcome> {
    return this.queue.run(() => this.runJob(ticket));
  }

  /** The self-test ticket staff print from maintenance: model, code page, accents, raster bars and a QR. */
  printTestTicket(now: Date = new Date()): Promise<PrintOutcome> {
    return this.queue.run(async () => {
      const id = await this.deviceIdUnqueued();
      const model = id.ok ? `${id.value.manufacturer} ${id.value.model}` : 'unknown model';
      const ticket = buildTestTicket({
        model,
        codePage: codePageLabel(this.profile.codePage),
        now,
        profile: this.profile,
      });
      return this.runJob(ticket);
    });
  }

  /** Poll the printer now (e.g. from the device manager's timer) and publish its state. */
  refreshStatus(): Promise<PrinterState> {
    return this.queue.run(async () => {
      const connection = await this.connect();
      if (!connection.ok) return this.publish(stateOfFailure(connection.error));
      const snapshot = await connection.value.channel.snapshot();
      if (!snapshot.ok) return this.recordFailure(failureOfChannel(snapshot.error));
      return this.publish(this.idleState(interpretStatus(snapshot.value, this.layout)));
    });
  }

  readDeviceId(): Promise<ClassResult<DeviceId>> {
    return this.queue.run(() => this.deviceIdUnqueued());
  }

  async close(): Promise<void> {
    await this.queue.run(async () => {
      await this.connection?.transport.close();
      this.connection = undefined;
    });
  }

  // ---- internals -------------------------------------------------------------------------------------

  private async deviceIdUnqueued(): Promise<ClassResult<DeviceId>> {
    const connection = await this.connect();
    if (!connection.ok) return err({ code: 'transfer', failure: { code: 'disconnected' } });
    const id = await readDeviceId(connection.value.transport, this.iface, this.transferMs);
    if (!id.ok && id.error.code === 'transfer' && id.error.failure.code === 'disconnected') await this.drop();
    return id;
  }

  private publish(state: PrinterState): PrinterState {
    this.listeners.set(state);
    return state;
  }

  private idleState(sensors: PrinterSensors): PrinterState {
    const fault = sensorFault(sensors);
    if (fault) return stateOfFailure(fault);
    return sensors.paperLow ? { state: 'paper-low' } : { state: 'ready' };
  }

  private async connect(): Promise<Result<Connection, JobError>> {
    if (this.connection) return ok(this.connection);
    // Opening is an exchange with the device too (claiming the interface): it gets a timeout like the rest.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<Err<TransferFailure>>((resolve) => {
      timer = setTimeout(() => resolve(err({ code: 'timeout' })), this.transferMs);
    });
    const opened = await Promise.race([this.options.open(), timedOut]);
    clearTimeout(timer);
    if (!opened.ok) return err(failureOfTransfer(opened.error));
    const transport = opened.value;
    this.connection = {
      transport,
      channel: new StatusChannel(transport, { transferMs: this.transferMs, attempts: this.attempts }),
    };
    return ok(this.connection);
  }

  private async drop(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.transport.close();
  }

  /** Record a failure: publish its state and, when the device is gone, forget the handle. */
  private recordFailure(failure: PrintFailure): PrinterState {
    if (failure.reason === 'disconnected') void this.drop();
    return this.publish(stateOfFailure(failure));
  }

  /** A failed job: its failure recorded, and returned as the job's outcome. */
  private fail(failure: PrintFailure): Err<PrintFailure> {
    this.recordFailure(failure);
    return err(failure);
  }

  /** Fail mid-job: flush what the printer still holds, so it does not print once the fault is cleared. */
  private async abort(connection: Connection, failure: PrintFailure): Promise<PrintOutcome> {
    if (failure.reason !== 'disconnected') {
      const reset = await softReset(connection.transport, this.iface, this.transferMs);
      if (!reset.ok && reset.error.code === 'transfer' && reset.error.failure.code === 'disconnected') {
        return this.fail({ reason: 'disconnected' });
      }
      // The reset also dropped whatever replies were queued; start the reply channel afresh.
      this.connection = {
        transport: connection.transport,
        channel: new StatusChannel(connection.transport, {
          transferMs: this.transferMs,
          attempts: this.attempts,
        }),
      };
    }
    return this.fail(failure);
  }

  private async checkSensors(connection: Connection): Promise<PrinterSensors | PrintFailure> {
    const snapshot = await connection.channel.snapshot();
    if (!snapshot.ok) return failureOfChannel(snapshot.error);
    return interpretStatus(snapshot.value, this.layout);
  }

  private async runJob(ticket: Ticket): Promise<PrintOutcome> {
    const deadline = Date.now() + this.jobMs;
    const encoded = encodeTicket(ticket, this.profile);
    if (!encoded.ok) return err({ reason: 'error', detail: `bad-ticket: ${encoded.error.code}` });

    const opened = await this.connect();
    if (!opened.ok) return this.fail(opened.error);
    const connection = opened.value;

    const before = await this.checkSensors(connection);
    if ('reason' in before) return this.fail(before);
    const refusal = sensorFault(before);
    if (refusal) return this.fail(refusal);
    this.publish({ state: 'busy' });

    this.jobCounter = (this.jobCounter + 1) % 36 ** 4;
    const jobId = this.jobCounter.toString(36).toUpperCase().padStart(4, '0');
    const completion = this.options.completion ?? 'process-id';
    const marker = completion === 'process-id' ? processIdRequest(jobId) : transmitPaperStatusRequest();
    const repliesBefore = connection.channel.transmitStatusCount;
    const job = concatBytes(encoded.value.bytes, marker);
    const finished = (): boolean =>
      completion === 'process-id'
        ? connection.channel.sawProcessId(jobId)
        : connection.channel.transmitStatusCount > repliesBefore;

    for (let offset = 0; offset < job.length; offset += this.chunkBytes) {
      if (Date.now() > deadline) return this.abort(connection, { reason: 'timeout' });
      const sent = await connection.transport.bulkOut(
        job.subarray(offset, offset + this.chunkBytes),
        this.transferMs,
      );
      // After every chunk, and whenever the printer stops taking data, ask the printer how it is.
      const sensors = await this.checkSensors(connection);
      if ('reason' in sensors) return this.abort(connection, sensors);
      const fault = sensorFault(sensors);
      if (fault) return this.abort(connection, fault);
      // A timed-out bulk OUT may have delivered part of the chunk; sending it again would print garbage, so a
      // stalled printer with no reported fault fails the job as a timeout instead of being retried.
      if (!sent.ok) return this.abort(connection, failureOfTransfer(sent.error));
    }

    for (;;) {
      const sensors = await this.checkSensors(connection);
      if ('reason' in sensors) return this.abort(connection, sensors);
      const fault = sensorFault(sensors);
      if (fault) return this.abort(connection, fault);
      if (finished()) {
        this.publish(this.idleState(sensors));
        return ok();
      }
      if (Date.now() > deadline) return this.abort(connection, { reason: 'timeout' });
      const read = await connection.channel.readOnce(this.pollMs);
      if (!read.ok) return this.abort(connection, failureOfChannel(read.error));
    }
  }
}
