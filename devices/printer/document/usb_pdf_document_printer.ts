/**
 * A4 printing straight over the USB printer class, for printers whose IEEE 1284 `CMD:` lists PDF: the file goes
 * out on bulk OUT as it is, and GET_PORT_STATUS (paper empty / selected / not error) is watched until the pages
 * have had time to come out.
 *
 * The printer class has no "job done" signal, so confirmation is: every byte accepted, then a clean port status
 * for the whole time the pages need (warm-up + pages × seconds per page, from the model's rated speed), with any
 * fault in that window failing the job. Printers that must confirm page by page belong on the CUPS route (IPP).
 */

import { err, ok } from '../../../lib/result.js';
import type { PrinterState } from '../../device_status.js';
import type { TransferResult, UsbTransport } from '../../transport/usb_transport.js';
import { failureOfState, failureOfTransfer, stateOfFailure } from '../failure_states.js';
import type { DocumentPrinter, PrintFailure, PrintOutcome } from '../printer.js';
import { SerialQueue } from '../serial_queue.js';
import { StatusListeners } from '../status_listeners.js';
import {
  type ClassResult,
  defaultPrinterInterface,
  type PortStatus,
  type PrinterInterface,
  readDeviceId,
  readPortStatus,
  softReset,
} from '../usb_printer_class/class_requests.js';
import type { DeviceId } from '../usb_printer_class/ieee1284_device_id.js';
import type { UsbTransportOpener } from '../usb_transport_opener.js';
import { inspectPdf } from './pdf_facts.js';

export interface UsbPdfDocumentPrinterOptions {
  open: UsbTransportOpener;
  printerInterface?: PrinterInterface;
  transferTimeoutMs?: number;
  chunkBytes?: number;
  /** Time from the last byte to the first page out (warm-up, processing). */
  warmupMs?: number;
  /** Rated time per page. */
  msPerPage?: number;
  /** Pages budgeted when the PDF's page count cannot be read. */
  assumedPages?: number;
  pollIntervalMs?: number;
}

export function stateOfPortStatus(status: PortStatus): PrinterState {
  if (status.paperEmpty) return { state: 'no-paper' };
  // Not selected and an error without paper empty: on laser printers this is the cover/door interlock.
  if (!status.noError && !status.selected) return { state: 'cover-open' };
  if (!status.noError) return { state: 'error', code: 'printer-error' };
  if (!status.selected) return { state: 'error', code: 'offline' };
  return { state: 'ready' };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class UsbPdfDocumentPrinter implements DocumentPrinter {
  private readonly jobs = new SerialQueue();
  private readonly listeners = new StatusListeners({ state: 'disconnected' });
  private transport: UsbTransport | undefined;
  private readonly iface: PrinterInterface;
  private readonly transferMs: number;
  private readonly chunkBytes: number;
  private readonly warmupMs: number;
  private readonly msPerPage: number;
  private readonly assumedPages: number;
  private readonly pollMs: number;

  constructor(private readonly options: UsbPdfDocumentPrinterOptions) {
    this.iface = options.printerInterface ?? defaultPrinterInterface;
    this.transferMs = options.transferTimeoutMs ?? 5000;
    this.chunkBytes = options.chunkBytes ?? 64 * 1024;
    this.warmupMs = options.warmupMs ?? 10_000;
    this.msPerPage = options.msPerPage ?? 3000;
    this.assumedPages = options.assumedPages ?? 10;
    this.pollMs = options.pollIntervalMs ?? 250;
  }

  status(): PrinterState {
    return this.listeners.current;
  }

  onStatus(listener: (state: PrinterState) => void): () => void {
    return this.listeners.add(listener);
  }

  printPdf(pdf: Uint8Array, _jobName: string): Promise<PrintOutcome> {
    // A raw USB printer has no job names; the name only matters to a spooler.
    return this.jobs.run(() => this.runJob(pdf));
  }

  readDeviceId(): Promise<ClassResult<DeviceId>> {
    return this.jobs.run(async () => {
      const transport = await this.connect();
      if (!transport.ok) return err({ code: 'transfer', failure: { code: 'disconnected' } });
      return readDeviceId(transport.value, this.iface, this.transferMs);
    });
  }

  refreshStatus(): Promise<PrinterState> {
    return this.jobs.run(async () => {
      const transport = await this.connect();
      if (!transport.ok) return this.publish({ state: 'disconnected' });
      const status = await this.portState(transport.value);
      return this.publish(status);
    });
  }

  private publish(state: PrinterState): PrinterState {
    this.listeners.set(state);
    return state;
  }

  private async connect(): Promise<TransferResult<UsbTransport>> {
    if (this.transport) return ok(this.transport);
    const opened = await this.options.open();
    if (!opened.ok) return opened;
    this.transport = opened.value;
    return ok(opened.value);
  }

  private async portState(transport: UsbTransport): Promise<PrinterState> {
    const status = await readPortStatus(transport, this.iface, this.transferMs);
    if (status.ok) return stateOfPortStatus(status.value);
    if (status.error.code === 'transfer') {
      if (status.error.failure.code === 'disconnected') {
        this.transport = undefined;
        return { state: 'disconnected' };
      }
      return { state: 'error', code: `port-status-${status.error.failure.code}` };
    }
    return { state: 'error', code: 'port-status-unreadable' };
  }

  private fail(failure: PrintFailure): PrintOutcome {
    this.publish(stateOfFailure(failure));
    return err(failure);
  }

  private async abort(transport: UsbTransport, failure: PrintFailure): Promise<PrintOutcome> {
    // Flush what the printer still holds so the document does not come out after staff fix the fault.
    if (failure.reason !== 'disconnected') await softReset(transport, this.iface, this.transferMs);
    return this.fail(failure);
  }

  private async runJob(pdf: Uint8Array): Promise<PrintOutcome> {
    const facts = inspectPdf(pdf);
    if (!facts.ok) return err({ reason: 'error', detail: `bad-pdf: ${facts.error.code}` });
    const connected = await this.connect();
    if (!connected.ok) return this.fail({ reason: 'disconnected' });
    const transport = connected.value;

    const before = await this.portState(transport);
    const refusal = failureOfState(before);
    if (refusal) return this.fail(refusal);
    this.publish({ state: 'busy' });

    const pages = facts.value.pages ?? this.assumedPages;
    const budgetMs = this.warmupMs + pages * this.msPerPage;
    const sendDeadline = Date.now() + budgetMs + this.transferMs;
    for (let offset = 0; offset < pdf.length; ) {
      const chunk = pdf.subarray(offset, offset + this.chunkBytes);
      const sent = await transport.bulkOut(chunk, this.transferMs);
      if (sent.ok) {
        offset += chunk.length;
        continue;
      }
      if (sent.error.code !== 'timeout') {
        if (sent.error.code === 'disconnected') this.transport = undefined;
        return this.abort(transport, failureOfTransfer(sent.error));
      }
      // The printer stopped taking data: find out why, or keep trying until the budget runs out.
      const state = await this.portState(transport);
      const fault = failureOfState(state);
      if (fault) return this.abort(transport, fault);
      if (Date.now() > sendDeadline) return this.abort(transport, { reason: 'timeout' });
    }

    const confirmAt = Date.now() + budgetMs;
    for (;;) {
      const state = await this.portState(transport);
      const fault = failureOfState(state);
      if (fault) return this.abort(transport, fault);
      if (Date.now() >= confirmAt) {
        this.publish(state);
        return ok();
      }
      await sleep(Math.min(this.pollMs, Math.max(0, confirmAt - Date.now())));
    }
  }
}
