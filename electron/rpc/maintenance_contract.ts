import { z } from 'zod';
import { printJobStatuses } from '../journal/print_job_rows.js';
import { staffAlertKinds } from '../journal/staff_alerts.js';
import { actionOutcomeSchema, type DomainMethods, noParams } from './method_spec.js';

/**
 * Staff, with the kiosk in maintenance (the router refuses these methods otherwise): journalled print jobs,
 * reprint and void (each recorded with who and why), printer counters, staff alerts.
 */

/** Methods only staff may call, with the kiosk in maintenance. */
export const maintenanceMethodPrefix = 'maintenance.';

const StaffIdSchema = z.string().regex(/^[A-Za-z0-9._-]{2,32}$/);

/** A journalled print job as staff see it in maintenance (no document content). */
export const StaffPrintJobSchema = z.object({
  jobId: z.number().int(),
  printerId: z.string(),
  template: z.string(),
  status: z.enum(printJobStatuses),
  reason: z.string().nullable(),
  canReprint: z.boolean(),
  createdAt: z.string(),
});
export type StaffPrintJob = z.infer<typeof StaffPrintJobSchema>;

export const StaffActionSchema = z
  .object({
    jobId: z.number().int().positive(),
    /** The staff member's id, recorded with the action. */
    staffId: StaffIdSchema,
    reason: z.string().min(3).max(200),
  })
  .strict();

export const StaffActionResultSchema = actionOutcomeSchema();
export type StaffActionResult = z.infer<typeof StaffActionResultSchema>;

export const PrinterCountersSchema = z.object({
  printerId: z.string(),
  pages: z.number().int(),
  tickets: z.number().int(),
  paperChanges: z.number().int(),
});

export const StaffAlertSchema = z.object({
  id: z.number().int(),
  kind: z.enum(staffAlertKinds),
  detail: z.string(),
  printJobId: z.number().int().nullable(),
  transactionId: z.number().int().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

export const AcknowledgeAlertSchema = z
  .object({ alertId: z.number().int().positive(), staffId: StaffIdSchema })
  .strict();

export const maintenanceMethods = {
  'maintenance.printJobs': { params: noParams, result: z.array(StaffPrintJobSchema) },
  'maintenance.printerCounters': { params: noParams, result: z.array(PrinterCountersSchema) },
  'maintenance.reprint': { params: StaffActionSchema, result: StaffActionResultSchema },
  'maintenance.voidJob': { params: StaffActionSchema, result: StaffActionResultSchema },
  'maintenance.alerts': { params: noParams, result: z.array(StaffAlertSchema) },
  'maintenance.acknowledgeAlert': { params: AcknowledgeAlertSchema, result: StaffActionResultSchema },
} as const satisfies DomainMethods<'maintenance'>;
