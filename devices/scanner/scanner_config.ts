import { z } from 'zod';

/**
 * `DeviceConfig.options` of a barcode scanner, validated strictly at start-up (devices/device_options.ts).
 * `model` (on the device, not here) is 'hid-pos' (default; usage page 0x8C, report ID 2) or 'keyboard-wedge'.
 */
export const ScannerOptionsSchema = z
  .object({
    /** Keyboard wedge: whether the scanner sends an AIM symbology prefix (`]Q1`…) before the code. */
    aimPrefix: z.boolean().default(true),
    /** Silence that ends one code (between HID reports or wedge keystrokes). */
    gapMs: z.number().int().min(20).max(5_000).default(250),
  })
  .strict();
export type ScannerOptions = z.infer<typeof ScannerOptionsSchema>;
