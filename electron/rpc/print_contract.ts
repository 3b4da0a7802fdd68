import { z } from 'zod';

/**
 * What the renderer learns about a print job of the resident's own session: never the document, only how far
 * it got and, when stuck, why — so the screen can say what happens next in the resident's language.
 */
export const PrintJobViewSchema = z.object({
  jobId: z.number().int(),
  printerKind: z.enum(['ticket', 'document']),
  state: z.enum(['printing', 'waiting', 'blocked', 'done', 'needs-attention', 'voided']),
  /** Why a job waits or is blocked. */
  reason: z.enum(['no-paper', 'cover-open', 'disconnected', 'timeout', 'error']).nullable(),
});
export type PrintJobView = z.infer<typeof PrintJobViewSchema>;

export const sampleTemplates = [
  'appointment-slip',
  'queue-ticket',
  'identity-proof',
  'collection-receipt',
  'locker-pickup-slip',
] as const;

export const PrintSampleResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), jobId: z.number().int() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** A journalled print job as staff see it in maintenance (no document content). */
export const StaffPrintJobSchema = z.object({
  jobId: z.number().int(),
  printerId: z.string(),
  template: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'confirmed', 'failed', 'needs-attention', 'voided']),
  reason: z.string().nullable(),
  canReprint: z.boolean(),
  createdAt: z.string(),
});
export type StaffPrintJob = z.infer<typeof StaffPrintJobSchema>;

export const StaffActionSchema = z
  .object({
    jobId: z.number().int().positive(),
    /** The staff member's id, recorded with the action. */
    staffId: z.string().regex(/^[A-Za-z0-9._-]{2,32}$/),
    reason: z.string().min(3).max(200),
  })
  .strict();

export const StaffActionResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type StaffActionResult = z.infer<typeof StaffActionResultSchema>;

export const PrinterCountersSchema = z.object({
  printerId: z.string(),
  pages: z.number().int(),
  tickets: z.number().int(),
  paperChanges: z.number().int(),
});

/** A document the kiosk refused to print at all (it would have shown a missing-glyph box, or could not be laid out). */
export const PrintFailureSchema = z.object({
  reason: z.enum(['missing-glyphs', 'cannot-render']),
});

export const StaffAlertSchema = z.object({
  id: z.number().int(),
  kind: z.enum([
    'document-not-printable',
    'print-needs-attention',
    'print-job-expired',
    'transaction-needs-staff',
  ]),
  detail: z.string(),
  printJobId: z.number().int().nullable(),
  transactionId: z.number().int().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

export const AcknowledgeAlertSchema = z
  .object({ alertId: z.number().int().positive(), staffId: z.string().regex(/^[A-Za-z0-9._-]{2,32}$/) })
  .strict();
