/**
 * The printer part of a device's `options` in the terminal config: one strict zod schema per printer kind. The
 * config loader applies them at start-up (devices/device_options.ts), so an unknown or misspelt option, or a value
 * of the wrong type, stops the kiosk with a message naming the field instead of being dropped without a word.
 * The drivers built from these options are in printer_drivers.ts.
 */
import { z } from 'zod';
import { codePageNames } from './escpos/code_pages.js';
import { defaultEscPosProfile } from './escpos/ticket_encoder.js';

const printerInterfaceSchema = z
  .object({
    interfaceNumber: z.number().int().min(0).max(255).default(0),
    alternateSetting: z.number().int().min(0).max(255).default(0),
    configIndex: z.number().int().min(0).max(255).default(0),
  })
  .strict();

export const TicketPrinterOptionsSchema = z
  .object({
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
  })
  .strict();
export type TicketPrinterOptions = z.infer<typeof TicketPrinterOptionsSchema>;

export const DocumentPrinterOptionsSchema = z
  .object({
    /** CUPS queue for printers that do not take PDF over USB (or that CUPS owns). */
    cupsQueue: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'CUPS queue names have no spaces, slashes or #')
      .optional(),
    /** Where cupsd listens: `host:port`, or the absolute path of its domain socket (`/run/cups/cups.sock`). */
    cupsServer: z
      .string()
      .regex(
        /^(\/[^\0]+|[A-Za-z0-9.-]+:\d{1,5})$/,
        'host:port (localhost:631) or a socket path (/run/cups/cups.sock)',
      )
      .default('localhost:631'),
    /** Whether the kiosk may open the printer over USB itself (off when CUPS' usb backend holds it). */
    directUsb: z.boolean().default(true),
    warmupMs: z.number().int().min(0).max(120_000).default(10_000),
    msPerPage: z.number().int().min(0).max(60_000).default(3000),
    jobTimeoutMs: z.number().int().min(1000).max(3_600_000).default(180_000),
  })
  .strict();
export type DocumentPrinterOptions = z.infer<typeof DocumentPrinterOptionsSchema>;
