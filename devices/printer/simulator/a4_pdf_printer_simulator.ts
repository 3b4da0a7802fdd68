/**
 * A USB A4 laser printer that takes PDF directly (its IEEE 1284 ID lists PDF in CMD), simulated on the device
 * side: the bytes arriving on bulk OUT are collected until a whole PDF (`%PDF-` … `%%EOF`) is in, then its pages
 * are printed one by one, each taking `msPerPage` and one sheet. GET_PORT_STATUS reports paper empty, selected and
 * not-error from the tray and cover sensors, as the printer class defines them.
 */
import type { ControlSetup, TransferResult, UsbTransport } from '../../transport/usb_transport.js';
import { inspectPdf } from '../document/pdf_facts.js';
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
import { sleep } from './change_signal.js';
import { type SimulatedPrinterDevice, SimulatedPrinterHandle } from './simulated_printer_handle.js';

export interface A4PrinterSimulatorOptions {
  deviceId?: string;
  sheets?: number;
  msPerPage?: number;
}

export interface PrintedDocument {
  bytes: number;
  pages: number;
  pagesPrinted: number;
  /** Finished: every page came out. */
  complete: boolean;
}

export class A4PdfPrinterSimulator implements SimulatedPrinterDevice {
  readonly deviceId: string;
  readonly documents: PrintedDocument[] = [];
  sheets: number;
  msPerPage: number;
  coverOpen = false;
  softResets = 0;
  private connected = true;
  private generation = 0;
  private incoming: Uint8Array[] = [];
  private printing: Promise<void> | undefined;

  constructor(options: A4PrinterSimulatorOptions = {}) {
    this.deviceId =
      options.deviceId ??
      'MFG:HP;MDL:LaserJet Pro M404dn;CMD:PJL,PCL,PCLXL,POSTSCRIPT,PDF;CLS:PRINTER;DES:HP LaserJet Pro M404dn;';
    this.sheets = options.sheets ?? 500;
    this.msPerPage = options.msPerPage ?? 0;
  }

  open(): TransferResult<UsbTransport> {
    if (!this.connected) return { ok: false, error: { code: 'disconnected' } };
    return { ok: true, value: new SimulatedPrinterHandle(this, this.generation) };
  }

  get plugged(): boolean {
    return this.connected;
  }

  unplug(): void {
    this.connected = false;
    this.generation++;
    this.incoming = [];
  }

  replug(): void {
    this.connected = true;
  }

  isLive(generation: number): boolean {
    return this.connected && generation === this.generation;
  }

  /** Resolves when the current document has finished or stopped. */
  async idle(): Promise<void> {
    await this.printing;
  }

  async receive(data: Uint8Array, generation: number): Promise<TransferResult<void>> {
    if (!this.isLive(generation)) return { ok: false, error: { code: 'disconnected' } };
    this.accept(data);
    return { ok: true, value: undefined };
  }

  /** This printer sends nothing back on bulk IN for PDF jobs. */
  async reply(
    _maxLength: number,
    generation: number,
    timeoutMs: number,
  ): Promise<TransferResult<Uint8Array>> {
    if (!this.isLive(generation)) return { ok: false, error: { code: 'disconnected' } };
    await sleep(Math.min(timeoutMs, 5));
    return { ok: false, error: { code: 'timeout' } };
  }

  private accept(data: Uint8Array): void {
    this.incoming.push(data.slice());
    const total = this.incoming.reduce((n, c) => n + c.length, 0);
    const all = new Uint8Array(total);
    let offset = 0;
    for (const chunk of this.incoming) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    const facts = inspectPdf(all);
    if (!facts.ok) return;
    this.incoming = [];
    const doc: PrintedDocument = {
      bytes: total,
      pages: facts.value.pages ?? 1,
      pagesPrinted: 0,
      complete: false,
    };
    this.documents.push(doc);
    const previous = this.printing ?? Promise.resolve();
    this.printing = previous.then(() => this.print(doc, this.generation));
  }

  private async print(doc: PrintedDocument, generation: number): Promise<void> {
    while (doc.pagesPrinted < doc.pages) {
      // A printer with no paper or an open cover waits; the host decides whether to give up.
      while (this.sheets <= 0 || this.coverOpen) {
        if (!this.isLive(generation) || this.flushed.has(doc)) return;
        await sleep(5);
      }
      if (!this.isLive(generation) || this.flushed.has(doc)) return;
      if (this.msPerPage > 0) await sleep(this.msPerPage);
      if (!this.isLive(generation) || this.flushed.has(doc)) return;
      this.sheets--;
      doc.pagesPrinted++;
    }
    doc.complete = true;
  }

  private readonly flushed = new Set<PrintedDocument>();

  control(setup: ControlSetup, length: number): TransferResult<Uint8Array> {
    if (setup.requestType === CLASS_IN_INTERFACE && setup.request === GET_DEVICE_ID) {
      return { ok: true, value: encodeDeviceIdReply(this.deviceId).slice(0, length) };
    }
    if (setup.requestType === CLASS_IN_INTERFACE && setup.request === GET_PORT_STATUS) {
      const paperEmpty = this.sheets <= 0;
      return {
        ok: true,
        value: Uint8Array.of(
          encodePortStatus({
            paperEmpty,
            selected: !paperEmpty && !this.coverOpen,
            noError: !this.coverOpen,
          }),
        ),
      };
    }
    if (
      setup.request === SOFT_RESET &&
      (setup.requestType === CLASS_OUT_OTHER || setup.requestType === CLASS_OUT_INTERFACE)
    ) {
      this.softResets++;
      this.incoming = [];
      for (const doc of this.documents) if (!doc.complete) this.flushed.add(doc);
      return { ok: true, value: new Uint8Array(0) };
    }
    return { ok: false, error: { code: 'stall' } };
  }
}
