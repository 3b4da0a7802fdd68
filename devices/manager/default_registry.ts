import { serialDispenserFactory, simulatedDispenserFactory } from '../dispenser/index.js';
import {
  type ManagedCcidReader,
  type ManagedGa467Reader,
  simulatedCcidReaderFactory,
  simulatedGa467ReaderFactory,
  usbCcidReaderFactory,
  usbGa467ReaderFactory,
} from '../document/index.js';
import { hidKeypadFactory, simulatedKeypadFactory } from '../keypad/index.js';
import { hidLockerFactory, simulatedLockerFactory } from '../locker/index.js';
import {
  simulatedDocumentPrinterFactory,
  simulatedTicketPrinterFactory,
  usbDocumentPrinterFactory,
  usbTicketPrinterFactory,
} from '../printer/index.js';
import { hidScannerFactory, simulatedScannerFactory } from '../scanner/index.js';
import { hidVendingFactory, simulatedVendingFactory } from '../vending/index.js';
import { DriverRegistry } from './driver_registry.js';

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
  registry.registerDriverFactory('tactile-keypad', 'simulated', simulatedKeypadFactory);
  registry.registerDriverFactory('tactile-keypad', 'hid', hidKeypadFactory);
  registry.registerDriverFactory('document-dispenser', 'simulated', simulatedDispenserFactory);
  registry.registerDriverFactory('document-dispenser', 'serial', serialDispenserFactory);
  registry.registerDriverFactory('vending-unit', 'simulated', simulatedVendingFactory);
  registry.registerDriverFactory('vending-unit', 'hid', hidVendingFactory);
  return registry;
}
