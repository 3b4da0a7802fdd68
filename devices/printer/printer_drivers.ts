/**
 * The printer drivers built from a configured device: its options (printer_config.ts, already validated by the
 * config loader at start-up, checked again here because a factory may be handed any DeviceConfig) and the
 * transport the device manager opens.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';
import type { DeviceConfig } from '../device_config.js';
import { A4DocumentPrinter } from './document/a4_document_printer.js';
import { SpawnCommandRunner } from './document/command_runner.js';
import { type CupsIppClient, IpptoolClient } from './document/ipptool_client.js';
import { citizenPresenterStatusLayout, epsonStatusLayout } from './escpos/realtime_status.js';
import {
  type DocumentPrinterOptions,
  DocumentPrinterOptionsSchema,
  type TicketPrinterOptions,
  TicketPrinterOptionsSchema,
} from './printer_config.js';
import { EscPosTicketPrinter } from './ticket/escpos_ticket_printer.js';
import type { UsbTransportOpener } from './usb_transport_opener.js';

export type PrinterConfigResult<T> = Result<T, { code: 'bad-options'; detail: string }>;

/** Builds the IPP client of a CUPS queue; tests pass a fake CUPS instead of ipptool. */
export type CupsClientFactory = (queue: string, server: string) => CupsIppClient;

export const ipptoolClients: CupsClientFactory = (queue, server) =>
  new IpptoolClient({ queue, server, runner: new SpawnCommandRunner() });

function parse<T>(schema: z.ZodType<T>, options: Record<string, unknown>): PrinterConfigResult<T> {
  const parsed = schema.safeParse(options);
  return parsed.success
    ? ok(parsed.data)
    : err({ code: 'bad-options', detail: z.prettifyError(parsed.error) });
}

export function parseTicketPrinterOptions(
  options: Record<string, unknown>,
): PrinterConfigResult<TicketPrinterOptions> {
  return parse(TicketPrinterOptionsSchema, options);
}

export function parseDocumentPrinterOptions(
  options: Record<string, unknown>,
): PrinterConfigResult<DocumentPrinterOptions> {
  return parse(DocumentPrinterOptionsSchema, options);
}

/** The ticket printer driver for a configured `ticket-printer`, over whatever opener the transport layer gives. */
export function createTicketPrinter(
  config: DeviceConfig,
  open: UsbTransportOpener,
): PrinterConfigResult<EscPosTicketPrinter> {
  const options = parseTicketPrinterOptions(config.options);
  if (!options.ok) return options;
  const o = options.value;
  return ok(
    new EscPosTicketPrinter({
      open,
      profile: {
        codePage: o.codePage,
        codeTableOverride: o.codeTable,
        dotsPerLine: o.dotsPerLine,
        rasterBandRows: o.rasterBandRows,
        defaultQrModuleSize: o.qrModuleSize,
      },
      statusLayout: o.statusLayout === 'epson' ? epsonStatusLayout : citizenPresenterStatusLayout,
      printerInterface: o.printerInterface,
      transferTimeoutMs: o.transferTimeoutMs,
      jobTimeoutMs: o.jobTimeoutMs,
      completion: o.completion,
    }),
  );
}

/** The A4 printer for a configured `document-printer`: USB PDF route and/or CUPS queue. */
export function createDocumentPrinter(
  config: DeviceConfig,
  open: UsbTransportOpener | undefined,
  cupsClient: CupsClientFactory = ipptoolClients,
): PrinterConfigResult<A4DocumentPrinter> {
  const options = parseDocumentPrinterOptions(config.options);
  if (!options.ok) return options;
  const o = options.value;
  const usb = o.directUsb && open ? { open, warmupMs: o.warmupMs, msPerPage: o.msPerPage } : undefined;
  const cups = o.cupsQueue
    ? { client: cupsClient(o.cupsQueue, o.cupsServer), jobTimeoutMs: o.jobTimeoutMs }
    : undefined;
  if (!usb && !cups) {
    return err({
      code: 'bad-options',
      detail: 'a document printer needs directUsb with a USB device, or cupsQueue',
    });
  }
  return ok(new A4DocumentPrinter({ usb, cups }));
}
