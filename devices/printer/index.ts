/**
 * Ticket (ESC/POS) and A4 document printers: this folder's public surface. Code outside devices/ imports the
 * printers from here only (test/architecture/import_rules.test.ts checks it); tests and benchmarks may reach inside.
 */
export type { A4DocumentPrinter } from './document/a4_document_printer.js';
export type { MarkerLevel } from './document/ipp_states.js';
export { buildTestPagePdf } from './document/test_page_pdf.js';
export type {
  DocumentPrinter,
  MonoBitmap,
  PrinterKind,
  PrintFailure,
  PrintOutcome,
  TicketPrinter,
} from './printer.js';
export { printerKinds } from './printer.js';
export {
  simulatedDocumentPrinterFactory,
  simulatedTicketPrinterFactory,
  usbDocumentPrinterFactory,
  usbTicketPrinterFactory,
} from './printer_factory.js';
export type {
  DocumentPrinterSimulatorControls,
  TicketPrinterSimulatorControls,
} from './simulator/printer_simulator_controls.js';
export type { EscPosTicketPrinter } from './ticket/escpos_ticket_printer.js';
