import { err, ok } from '../../lib/result.js';
import type { DriverContext, DriverFactoryResult, ManagedDevice } from '../manager/driver_registry.js';
import type { SimulatorControls } from '../simulator/simulator_controls.js';
import type { A4DocumentPrinter } from './document/a4_document_printer.js';
import type { DocumentPrinter, TicketPrinter } from './printer.js';
import {
  createDocumentPrinter,
  createTicketPrinter,
  parseDocumentPrinterOptions,
} from './printer_drivers.js';
import { createSimulatedDocumentPrinter } from './simulated_printers.js';
import { EscPosTicketPrinterSimulator } from './simulator/escpos_ticket_printer_simulator.js';
import { documentPrinterControls, ticketPrinterControls } from './simulator/printer_simulator_controls.js';
import { PrinterStatusPoller, type RefreshablePrinter } from './status_poller.js';
import type { EscPosTicketPrinter } from './ticket/escpos_ticket_printer.js';

declare module '../manager/driver_registry.js' {
  interface DriverByKind {
    'ticket-printer': EscPosTicketPrinter;
    'document-printer': A4DocumentPrinter;
  }
}

/** USB printer class (bInterfaceClass 0x07): the interface both printer kinds claim. */
const printerInterfaceClass = 0x07;
/** Between jobs, how often a printer's sensors are read so staff see paper-low or an open cover at once. */
const statusPollMs = 2000;

type PrinterDriver = (TicketPrinter | DocumentPrinter) & RefreshablePrinter & { close?(): Promise<void> };

function managed<K extends 'ticket-printer' | 'document-printer'>(
  driver: K extends 'ticket-printer' ? EscPosTicketPrinter : A4DocumentPrinter,
  simulator?: SimulatorControls,
): ManagedDevice<K> {
  const printer: PrinterDriver = driver;
  const poller = new PrinterStatusPoller(printer, statusPollMs);
  return {
    driver: driver as ManagedDevice<K>['driver'],
    status: () => printer.status(),
    onStatus: (listener) => printer.onStatus(listener),
    start: () => poller.start(),
    stop: async () => {
      poller.stop();
      await printer.close?.();
    },
    busChanged: () => void poller.pollNow(),
    simulator,
  };
}

export function simulatedTicketPrinterFactory(context: DriverContext): DriverFactoryResult<'ticket-printer'> {
  const simulator = new EscPosTicketPrinterSimulator({ latencyMsPerLine: 2, nearEndLines: 200 });
  const created = createTicketPrinter(context.config, async () => simulator.open());
  if (!created.ok) return created;
  return ok(managed<'ticket-printer'>(created.value, ticketPrinterControls(context.config.id, simulator)));
}

export function usbTicketPrinterFactory(context: DriverContext): DriverFactoryResult<'ticket-printer'> {
  const { vendorId, productId } = context.config;
  if (vendorId === undefined || productId === undefined)
    return err({ code: 'bad-options', detail: 'a usb ticket printer needs vendorId and productId' });
  const created = createTicketPrinter(context.config, () =>
    context.hardware.openUsb({ vendorId, productId, interfaceClass: printerInterfaceClass }),
  );
  return created.ok ? ok(managed<'ticket-printer'>(created.value)) : created;
}

export function simulatedDocumentPrinterFactory(
  context: DriverContext,
): DriverFactoryResult<'document-printer'> {
  const options = parseDocumentPrinterOptions(context.config.options);
  if (!options.ok) return options;
  const { printer, simulator } = createSimulatedDocumentPrinter();
  return ok(managed<'document-printer'>(printer, documentPrinterControls(context.config.id, simulator)));
}

export function usbDocumentPrinterFactory(context: DriverContext): DriverFactoryResult<'document-printer'> {
  const { vendorId, productId } = context.config;
  const open =
    vendorId !== undefined && productId !== undefined
      ? () => context.hardware.openUsb({ vendorId, productId, interfaceClass: printerInterfaceClass })
      : undefined;
  const created = createDocumentPrinter(context.config, open);
  return created.ok ? ok(managed<'document-printer'>(created.value)) : created;
}
