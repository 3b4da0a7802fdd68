import type { Result } from '../../lib/result.js';
import type { DispenserSimulatorControls } from '../dispenser/simulator/dispenser_simulator_controls.js';
import type { DocumentReaderSimulatorControls } from '../document/ccid/simulator/ccid_simulator_controls.js';
import type { IdCardReaderSimulatorControls } from '../document/ga467/simulator/ga467_simulator_controls.js';
import type { KeypadSimulatorControls } from '../keypad/simulator/keypad_simulator_controls.js';
import type { LockerSimulatorControls } from '../locker/simulator/locker_simulator_controls.js';
import type {
  DocumentPrinterSimulatorControls,
  TicketPrinterSimulatorControls,
} from '../printer/simulator/printer_simulator_controls.js';
import type { ScannerSimulatorControls } from '../scanner/simulator/scanner_simulator_controls.js';
import type { VendingSimulatorControls } from '../vending/simulator/vending_simulator_controls.js';

/**
 * What the dev dock (and end-to-end tests) can do to a simulated device at runtime: one typed set of controls per
 * device kind, each declared beside its simulator (`devices/<kind>/simulator/<kind>_simulator_controls.ts`), so a
 * caller narrows on `kind` and never reaches into a simulator's internals. Every control returns a value; none
 * throws, whatever state the device is in.
 */

export interface PlugControls {
  readonly deviceId: string;
  readonly plugged: boolean;
  unplug(): void;
  replug(): void;
}

export type ControlResult = Result<void, string>;

/** How much paper a person leaves in a printer: none, a little (the near-end sensor trips), a full load. */
export const paperLevels = ['out', 'low', 'loaded'] as const;
export type PaperLevel = (typeof paperLevels)[number];

/** What every simulated printer offers: its paper and its cover. */
export interface PrinterSensorControls {
  setPaper(level: PaperLevel): void;
  openCover(): void;
  closeCover(): void;
}

/** What every simulated reader offers: the sample documents a person can place on it, and taking one away. */
export interface ReaderSampleControls {
  /** The names of the sample documents this reader can be given (see devices/document/simulated_documents.ts). */
  samples(): string[];
  /** A person places a fresh copy of sample `name` on the reader. */
  placeSample(name: string): Promise<ControlResult>;
  /** A person takes the document away (nothing happens when there is none). */
  takeDocument(): void;
  documentPresent(): boolean;
}

export type SimulatorControls =
  | ScannerSimulatorControls
  | LockerSimulatorControls
  | TicketPrinterSimulatorControls
  | DocumentPrinterSimulatorControls
  | DocumentReaderSimulatorControls
  | IdCardReaderSimulatorControls
  | DispenserSimulatorControls
  | KeypadSimulatorControls
  | VendingSimulatorControls;
