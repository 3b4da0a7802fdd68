/**
 * Printers for `transport: 'simulated'` in the terminal config (development, browser mode, end-to-end tests):
 * the real drivers over the byte-level simulators, returned together so a dev dock can pull the paper, open a
 * cover or unplug the device while the driver runs.
 */
import { A4DocumentPrinter } from './document/a4_document_printer.js';
import {
  A4PdfPrinterSimulator,
  type A4PrinterSimulatorOptions,
} from './simulator/a4_pdf_printer_simulator.js';
import {
  type EscPosSimulatorOptions,
  EscPosTicketPrinterSimulator,
} from './simulator/escpos_ticket_printer_simulator.js';
import { EscPosTicketPrinter, type EscPosTicketPrinterOptions } from './ticket/escpos_ticket_printer.js';

export function createSimulatedTicketPrinter(
  simulatorOptions: EscPosSimulatorOptions = {},
  driverOptions: Omit<EscPosTicketPrinterOptions, 'open'> = {},
): { printer: EscPosTicketPrinter; simulator: EscPosTicketPrinterSimulator } {
  const simulator = new EscPosTicketPrinterSimulator({
    latencyMsPerLine: 2,
    nearEndLines: 200,
    ...simulatorOptions,
  });
  const printer = new EscPosTicketPrinter({ ...driverOptions, open: async () => simulator.open() });
  return { printer, simulator };
}

export function createSimulatedDocumentPrinter(simulatorOptions: A4PrinterSimulatorOptions = {}): {
  printer: A4DocumentPrinter;
  simulator: A4PdfPrinterSimulator;
} {
  const simulator = new A4PdfPrinterSimulator({ msPerPage: 200, ...simulatorOptions });
  // Timings match the simulator's speed so a simulated job confirms in about the time it "prints".
  const printer = new A4DocumentPrinter({
    usb: {
      open: async () => simulator.open(),
      warmupMs: 100,
      msPerPage: simulator.msPerPage,
      pollIntervalMs: 50,
    },
  });
  return { printer, simulator };
}
