import { z } from 'zod';
import { crt591Profile } from './profiles/crt591.js';
import type { DispenserProfile } from './profiles/dispenser_profile.js';

/**
 * `DeviceConfig.options` of a document dispenser, validated at start-up (strict: a misspelt key is an error, not a
 * silently ignored setting). Example for a CRT-591 on an FTDI cable:
 *   { "path": "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K3XYZ-if00-port0", "baudRate": 9600, "address": 0,
 *     "profile": "crt591", "timeouts": { "takeMs": 30000 } }
 * Without `path`, the adapter is found by the device's `vendorId`/`productId` (and `serialNumber`).
 */
export const dispenserProfiles: Readonly<Record<string, DispenserProfile>> = { crt591: crt591Profile };

const baudRates = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
const ms = (min: number, max: number) => z.number().int().min(min).max(max);

export const DispenserOptionsSchema = z
  .object({
    path: z
      .string()
      .regex(
        /^(\/dev\/[A-Za-z0-9._:+/-]+|COM[0-9]{1,3})$/,
        'a serial device such as /dev/serial/by-id/… or COM3',
      )
      .refine((path) => !path.includes('..'), 'no ".." in a device path')
      .optional(),
    /** The USB–serial adapter's serial number, when two identical adapters are fitted. */
    serialNumber: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .optional(),
    /** As set on the dispenser's DIP switches; the profile's default otherwise. */
    baudRate: z
      .number()
      .refine((rate) => (baudRates as readonly number[]).includes(rate), `one of ${baudRates.join(', ')}`)
      .optional(),
    /** The unit's bus address (DIP switches). */
    address: z.number().int().min(0).max(15).default(0),
    profile: z.enum(['crt591']).default('crt591'),
    /** Resends after a NAK, and NAKs for a damaged answer. */
    retries: z.number().int().min(0).max(5).default(2),
    /** Idle status read that notices a taken card, a low stacker or an unplugged adapter. */
    pollIntervalMs: ms(100, 60_000).default(1_000),
    timeouts: z
      .object({
        /** The profile's ACK time when absent (300 ms for a CRT-591). */
        ackMs: ms(10, 5_000).optional(),
        statusMs: ms(50, 10_000).default(1_000),
        initialiseMs: ms(100, 60_000).default(10_000),
        dispenseMs: ms(100, 60_000).default(10_000),
        retractMs: ms(100, 60_000).default(10_000),
        /** How long a resident has to take the card when the caller does not say. */
        takeMs: ms(1_000, 600_000).default(30_000),
      })
      .strict()
      .prefault({}),
    /** Simulated dispensers only: the cards in the stacker at start. */
    simulatedCards: z.number().int().min(0).max(1_000).optional(),
  })
  .strict();

export type DispenserOptions = z.infer<typeof DispenserOptionsSchema>;
