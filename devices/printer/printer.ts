/**
 * What the print pipeline needs of a printer. Drivers implement these over the USB printer class (ESC/POS ticket
 * printers) or the OS spooler (A4 document printers). `print` resolves only when the printer's own status
 * confirms the job went out; every fault is a `PrintFailure`, never an exception.
 */
import type { Result } from '../../lib/result.js';
import type { DeviceKind, PrinterState } from '../device_status.js';

/** The printer kinds, named as the device layer names them; the journal, the contract and the screens use these. */
export const printerKinds = ['ticket-printer', 'document-printer'] as const satisfies readonly DeviceKind[];
export type PrinterKind = (typeof printerKinds)[number];

export type PrintFailure =
  | { reason: 'no-paper' }
  | { reason: 'cover-open' }
  | { reason: 'disconnected' }
  | { reason: 'timeout' }
  /** The spooler's queue is stopped (paused by staff, or by CUPS after a backend error) or refuses jobs. */
  | { reason: 'queue-stopped' }
  /** The spooler ended the job without printing it (aborted, cancelled, stopped on a filter error, held). */
  | { reason: 'job-aborted'; detail: string }
  /** The spooler itself cannot be reached (cupsd not running, or its IPP client missing). */
  | { reason: 'spooler-unavailable'; detail: string }
  | { reason: 'error'; detail: string };

export type PrintOutcome = Result<void, PrintFailure>;

/** A 1-bit image, rows top to bottom, each row `ceil(width / 8)` bytes, MSB = leftmost pixel, 1 = black. */
export interface MonoBitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface TicketPrinter {
  status(): PrinterState;
  onStatus(listener: (state: PrinterState) => void): () => void;
  /** Print a raster ticket and cut the paper. */
  printRaster(ticket: MonoBitmap): Promise<PrintOutcome>;
}

export interface DocumentPrinter {
  status(): PrinterState;
  onStatus(listener: (state: PrinterState) => void): () => void;
  /** Print an A4 PDF; `jobName` names the job in the spooler (never personal data). */
  printPdf(pdf: Uint8Array, jobName: string): Promise<PrintOutcome>;
}
