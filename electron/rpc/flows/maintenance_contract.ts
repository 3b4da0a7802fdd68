import { z } from 'zod';
import { logEventIds } from '../../logging/log_events.js';
import { type DomainMethods, noParams } from '../method_spec.js';
import { IntentResultSchema } from './intent_result.js';
import {
  cancelReasons,
  confirmReasons,
  deviceTests,
  doorReasons,
  logWindows,
  maintenanceTools,
  reprintReasons,
  restartMinutes,
  salesPeriods,
  salesScopes,
  voidReasons,
} from './maintenance_choices.js';
import {
  BundleDestinationSchema,
  DeviceActionResultSchema,
  DeviceEntrySchema,
  ListActionResultSchema,
  LogLineViewSchema,
  NotReadyDeviceSchema,
  StaffAlertViewSchema,
  StaffJobSchema,
  StaffMemberViewSchema,
  StaffTransactionSchema,
  supportBundleFailures,
  TerminalInfoSchema,
} from './maintenance_views.js';
import {
  PublicationSalesViewSchema,
  PublicationStockViewSchema,
  SlotActionParamsSchema,
} from './publication_maintenance_views.js';

/**
 * Maintenance, for a member of staff signed in (staff_sign_in_contract.ts), with the kiosk in maintenance — the
 * router refuses every `maintenance.*` method otherwise. A menu of tools, one screen each, in the staff member's
 * language; every action is recorded in the audit log with their staff id (taken from the sign-in, never from the
 * screen). State machine: electron/flows/maintenance/; screens: renderer/flows/maintenance/.
 *
 *   menu ──openTool──► devices | print-jobs | transactions | alerts | terminal | support-bundle | logs
 *                      | publication-sales | publication-stock (where publications are offered) ──back──► menu
 *   menu ──leave──► (every required device ready: attract) | leave-check ──leaveAnyway──► out of service, naming it
 */

/** Methods only staff may call, with the kiosk in maintenance (the router's rule, by this prefix). */
export const maintenanceMethodPrefix = 'maintenance.';

const base = { service: z.literal('maintenance'), staff: StaffMemberViewSchema };

export const MaintenanceFlowViewSchema = z.discriminatedUnion('step', [
  z.object({
    ...base,
    step: z.literal('menu'),
    alertsOpen: z.number().int(),
    jobsHeld: z.number().int(),
    transactionsOpen: z.number().int(),
    notReady: z.array(NotReadyDeviceSchema),
    /** The tools this terminal has, in menu order (the publications tools only where publications are offered). */
    tools: z.array(z.enum(maintenanceTools)),
  }),
  z.object({
    ...base,
    step: z.literal('devices'),
    devices: z.array(DeviceEntrySchema),
    /** The last device action and its outcome (a test read's face and data among them). */
    result: DeviceActionResultSchema.nullable(),
  }),
  z.object({
    ...base,
    step: z.literal('print-jobs'),
    jobs: z.array(StaffJobSchema),
    result: ListActionResultSchema,
  }),
  z.object({
    ...base,
    step: z.literal('transactions'),
    transactions: z.array(StaffTransactionSchema),
    result: ListActionResultSchema,
  }),
  z.object({
    ...base,
    step: z.literal('alerts'),
    alerts: z.array(StaffAlertViewSchema),
    result: ListActionResultSchema,
  }),
  z.object({
    ...base,
    step: z.literal('terminal'),
    info: TerminalInfoSchema,
    restart: z.object({ available: z.boolean(), scheduledAt: z.string().nullable() }),
  }),
  z.object({
    ...base,
    step: z.literal('support-bundle'),
    destinations: z.array(BundleDestinationSchema),
    state: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('idle') }),
      z.object({ kind: z.literal('writing') }),
      z.object({
        kind: z.literal('written'),
        destination: BundleDestinationSchema,
        fileName: z.string(),
        bytes: z.number().int(),
        sha256: z.string(),
      }),
      z.object({ kind: z.literal('failed'), code: z.enum(supportBundleFailures) }),
    ]),
  }),
  z.object({
    ...base,
    step: z.literal('logs'),
    filter: z.object({
      event: z.string().nullable(),
      deviceId: z.string().nullable(),
      window: z.enum(logWindows),
    }),
    /** Newest first, at most 50. */
    lines: z.array(LogLineViewSchema).max(50),
    matched: z.number().int(),
    /** The events and devices the kept lines mention, for the filter's choices. */
    events: z.array(z.string()),
    devices: z.array(z.string()),
    /** False when this kiosk keeps no recent log on disk (an in-memory journal without a log path). */
    kept: z.boolean(),
  }),
  z.object({ ...base, step: z.literal('publication-sales'), ...PublicationSalesViewSchema.shape }),
  z.object({ ...base, step: z.literal('publication-stock'), ...PublicationStockViewSchema.shape }),
  z.object({ ...base, step: z.literal('leave-check'), notReady: z.array(NotReadyDeviceSchema).min(1) }),
]);
export type MaintenanceFlowView = z.infer<typeof MaintenanceFlowViewSchema>;

