/**
 * The printer part of a device's `options` in the terminal config (DeviceConfig.options is free-form), checked
 * with zod at start-up, and the drivers built from it. A bad option is a typed error naming the field, so the
 * kiosk refuses to start with a misconfigured printer instead of printing garbage.
 */
import { z } from 'zod';
import type { DeviceConfig } from '../device_config.js';
import { A4DocumentPrinter } from './document/a4_document_printer.js';
import type { CommandRunner } from './document/command_runner.js';
import { codePageNames } from './escpos/code_pages.js';
import { citizenPresenterStatusLayout, epsonStatusLayout } from './escpos/realtime_status.js';
import { defaultEscPosProfile } from './escpos/ticket_encoder.js';
import { EscPosTicketPrinter } from './ticket/escpos_ticket_printer.js';
import type { UsbTransportOpener } from './usb_transport_opener.js';

const printerInterfaceSchema = z.object({
  interfaceNumber: z.number().int().min(0).max(255).default(0),
  alternateSetting: z.number().int().min(0).max(255).default(0),
  configIndex: z.number().int().min(0).max(255).default(0),
});

export const TicketPrinterOptionsSchema = z.object({
  codePage: z.enum(codePageNames).default(defaultEscPosProfile.codePage),
  /** `ESC t` number when the vendor numbers the code page differently from Epson. */
  codeTable: z.number().int().min(0).max(255).optional(),
  dotsPerLine: z.number().int().min(8).max(4096).default(defaultEscPosProfile.dotsPerLine),
  rasterBandRows: z.number().int().min(1).max(2048).default(defaultEscPosProfile.rasterBandRows),
  qrModuleSize: z.number().int().min(1).max(16).default(defaultEscPosProfile.defaultQrModuleSize),
  statusLayout: z.enum(['epson', 'citizen-presenter']).default('epson'),
  /** `process-id` (GS ( H, TM-T88IV and later) or `paper-status` (GS r 1) for older models. */
  completion: z.enum(['process-id', 'paper-status']).default('process-id'),
  printerInterface: printerInterfaceSchema.default({
    interfaceNumber: 0,
    alternateSetting: 0,
    configIndex: 0,
  }),
  transferTimeoutMs: z.number().int().min(10).max(60_000).default(1000),
  jobTimeoutMs: z.number().int().min(100).max(600_000).default(30_000),
});
export type TicketPrinterOptions = z.infer<typeof TicketPrinterOptionsSchema>;

export const DocumentPrinterOptionsSchema = z.object({
  /** CUPS queue for printers that do not take PDF over USB (or that CUPS owns). */
  cupsQueue: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'CUPS queue names have no spaces, slashes or #')
    .optional(),
  /** Whether the kiosk may open the printer over USB itself (off when CUPS' usb backend holds it). */
  directUsb: z.boolean().default(true),
  warmupMs: z.number().int().min(0).max(120_000).default(10_000),
  msPerPage: z.number().int().min(0).max(60_000).default(3000),
  jobTimeoutMs: z.number().int().min(1000).max(3_600_000).default(180_000),
});
export type DocumentPrinterOptions = z.infer<typeof DocumentPrinterOptionsSchema>;

export type PrinterConfigResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: 'bad-options'; detail: string } };

function parse<T>(schema: z.ZodType<T>, options: Record<string, unknown>): PrinterConfigResult<T> {
  const parsed = schema.safeParse(options);
  if (!parsed.success)
    return { ok: false, error: { code: 'bad-options', detail: z.prettifyError(parsed.error) } };
  return { ok: true, value: parsed.data };
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
  return {
    ok: true,
    value: new EscPosTicketPrinter({
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
  };
}

/** The A4 printer for a configured `document-printer`: USB PDF route and/or CUPS queue. */
export function createDocumentPrinter(
  config: DeviceConfig,
  open: UsbTransportOpener | undefined,
  runner: CommandRunner,
): PrinterConfigResult<A4DocumentPrinter> {
  const options = parseDocumentPrinterOptions(config.options);
  if (!options.ok) return options;
  const o = options.value;
  const usb = o.directUsb && open ? { open, warmupMs: o.warmupMs, msPerPage: o.msPerPage } : undefined;
  const cups = o.cupsQueue ? { queue: o.cupsQueue, runner, jobTimeoutMs: o.jobTimeoutMs } : undefined;
  if (!usb && !cups) {
    return {
      ok: false,
      error: {
        code: 'bad-options',
        detail: 'a document printer needs directUsb with a USB device, or cupsQueue',
      },
    };
  }
  return { ok: true, value: new A4DocumentPrinter({ usb, cups }) };
}
