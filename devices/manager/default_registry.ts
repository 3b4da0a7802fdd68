import { simulatedCcidReaderFactory, usbCcidReaderFactory } from '../document/ccid/ccid_reader_factory.js';
import type { ManagedCcidReader } from '../document/ccid/managed_ccid_reader.js';
import {
  simulatedGa467ReaderFactory,
  usbGa467ReaderFactory,
} from '../document/ga467/ga467_reader_factory.js';
import type { ManagedGa467Reader } from '../document/ga467/managed_ga467_reader.js';
import { DriverRegistry } from './driver_registry.js';
import { hidLockerFactory, simulatedLockerFactory } from './locker_factory.js';
import {
  simulatedDocumentPrinterFactory,
  simulatedTicketPrinterFactory,
  usbDocumentPrinterFactory,
  usbTicketPrinterFactory,
} from './printer_factory.js';
import { hidScannerFactory, simulatedScannerFactory } from './scanner_factory.js';

declare module './driver_registry.js' {
  interface DriverByKind {
    'document-reader': ManagedCcidReader;
    'id-card-reader': ManagedGa467Reader;
  }
}

/**
 * Every driver the kiosk ships, by device kind and transport. A new device kind registers its factories here.
 */
export function createDefaultRegistry(): DriverRegistry {
  const registry = new DriverRegistry();
  registry.registerDriverFactory('barcode-scanner', 'simulated', simulatedScannerFactory);
  registry.registerDriverFactory('barcode-scanner', 'hid', hidScannerFactory);
  registry.registerDriverFactory('locker-controller', 'simulated', simulatedLockerFactory);
  registry.registerDriverFactory('locker-controller', 'hid', hidLockerFactory);
  registry.registerDriverFactory('ticket-printer', 'simulated', simulatedTicketPrinterFactory);
  registry.registerDriverFactory('ticket-printer', 'usb', usbTicketPrinterFactory);
  registry.registerDriverFactory('document-printer', 'simulated', simulatedDocumentPrinterFactory);
  registry.registerDriverFactory('document-printer', 'usb', usbDocumentPrinterFactory);
  registry.registerDriverFactory('document-reader', 'simulated', simulatedCcidReaderFactory);
  registry.registerDriverFactory('document-reader', 'usb', usbCcidReaderFactory);
  registry.registerDriverFactory('id-card-reader', 'simulated', simulatedGa467ReaderFactory);
  registry.registerDriverFactory('id-card-reader', 'usb', usbGa467ReaderFactory);
  return registry;
}
