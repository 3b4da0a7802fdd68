import type { DeviceConfig } from '../../devices/device_config.js';
import type { DeviceStatus } from '../../devices/device_status.js';
import type { CardDispenser } from '../../devices/dispenser/index.js';
import type { ManagedCcidReader, ManagedGa467Reader } from '../../devices/document/index.js';
import type { KeypadPress } from '../../devices/keypad/index.js';
import type { LockerController } from '../../devices/locker/index.js';
import type { A4DocumentPrinter, EscPosTicketPrinter } from '../../devices/printer/index.js';
import type { BarcodeScanner } from '../../devices/scanner/index.js';
import type { VendingController } from '../../devices/vending/index.js';
import type { PrinterRegistration } from '../journal/print_pipeline.js';
import type { SimulatedDevice, SimulatorAction, SimulatorActionResult } from '../rpc/dev_contract.js';

/** A configured device's driver, by its configured id. */
export interface DriverRegistration<D> {
  id: string;
  driver: D;
}

/**
 * What the kiosk services need of the device layer: live statuses pushed on change, the printers for the print
 * pipeline, the readers and scanners a flow identifies a resident with, the document dispensers and locker doors
 * for the flows that release documents, and the dev dock's control of simulated devices. `ManagerDeviceHub` is the one implementation; tests
 * use it over simulated devices.
 */
export interface DeviceHub {
  statuses(): DeviceStatus[];
  onStatus(listener: (statuses: DeviceStatus[]) => void): () => void;
  /** The simulated devices and what the dock can do to them (empty on a kiosk with real devices only). */
  simulators(): SimulatedDevice[];
  simulate(action: SimulatorAction): Promise<SimulatorActionResult>;
  /** Every key pressed on any tactile keypad, with the keypad's id (audio guidance and focus follow them). */
  onKeypad(listener: (deviceId: string, press: KeypadPress) => void): () => void;
  /** The configured printers' drivers, for the print pipeline. */
  printers(): PrinterRegistration[];
  /** The configured eMRTD readers (CCID): passports, travel permits, identity cards with a chip. */
  documentReaders(): DriverRegistration<ManagedCcidReader>[];
  /** The configured GA 467 readers: the residence permit for Macao residents (Hengqin). */
  idCardReaders(): DriverRegistration<ManagedGa467Reader>[];
  /** The configured barcode scanners: Macao One Account QR codes, booking slips, pickup codes. */
  scanners(): DriverRegistration<BarcodeScanner>[];
  /** The configured document dispensers (card-sized documents). */
  dispensers(): DriverRegistration<CardDispenser>[];
  /** The configured locker controllers (documents that are not card-sized are released through a locker door). */
  lockers(): DriverRegistration<LockerController>[];
  /** The configured publications vending units (spiral motors and a drop sensor). */
  vendingUnits(): DriverRegistration<VendingController>[];
  /** The configured devices as the configuration names them (kind, transport, model, USB ids, required). */
  configs(): DeviceConfig[];
  /** The ticket printers' and A4 printers' own drivers: maintenance's test prints and their 1284 device IDs. */
  ticketPrinters(): DriverRegistration<EscPosTicketPrinter>[];
  documentPrinters(): DriverRegistration<A4DocumentPrinter>[];
  /** Closes a device's handle and opens it again (maintenance's "reconnect"); false for an unknown device. */
  reconnect(deviceId: string): Promise<boolean>;
  close(): Promise<void>;
}