const intent = <S extends z.ZodRawShape>(shape: S) => ({
  params: z.object(shape).strict(),
  result: IntentResultSchema,
});
const deviceId = z.string().min(1).max(64);

export const maintenanceFlowMethods = {
  'maintenance.openTool': intent({ tool: z.enum(maintenanceTools) }),
  'maintenance.back': { params: noParams, result: IntentResultSchema },
  /** Reads the current tool's data again (new jobs, alerts, log lines). */
  'maintenance.refresh': { params: noParams, result: IntentResultSchema },
  /** The staff member leaves the kiosk in maintenance (out of service) and signs out. */
  'maintenance.signOut': { params: noParams, result: IntentResultSchema },
  /** Leaves maintenance when every required device is ready; otherwise shows which are not (leave-check). */
  'maintenance.leave': { params: noParams, result: IntentResultSchema },
  /** From leave-check: leave all the same; the kiosk stays out of service, naming the device, until it is ready. */
  'maintenance.leaveAnyway': { params: noParams, result: IntentResultSchema },

  'maintenance.testDevice': intent({ deviceId, test: z.enum(deviceTests) }),
  'maintenance.reconnectDevice': intent({ deviceId }),
  'maintenance.openDoor': intent({ deviceId, door: z.string().min(1).max(16), reason: z.enum(doorReasons) }),
  'maintenance.resetPaperCounter': intent({ deviceId }),

  'maintenance.reprint': intent({ jobId: z.number().int().positive(), reason: z.enum(reprintReasons) }),
  'maintenance.voidJob': intent({ jobId: z.number().int().positive(), reason: z.enum(voidReasons) }),
  'maintenance.resolveTransaction': intent({
    transactionId: z.number().int().positive(),
    outcome: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('confirmed'), reason: z.enum(confirmReasons) }).strict(),
      z.object({ kind: z.literal('voided'), reason: z.enum(cancelReasons) }).strict(),
    ]),
  }),
  'maintenance.acknowledgeAlert': intent({ alertId: z.number().int().positive() }),

  'maintenance.restartNow': { params: noParams, result: IntentResultSchema },
  'maintenance.scheduleRestart': intent({
    hour: z.number().int().min(0).max(23),
    minute: z.union(restartMinutes.map((m) => z.literal(m))),
  }),
  'maintenance.cancelRestart': { params: noParams, result: IntentResultSchema },

  'maintenance.writeSupportBundle': intent({ destination: z.string().min(1).max(200) }),

  'maintenance.filterLogs': intent({
    event: z.enum(logEventIds as [string, ...string[]]).nullable(),
    deviceId: deviceId.nullable(),
    window: z.enum(logWindows),
  }),

  /** Publications sales: the period (each ends today, Macau time) and whose machine sales to show. */
  'maintenance.salesPeriod': intent({ period: z.enum(salesPeriods), scope: z.enum(salesScopes) }),
  /** Publications stock: assign, count, refill or empty a vending slot, as the signed-in staff member (audited). */
  'maintenance.slotAction': intent({ action: SlotActionParamsSchema }),
} as const satisfies DomainMethods<'maintenance'>;
