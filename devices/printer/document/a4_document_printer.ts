/**
 * The kiosk's A4 document printer: picks the route per printer. A USB printer whose IEEE 1284 `CMD:` lists PDF
 * gets the PDF directly over the printer class; any other printer is printed through the OS spooler (CUPS `lp`),
 * which owns the drivers that turn PDF into the printer's language. The route is chosen on first use, from the
 * device ID, and again after a disconnect.
 */

import { err } from '../../../lib/result.js';
import type { PrinterState } from '../../device_status.js';
import type { DocumentPrinter, PrintOutcome } from '../printer.js';
import { StatusListeners } from '../status_listeners.js';
import type { ClassResult } from '../usb_printer_class/class_requests.js';
import { acceptsPdf, type DeviceId } from '../usb_printer_class/ieee1284_device_id.js';
import { CupsDocumentPrinter, type CupsDocumentPrinterOptions } from './cups_document_printer.js';
import type { MarkerLevel } from './ipp_states.js';
import { UsbPdfDocumentPrinter, type UsbPdfDocumentPrinterOptions } from './usb_pdf_document_printer.js';

export interface A4DocumentPrinterOptions {
  /** The printer on USB, when the kiosk can open it (it cannot when CUPS' usb backend holds it). */
  usb?: UsbPdfDocumentPrinterOptions;
  cups?: CupsDocumentPrinterOptions;
}

export type A4Route = 'usb-pdf' | 'cups';

export class A4DocumentPrinter implements DocumentPrinter {
  private readonly listeners: StatusListeners;
  private readonly usb: UsbPdfDocumentPrinter | undefined;
  private readonly cups: CupsDocumentPrinter | undefined;
  private route: A4Route | undefined;

  constructor(options: A4DocumentPrinterOptions) {
    this.usb = options.usb ? new UsbPdfDocumentPrinter(options.usb) : undefined;
    this.cups = options.cups ? new CupsDocumentPrinter(options.cups) : undefined;
    this.listeners = new StatusListeners(this.usb ? { state: 'disconnected' } : { state: 'ready' });
    // Only the route in use speaks for the printer.
    this.usb?.onStatus((s) => {
      if (this.route !== 'cups') this.listeners.set(s);
    });
    this.cups?.onStatus((s) => {
      if (this.route === 'cups') this.listeners.set(s);
    });
  }

  /** The route chosen so far, if any. */
  get currentRoute(): A4Route | undefined {
    return this.route;
  }

  status(): PrinterState {
    return this.listeners.current;
  }

  onStatus(listener: (state: PrinterState) => void): () => void {
    return this.listeners.add(listener);
  }

  /** The printer's IEEE 1284 device ID over USB (maintenance's inventory); undefined for a CUPS-only printer. */
  readDeviceId(): Promise<ClassResult<DeviceId>> | undefined {
    return this.usb?.readDeviceId();
  }

  /**
   * Toner and ink as the printer reports them through CUPS; undefined on the USB PDF route (the IEEE 1284 status
   * byte says paper empty, nothing of supplies) or before the spooler answered.
   */
  markerLevels(): readonly MarkerLevel[] | undefined {
    return this.route === 'cups' ? this.cups?.markerLevels() : undefined;
  }

  async chooseRoute(): Promise<A4Route | undefined> {
    if (this.route) return this.route;
    if (this.usb) {
      const id = await this.usb.readDeviceId();
      if (id.ok && acceptsPdf(id.value)) this.route = 'usb-pdf';
      else if (this.cups) this.route = 'cups';
    } else if (this.cups) {
      this.route = 'cups';
    }
    return this.route;
  }

  async printPdf(pdf: Uint8Array, jobName: string): Promise<PrintOutcome> {
    const route = await this.chooseRoute();
    if (route === 'usb-pdf' && this.usb) {
      const outcome = await this.usb.printPdf(pdf, jobName);
      // After a disconnect the printer may come back as a different model: choose again next time.
      if (!outcome.ok && outcome.error.reason === 'disconnected') this.route = undefined;
      return outcome;
    }
    if (route === 'cups' && this.cups) return this.cups.printPdf(pdf, jobName);
    const outcome: PrintOutcome = this.usb
      ? err({ reason: 'disconnected' })
      : err({ reason: 'error', detail: 'no-pdf-route' });
    if (!outcome.ok)
      this.listeners.set(this.usb ? { state: 'disconnected' } : { state: 'error', code: 'no-pdf-route' });
    return outcome;
  }

  async refreshStatus(): Promise<PrinterState> {
    const route = await this.chooseRoute();
    if (route === 'usb-pdf' && this.usb) return this.usb.refreshStatus();
    if (route === 'cups' && this.cups) return this.cups.refreshStatus();
    return this.listeners.current;
  }
}
