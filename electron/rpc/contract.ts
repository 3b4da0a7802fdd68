import { z } from 'zod';
import { DeviceKindSchema, DeviceStatusSchema } from '../../devices/device_status.js';
import {
  SimulatedDeviceSchema,
  SimulatorActionResultSchema,
  SimulatorActionSchema,
} from './dev_dock_contract.js';
import { LanguageSchema } from './language_schema.js';
import {
  AcknowledgeAlertSchema,
  PrinterCountersSchema,
  PrintFailureSchema,
  PrintJobViewSchema,
  PrintSampleResultSchema,
  StaffActionResultSchema,
  StaffActionSchema,
  StaffAlertSchema,
  StaffPrintJobSchema,
  sampleTemplates,
} from './print_contract.js';
import { ServiceIdSchema } from './service_ids.js';

/**
 * The one door between the renderer and the main process. Every method and event is declared here once, with zod
 * schemas; the router validates every call against them and the renderer takes its types from them. Both
 * transports (Electron IPC, loopback WebSocket) carry exactly these messages.
 */

const empty = z.object({}).strict();

export const SessionViewSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('attract') }),
  z.object({
    phase: z.literal('active'),
    sessionId: z.string(),
    language: LanguageSchema,
    /** Present while "Need more time?" shows. */
    warning: z.object({ secondsLeft: z.number().int().nonnegative() }).nullable(),
    extensionsLeft: z.number().int().nonnegative(),
  }),
]);
export type SessionView = z.infer<typeof SessionViewSchema>;

export const SessionEndReasonSchema = z.enum(['done', 'cancelled', 'timeout', 'out-of-service']);
export type SessionEndReason = z.infer<typeof SessionEndReasonSchema>;

export const OutOfServiceReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('maintenance') }),
  z.object({ kind: z.literal('device-unavailable'), deviceId: z.string(), deviceKind: DeviceKindSchema }),
]);
export const KioskStatusSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('in-service') }),
  z.object({ mode: z.literal('out-of-service'), reasons: z.array(OutOfServiceReasonSchema).min(1) }),
]);
export type KioskStatus = z.infer<typeof KioskStatusSchema>;

export const ServiceNeedSchema = z.enum(['identity-document', 'booking-qr', 'pickup-code', 'pin', 'nothing']);
export const ServiceTileSchema = z.object({
  id: ServiceIdSchema,
  available: z.boolean(),
  needs: z.array(ServiceNeedSchema),
  minutes: z.number().int().positive(),
  /** Whether this release has the service's flow at the kiosk yet (see the service catalogue). */
  flowReady: z.boolean(),
});
export type ServiceTile = z.infer<typeof ServiceTileSchema>;

export const LocalisedTextSchema = z.object({
  'zh-Hant': z.string(),
  'zh-Hans': z.string(),
  pt: z.string(),
  en: z.string(),
});

export const KioskSnapshotSchema = z.object({
  terminalId: z.string(),
  site: z.object({ kind: z.enum(['macau', 'hengqin']), name: LocalisedTextSchema }),
  languages: z.object({ offered: z.array(LanguageSchema), default: LanguageSchema }),
  attractSlideSeconds: z.number(),
  devTools: z.boolean(),
  status: KioskStatusSchema,
  session: SessionViewSchema,
  services: z.array(ServiceTileSchema),
  devices: z.array(DeviceStatusSchema),
});
export type KioskSnapshot = z.infer<typeof KioskSnapshotSchema>;

export const methods = {
  /** Everything the renderer needs to draw its first screen, and again after a reconnect. */
  'kiosk.snapshot': { params: empty, result: KioskSnapshotSchema },
  'session.start': { params: z.object({ language: LanguageSchema }).strict(), result: SessionViewSchema },
  'session.setLanguage': {
    params: z.object({ language: LanguageSchema }).strict(),
    result: SessionViewSchema,
  },
  /** The resident touched the screen: the idle timer starts again (ignored while the warning shows). */
  'session.touch': { params: empty, result: SessionViewSchema },
  /** "Continue" on the idle warning. */
  'session.extend': { params: empty, result: SessionViewSchema },
  'session.end': {
    params: z.object({ reason: z.enum(['done', 'cancelled']) }).strict(),
    result: SessionViewSchema,
  },
  /** Dev dock (development and test modes only; the router refuses them in production). */
  'dev.setMaintenance': { params: z.object({ on: z.boolean() }).strict(), result: KioskStatusSchema },
  'dev.simulators': { params: empty, result: z.array(SimulatedDeviceSchema) },
  /**
   * Prints a sample document for the running session (until the resident flows print real ones).
   * `unprintableName` puts a character no font has into the name, to show the no-tofu rule at work.
   */
  'dev.printSample': {
    params: z
      .object({ template: z.enum(sampleTemplates), unprintableName: z.boolean().default(false) })
      .strict(),
    result: PrintSampleResultSchema,
  },
  'dev.simulate': { params: SimulatorActionSchema, result: SimulatorActionResultSchema },
  /** Staff, with the kiosk in maintenance: journalled print jobs, reprint and void (each recorded with who/why). */
  'maintenance.printJobs': { params: empty, result: z.array(StaffPrintJobSchema) },
  'maintenance.printerCounters': { params: empty, result: z.array(PrinterCountersSchema) },
  'maintenance.reprint': { params: StaffActionSchema, result: StaffActionResultSchema },
  'maintenance.voidJob': { params: StaffActionSchema, result: StaffActionResultSchema },
  'maintenance.alerts': { params: empty, result: z.array(StaffAlertSchema) },
  'maintenance.acknowledgeAlert': { params: AcknowledgeAlertSchema, result: StaffActionResultSchema },
} as const;

export const events = {
  'session.changed': SessionViewSchema,
  'session.ended': z.object({ reason: SessionEndReasonSchema }),
  'kiosk.statusChanged': KioskStatusSchema,
  'kiosk.servicesChanged': z.array(ServiceTileSchema),
  'devices.changed': z.array(DeviceStatusSchema),
  /** A print job of the running session moved on (printing, waiting for paper, done…). */
  'print.jobChanged': PrintJobViewSchema,
  /** A document of the running session could not be printed at all; staff have been alerted. */
  'print.failed': PrintFailureSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodParams<M extends MethodName> = z.input<Methods[M]['params']>;
export type MethodResult<M extends MethodName> = z.infer<Methods[M]['result']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

/** Methods only the dev dock may call. */
export const devMethodPrefix = 'dev.';
/** Methods only staff may call, with the kiosk in maintenance. */
export const maintenanceMethodPrefix = 'maintenance.';

export const RpcErrorCodeSchema = z.enum([
  'unknown-method',
  'invalid-params',
  'forbidden',
  'unavailable',
  'internal',
]);
export type RpcErrorCode = z.infer<typeof RpcErrorCodeSchema>;
export type RpcError = { code: RpcErrorCode; message: string };
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** Wire frames, shared by both transports. */
export const RequestFrameSchema = z
  .object({ id: z.number().int().nonnegative(), method: z.string().max(100), params: z.unknown() })
  .strict();
export type RequestFrame = z.infer<typeof RequestFrameSchema>;
export type ResponseFrame =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: RpcError };
export type EventFrame = { event: EventName; payload: unknown };
