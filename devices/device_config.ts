import { z } from 'zod';
import { DeviceKindSchema } from './device_status.js';

const hex16 = z
  .union([z.number().int().min(0).max(0xffff), z.string().regex(/^0x[0-9a-fA-F]{1,4}$/)])
  .transform((v) => (typeof v === 'number' ? v : Number.parseInt(v, 16)));

/**
 * One device as the terminal's configuration names it. `transport: 'simulated'` runs the byte-level
 * simulator of that kind in-process; `usb` and `hid` find the real device by vendor/product id; `serial` opens a
 * serial port by the path in its options, or finds the USB–serial adapter by vendor/product id.
 */
export const DeviceConfigSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  kind: DeviceKindSchema,
  transport: z.enum(['simulated', 'usb', 'hid', 'serial']),
  /** Driver variant within the kind, e.g. 'hid-pos' or 'keyboard-wedge' for scanners, 'escpos' for ticket printers. */
  model: z.string().optional(),
  vendorId: hex16.optional(),
  productId: hex16.optional(),
  /** The terminal goes out of service while a required device is unusable. */
  required: z.boolean().default(true),
  /** Free-form driver options (e.g. locker door → relay channel map, printer queue name). */
  options: z.record(z.string(), z.unknown()).default({}),
});
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;
