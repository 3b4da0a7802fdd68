/** The `options` of a configured GA 467 reader (`DeviceConfig.options`), validated with zod at the config boundary. */
import { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import type { Ga467UsbLinkOptions } from './ga467_link.js';
import type { Ga467ReaderOptions } from './ga467_reader.js';

export const Ga467ReaderOptionsSchema = z
  .object({
    timeoutMs: z.number().int().min(10).max(60_000).optional(),
    readTimeoutMs: z.number().int().min(10).max(120_000).optional(),
    pollIntervalMs: z.number().int().min(50).max(60_000).optional(),
    readSize: z.number().int().min(8).max(65_536).optional(),
    writeTimeoutMs: z.number().int().min(10).max(60_000).optional(),
  })
  .strict();

export type Ga467OptionsResult = Result<
  { reader: Ga467ReaderOptions; link: Ga467UsbLinkOptions },
  { code: 'invalid-options'; issues: string[] }
>;

export function ga467OptionsFromConfig(options: Record<string, unknown>): Ga467OptionsResult {
  const parsed = Ga467ReaderOptionsSchema.safeParse(options);
  if (!parsed.success) {
    return err({
      code: 'invalid-options',
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  const { readSize, writeTimeoutMs, ...reader } = parsed.data;
  const link: Ga467UsbLinkOptions = {};
  if (readSize !== undefined) link.readSize = readSize;
  if (writeTimeoutMs !== undefined) link.writeTimeoutMs = writeTimeoutMs;
  return ok({ reader, link });
}
