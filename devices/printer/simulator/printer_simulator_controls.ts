/**
 * What the dev dock and end-to-end tests may do to the simulated printers at runtime: the plug (`PlugControls`),
 * the paper and the cover every printer has (`PrinterSensorControls`), and each model's own sensors. Every control
 * returns a value; none throws.
 */
import { simulatorControlsWithPlug } from '../../simulator/plug_controls.js';
import type { PaperLevel, PlugControls, PrinterSensorControls } from '../../simulator/simulator_controls.js';
import type { A4PdfPrinterSimulator } from './a4_pdf_printer_simulator.js';
import type { EscPosTicketPrinterSimulator } from './escpos_ticket_printer_simulator.js';

export interface TicketPrinterSimulatorControls extends PlugControls, PrinterSensorControls {
  readonly kind: 'ticket-printer';
  /** Staff load a fresh roll of `lines` text lines (default: a full roll). */
  loadPaper(lines?: number): void;
  /** The roll runs out now. */
  runOutOfPaper(): void;
  /** Leave only `lines` on the roll with the near-end sensor tripped. */
  setPaperLow(lines?: number): void;
  /** Text of everything printed so far, for a dock's "paper" view. */
  printedLines(): string[];
}

export interface DocumentPrinterSimulatorControls extends PlugControls, PrinterSensorControls {
  readonly kind: 'document-printer';
  setSheets(sheets: number): void;
  printedDocuments(): { pages: number; pagesPrinted: number; complete: boolean }[];
}

const FULL_ROLL_LINES = 2500;
const LOW_ROLL_LINES = 50;
const FULL_TRAY_SHEETS = 500;
const LOW_TRAY_SHEETS = 5;

export function ticketPrinterControls(
  deviceId: string,
  sim: EscPosTicketPrinterSimulator,
): TicketPrinterSimulatorControls {
  const loadPaper = (lines = FULL_ROLL_LINES) => sim.loadPaper(lines);
  const runOutOfPaper = () => sim.loadPaper(0);
  const setPaperLow = (lines = LOW_ROLL_LINES) => sim.loadPaper(lines, Math.max(lines, 1));
  const paper: Record<PaperLevel, () => void> = {
    out: runOutOfPaper,
    low: () => setPaperLow(),
    loaded: () => loadPaper(),
  };
  return simulatorControlsWithPlug<TicketPrinterSimulatorControls>('ticket-printer', deviceId, sim, {
    setPaper: (level) => paper[level](),
    loadPaper,
    runOutOfPaper,
    setPaperLow,
    openCover: () => sim.openCover(),
    closeCover: () => sim.closeCover(),
    printedLines: () => sim.engine.textLines(),
  });
}

export function documentPrinterControls(
  deviceId: string,
  sim: A4PdfPrinterSimulator,
): DocumentPrinterSimulatorControls {
  const setSheets = (sheets: number) => {
    sim.sheets = Math.max(0, Math.floor(sheets));
  };
  const sheets: Record<PaperLevel, number> = { out: 0, low: LOW_TRAY_SHEETS, loaded: FULL_TRAY_SHEETS };
  return simulatorControlsWithPlug<DocumentPrinterSimulatorControls>('document-printer', deviceId, sim, {
    setPaper: (level) => setSheets(sheets[level]),
    setSheets,
    openCover: () => {
      sim.coverOpen = true;
    },
    closeCover: () => {
      sim.coverOpen = false;
    },
    printedDocuments: () =>
      sim.documents.map(({ pages, pagesPrinted, complete }) => ({ pages, pagesPrinted, complete })),
  });
}
