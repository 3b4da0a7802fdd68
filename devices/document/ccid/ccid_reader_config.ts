/**
 * The `options` of a configured CCID reader (`DeviceConfig.options`), validated with zod at the config boundary so a
 * typo in the terminal's file is reported at start-up instead of becoming a wrong timeout at the counter.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import type { CcidReaderOptions } from './ccid_reader.js';

export const CcidReaderOptionsSchema = z
  .object({
    slot: z.number().int().min(0).max(255).optional(),
    responseTimeoutMs: z.number().int().min(10).max(120_000).optional(),
    writeTimeoutMs: z.number().int().min(10).max(60_000).optional(),
    /** dwMaxCCIDMessageLength: at least a header and a short APDU; 65 544 is the largest a reader may declare. */
    maxMessageLength: z.number().int().min(15).max(65_544).optional(),
    extendedApdu: z.boolean().optional(),
    maxTimeExtensions: z.number().int().min(1).max(100_000).optional(),
    interruptPollMs: z.number().int().min(10).max(60_000).optional(),
    /**
     * Simulated readers only: whether the reader has a full-page OCR window that reads the printed MRZ (default
     * true). `false` models a chip-only reader, where the resident types the values BAC needs.
     */
    ocrWindow: z.boolean().optional(),
  })
  .strict();

/** What the factories take from the options: the driver's own, and whether a simulated reader reads the MRZ. */
export interface CcidReaderSettings {
  reader: CcidReaderOptions;
  ocrWindow: boolean | undefined;
}

export type CcidOptionsResult = Result<CcidReaderSettings, { code: 'invalid-options'; issues: string[] }>;

export function ccidReaderOptionsFromConfig(options: Record<string, unknown>): CcidOptionsResult {
  const parsed = CcidReaderOptionsSchema.safeParse(options);
  if (parsed.success) {
    const { ocrWindow, ...reader } = parsed.data;
    return ok({ reader, ocrWindow });
  }
  return err({
    code: 'invalid-options',
    issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  });
}
