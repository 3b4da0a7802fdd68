/**
 * Printer commands for the `balcao` CLI (staff and developers on the kiosk's console). Each returns the text to
 * print; the lead's bin wires them to sub-commands. Console text for staff, in English, not resident-facing
 * strings (those come from locales/).
 */
import type { PrinterState } from '../device_status.js';
import type { DocumentPrinter, PrintFailure, PrintOutcome } from './printer.js';
import type { ClassResult } from './usb_printer_class/class_requests.js';
import type { DeviceId } from './usb_printer_class/ieee1284_device_id.js';

/** A ticket printer that can print its self-test ticket (EscPosTicketPrinter). */
export interface SelfTestTicketPrinter {
  printTestTicket(): Promise<PrintOutcome>;
  refreshStatus(): Promise<PrinterState>;
}

export interface StatusSource {
  refreshStatus(): Promise<PrinterState>;
}

export interface DeviceIdSource {
  readDeviceId(): Promise<ClassResult<DeviceId>>;
}

export function describeFailure(failure: PrintFailure): string {
  switch (failure.reason) {
    case 'no-paper':
      return 'out of paper: load a new roll or refill the tray';
    case 'cover-open':
      return 'cover open: close the printer cover';
    case 'disconnected':
      return 'printer not connected: check the USB cable and power';
    case 'timeout':
      return 'printer did not answer in time';
    case 'queue-stopped':
      return 'the CUPS queue is stopped or refuses jobs: check it (lpstat -p), then cupsenable / cupsaccept it';
    case 'job-aborted':
      return `CUPS ended the job without printing it (${failure.detail}); it has been cancelled`;
    case 'spooler-unavailable':
      return `CUPS cannot be reached (${failure.detail}): is cupsd running?`;
    case 'error':
      return `printer error: ${failure.detail}`;
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

export function describeState(state: PrinterState): string {
  switch (state.state) {
    case 'ready':
      return 'ready';
    case 'busy':
      return 'busy (printing)';
    case 'paper-low':
      return 'ready, paper low (near end)';
    case 'no-paper':
      return 'out of paper';
    case 'cover-open':
      return 'cover open';
    case 'disconnected':
      return 'disconnected';
    case 'error':
      return `error ${state.code}${state.detail ? ` (${state.detail})` : ''}`;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** `balcao printer test-ticket`: print the self-test ticket and say whether the printer confirmed it. */
export async function printTestTicket(printer: SelfTestTicketPrinter): Promise<string> {
  const outcome = await printer.printTestTicket();
  if (!outcome.ok) return `Test ticket FAILED — ${describeFailure(outcome.error)}`;
  const state = await printer.refreshStatus();
  return `Test ticket printed and confirmed by the printer. Printer now: ${describeState(state)}.`;
}

/** `balcao printer test-page <file.pdf>`: print an A4 test page and report the outcome. */
export async function printTestPage(printer: DocumentPrinter, pdfBytes: Uint8Array): Promise<string> {
  const outcome = await printer.printPdf(pdfBytes, 'balcao-test-page');
  if (!outcome.ok) return `Test page FAILED — ${describeFailure(outcome.error)}`;
  return `Test page printed (${pdfBytes.length} bytes). Printer now: ${describeState(printer.status())}.`;
}

/** `balcao printer status`: poll the printer and describe its state. */
export async function printerStatus(name: string, printer: StatusSource): Promise<string> {
  return `${name}: ${describeState(await printer.refreshStatus())}`;
}

/** `balcao printer id`: the printer's IEEE 1284 device ID, field by field. */
export async function printerDeviceId(printer: DeviceIdSource): Promise<string> {
  const id = await printer.readDeviceId();
  if (!id.ok) {
    const error = id.error;
    const why =
      error.code === 'transfer'
        ? error.failure.code
        : error.code === 'device-id'
          ? error.error.code
          : error.error.code;
    return `Could not read the device ID: ${why}`;
  }
  const lines = [
    `Manufacturer: ${id.value.manufacturer}`,
    `Model:        ${id.value.model}`,
    `Commands:     ${id.value.commandSet.join(', ') || '(none listed)'}`,
  ];
  if (id.value.deviceClass) lines.push(`Class:        ${id.value.deviceClass}`);
  if (id.value.description) lines.push(`Description:  ${id.value.description}`);
  if (id.value.serialNumber) lines.push(`Serial:       ${id.value.serialNumber}`);
  return lines.join('\n');
}
