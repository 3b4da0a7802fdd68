import { z } from 'zod';
import { DeviceKindSchema } from '../../../devices/device_status.js';
import {
  printFailureReasons,
  printJobHoldReasons,
  voidReasonCodes,
} from '../../journal/print_job_reasons.js';
import { printJobStatuses } from '../../journal/print_job_rows.js';
import { StaffAlertDetailSchema } from '../../journal/staff_alert_details.js';
import { staffAlertKinds } from '../../journal/staff_alerts.js';
import { transactionKinds, transactionStates } from '../../journal/transaction_states.js';
import { deviceActions, deviceTests } from './maintenance_choices.js';

/**
 * What each maintenance tool's screen shows, as plain data in the step view (maintenance_contract.ts). Ids, states,
 * codes, counts and times — plus, on the Devices screen only, what the staff test card's chip holds after a test
 * read (a specimen's face and data, for that screen, gone with the step).
 */

export const StaffMemberViewSchema = z.object({ staffId: z.string(), name: z.string() });

/** What a device reports of its supplies (electron/maintenance/device_supplies.ts says where each comes from). */
const SupplyReadingSchema = z.discriminatedUnion('supply', [
  z.object({ supply: z.literal('paper-roll'), level: z.enum(['ok', 'near-end', 'out']) }),
  z.object({ supply: z.literal('paper'), level: z.enum(['no-warning', 'low', 'out']) }),
  z.object({
    supply: z.literal('marker'),
    name: z.string().max(200),
    markerType: z.string().max(100),
    percent: z.number().int().min(0).max(100).nullable(),
  }),
  z.object({ supply: z.literal('markers-not-reported') }),
  z.object({ supply: z.literal('card-stacker'), level: z.enum(['ok', 'low', 'empty']) }),
  z.object({ supply: z.literal('reject-bin'), level: z.enum(['ok', 'full']) }),
]);
const DeviceSuppliesSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reported'), readings: z.array(SupplyReadingSchema).max(20) }),
  z.object({ kind: z.literal('unknown-now') }),
  z.object({ kind: z.literal('none') }),
]);

export const DeviceEntrySchema = z.object({
  deviceId: z.string(),
  kind: DeviceKindSchema,
  transport: z.enum(['simulated', 'usb', 'hid', 'serial']),
  model: z.string().nullable(),
  usbIds: z.string().nullable(),
  required: z.boolean(),
  status: z.object({ state: z.string(), code: z.string().optional(), detail: z.string().optional() }),
  identity: z
    .object({
      source: z.enum(['ieee1284', 'usb']),
      manufacturer: z.string().nullable(),
      model: z.string().nullable(),
      serialNumber: z.string().nullable(),
      firmware: z.string().nullable(),
    })
    .nullable(),
  lastFaults: z.array(z.object({ at: z.string(), state: z.string(), code: z.string().optional() })).max(10),
  counters: z
    .object({
      pages: z.number().int(),
      tickets: z.number().int(),
      paperChanges: z.number().int(),
      printedSinceRefill: z.number().int(),
      refilledAt: z.string().nullable(),
    })
    .nullable(),
  supplies: DeviceSuppliesSchema,
  tests: z.array(z.enum(deviceTests)),
  doors: z.array(z.string()),
});
export type DeviceEntry = z.infer<typeof DeviceEntrySchema>;

/** A device action's outcome on the Devices screen: running, done, or refused with a code. */
export const DeviceActionResultSchema = z.object({
  deviceId: z.string(),
  action: z.enum(deviceActions),
  outcome: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('running') }),
    z.object({ kind: z.literal('done') }),
    z.object({ kind: z.literal('failed'), code: z.string() }),
    z.object({
      kind: z.literal('read'),
      document: z.object({
        documentCode: z.string(),
        issuingState: z.string(),
        documentNumber: z.string(),
        name: z.string(),
        nationality: z.string(),
        birthDate: z.string(),
        sex: z.string(),
        expiryDate: z.string(),
        expired: z.boolean(),
      }),
      /** A data URL (JPEG or PNG) of the chip's face, or null. */
      face: z.string().max(2_000_000).nullable(),
      passiveAuthentication: z.enum(['verified', 'unverified', 'failed']),
    }),
    z.object({ kind: z.literal('scanned'), symbology: z.string(), text: z.string().max(200) }),
  ]),
});
export type DeviceActionResult = z.infer<typeof DeviceActionResultSchema>;

export const StaffJobSchema = z.object({
  jobId: z.number().int(),
  printerId: z.string(),
  template: z.string(),
  status: z.enum(printJobStatuses),
  reason: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('held'), code: z.enum([...printJobHoldReasons, 'unrecorded']) }),
      z.object({ kind: z.literal('failed'), code: z.enum([...printFailureReasons, 'unrecorded']) }),
      z.object({ kind: z.literal('voided'), code: z.enum(voidReasonCodes) }),
    ])
    .nullable(),
  canReprint: z.boolean(),
  canVoid: z.boolean(),
  createdAt: z.string(),
});
export type StaffJob = z.infer<typeof StaffJobSchema>;

export const StaffTransactionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(transactionKinds),
  state: z.enum(transactionStates),
  fromEarlierRun: z.boolean(),
  needsStaffReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const StaffAlertViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(staffAlertKinds),
  detail: StaffAlertDetailSchema,
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

export const TerminalInfoSchema = z.object({
  terminalId: z.string(),
  site: z.object({ kind: z.enum(['macau', 'hengqin']), centreId: z.string() }),
  mode: z.enum(['production', 'development', 'test']),
  version: z.string(),
  runtime: z.object({ node: z.string(), electron: z.string().nullable(), platform: z.string() }),
  startedAt: z.string(),
  uptimeSeconds: z.number().int(),
  disk: z.object({ freeBytes: z.number(), totalBytes: z.number() }).nullable(),
  memory: z.object({ processBytes: z.number(), systemFreeBytes: z.number(), systemTotalBytes: z.number() }),
  journalBytes: z.number().nullable(),
  configuration: z.object({
    services: z.number().int(),
    devices: z.number().int(),
    requiredDevices: z.number().int(),
    languages: z.array(z.string()),
    backend: z.string(),
    idleSeconds: z.number().int(),
    staffIdleSeconds: z.number().int(),
    heartbeatSeconds: z.number().int(),
    badgeIssuers: z.number().int(),
    sha256: z.string(),
  }),
});

/** Why the support bundle was not written (the screen says it in the staff member's language). */
export const supportBundleFailures = ['unknown-destination', 'cannot-write', 'internal'] as const;

export const BundleDestinationSchema = z.object({
  id: z.string(),
  kind: z.enum(['kiosk-disk', 'removable-drive']),
  /** A drive's label; null for the kiosk's own disk. */
  label: z.string().nullable(),
});

export const LogLineViewSchema = z.object({
  time: z.string(),
  event: z.string(),
  disposition: z.enum(['success', 'failure', 'info']),
  deviceId: z.string().nullable(),
  /** The line's other fields, as `key=value` text. */
  details: z.string().max(400),
});

export const NotReadyDeviceSchema = z.object({ deviceId: z.string(), deviceKind: DeviceKindSchema });

/** The outcome of the last action on a list screen (reprint, void, resolve, acknowledge…): its id and code. */
export const ListActionResultSchema = z
  .object({ action: z.string(), subject: z.number().int(), ok: z.boolean(), code: z.string().nullable() })
  .nullable();
