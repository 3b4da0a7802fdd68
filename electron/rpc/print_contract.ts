import { z } from 'zod';
import { printedPapers } from '../printed/template_ids.js';
import type { DomainEvents } from './method_spec.js';

/**
 * What the renderer learns about a print job of the resident's own session: never the document, only how far
 * it got and, when stuck, why — so the screen can say what happens next in the resident's language.
 */
export const PrintJobViewSchema = z.object({
  jobId: z.number().int(),
  /** What comes out, so the screen says "take your slip" for a slip and "your ticket" only for a ticket. */
  paper: z.enum(printedPapers),
  state: z.enum(['printing', 'waiting', 'blocked', 'done', 'needs-attention', 'voided']),
  /** Why a job waits or is blocked; for `needs-attention`, the spooler fault that kept it from printing, if any. */
  reason: z
    .enum([
      'no-paper',
      'cover-open',
      'disconnected',
      'timeout',
      'error',
      'queue-stopped',
      'job-aborted',
      'spooler-unavailable',
    ])
    .nullable(),
});
export type PrintJobView = z.infer<typeof PrintJobViewSchema>;

/**
 * A document the kiosk refused to print at all: it would have shown a missing-glyph box, or could not be laid
 * out. (Not a printer fault: those are `PrintFailure`s in devices/printer, and the job waits through them.)
 */
export const UnprintableDocumentSchema = z.object({
  reason: z.enum(['missing-glyphs', 'cannot-render']),
});
export type UnprintableDocument = z.infer<typeof UnprintableDocumentSchema>;

export const printEvents = {
  /** A print job of the running session moved on (printing, waiting for paper, done…). */
  'print.jobChanged': PrintJobViewSchema,
  /** A document of the running session could not be printed at all; staff have been alerted. */
  'print.failed': UnprintableDocumentSchema,
} as const satisfies DomainEvents;
