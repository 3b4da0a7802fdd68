/**
 * What the dev dock and end-to-end tests may do to the simulated printers at runtime: the plug (`PlugControls`)
 * plus the printer's own sensors in `extra`. Every control returns a value; none throws.
 */
import { simulatorControlsWithPlug } from '../../simulator/plug_controls.js';
import type { PlugControls } from '../../simulator/simulator_controls.js';
import type { A4PdfPrinterSimulator } from './a4_pdf_printer_simulator.js';
import type { EscPosTicketPrinterSimulator } from './escpos_ticket_printer_simulator.js';

export interface TicketPrinterSensorControls {
  /** Staff load a fresh roll of `lines` text lines (default: a full roll). */
  loadPaper(lines?: number): void;
  /** The roll runs out now. */
  runOutOfPaper(): void;
  /** Leave only `lines` on the roll with the near-end sensor tripped. */
  setPaperLow(lines?: number): void;
  openCover(): void;
  closeCover(): void;
  /** Text of everything printed so far, for a dock's "paper" view. */
  printedLines(): string[];
}

export interface TicketPrinterSimulatorControls extends PlugControls {
  readonly kind: 'ticket-printer';
  readonly extra: TicketPrinterSensorControls;
}

export interface DocumentPrinterSensorControls {
  setSheets(sheets: number): void;
  openCover(): void;
  closeCover(): void;
  printedDocuments(): { pages: number; pagesPrinted: number; complete: boolean }[];
}

export interface DocumentPrinterSimulatorControls extends PlugControls {
  readonly kind: 'document-printer';
  readonly extra: DocumentPrinterSensorControls;
}

const FULL_ROLL_LINES = 2500;

export function ticketPrinterControls(
  deviceId: string,
  sim: EscPosTicketPrinterSimulator,
): TicketPrinterSimulatorControls {
  return simulatorControlsWithPlug<TicketPrinterSimulatorControls>('ticket-printer', deviceId, sim, {
    extra: {
      loadPaper: (lines = FULL_ROLL_LINES) => sim.loadPaper(lines),
      runOutOfPaper: () => sim.loadPaper(0),
      setPaperLow: (lines = 50) => sim.loadPaper(lines, Math.max(lines, 1)),
      openCover: () => sim.openCover(),
      closeCover: () => sim.closeCover(),
      printedLines: () => sim.engine.textLines(),
    },
  });
}

export function documentPrinterControls(
  deviceId: string,
  sim: A4PdfPrinterSimulator,
): DocumentPrinterSimulatorControls {
  return simulatorControlsWithPlug<DocumentPrinterSimulatorControls>('document-printer', deviceId, sim, {
    extra: {
      setSheets: (sheets) => {
        sim.sheets = Math.max(0, Math.floor(sheets));
      },
      openCover: () => {
        sim.coverOpen = true;
      },
      closeCover: () => {
        sim.coverOpen = false;
      },
      printedDocuments: () =>
        sim.documents.map(({ pages, pagesPrinted, complete }) => ({ pages, pagesPrinted, complete })),
    },
  });
}
