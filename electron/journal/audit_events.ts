/**
 * The catalogue of what the audit log records: staff actions and security events. Each kind declares exactly the
 * fields it carries — ids, codes and staff reasons, never a resident's personal data — and the schemas are
 * strict, so an unknown field is refused rather than written.
 *
 * Adding a kind: add its schema here (and its subject in `auditSubjectOf`). Never change the meaning of a kind
 * already written: old rows must still verify.
 */
import { z } from 'zod';

export const StaffIdSchema = z.string().regex(/^[A-Za-z0-9._-]{2,32}$/);
/** Codes and device or terminal ids: short, no spaces, no free text. */
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/);
/** What a member of staff typed to explain an action (the maintenance screens ask for it). */
const staffReason = z.string().min(1).max(200);
const rowId = z.number().int().positive();

const event = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), ...shape }).strict();

export const AuditEventSchema = z.discriminatedUnion('kind', [
  event('staff-signed-in', { method: z.enum(['badge', 'pin', 'badge-and-pin']) }),
  event('staff-sign-in-refused', {
    staffId: StaffIdSchema.optional(),
    reason: z.enum([
      'unknown-badge',
      'bad-signature',
      'wrong-pin',
      'locked-out',
      'expired-badge',
      'malformed-badge',
      'unknown-staff',
    ]),
  }),
  event('staff-locked-out', {
    staffId: StaffIdSchema,
    failedAttempts: z.number().int().positive(),
    lockedSeconds: z.number().int().positive(),
  }),
  event('staff-signed-out', { reason: z.enum(['signed-out', 'idle', 'maintenance-left']) }),
  event('print-job-reprinted', {
    printJobId: rowId,
    /** The new job when the original was finished (its bytes gone, the document rendered again). */
    newPrintJobId: rowId.optional(),
    reason: staffReason,
  }),
  event('print-job-voided', { printJobId: rowId, reason: staffReason }),
  event('print-job-expired', { printJobId: rowId, retentionHours: z.number().positive() }),
  event('alert-acknowledged', { alertId: rowId }),
  event('transaction-resolved-by-staff', {
    transactionId: rowId,
    outcome: z.enum(['confirmed', 'voided']),
    reason: staffReason,
  }),
  event('locker-door-opened-by-staff', { lockerPointId: code, doorId: code, reason: staffReason }),
  event('maintenance-entered', {
    /** How long entry waited for a resident's transaction to end, when it had to. */
    deferredSeconds: z.number().int().nonnegative(),
  }),
  event('maintenance-left', {
    /** Required devices that were not ready: the kiosk stays out of service until they are. */
    notReady: z.array(code).max(32),
  }),
  event('device-test-run', {
    deviceId: code,
    test: z.enum(['test-read', 'test-scan', 'test-ticket', 'test-page', 'test-dispense']),
    outcome: code,
  }),
  event('device-reconnect-requested', { deviceId: code }),
  event('paper-counter-reset', { deviceId: code, printedSinceRefill: z.number().int().nonnegative() }),
  event('support-bundle-written', {
    destination: z.enum(['kiosk-disk', 'removable-drive']),
    /** Not `bytes`: that name is kept for a document's own bytes, which the journal refuses (personal_fields.ts). */
    sizeBytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  event('restart-requested', { at: z.union([z.literal('now'), z.iso.datetime()]) }),
  event('restart-cancelled', { at: z.iso.datetime() }),
  event('configuration-loaded', {
    terminalId: code,
    mode: z.enum(['production', 'development', 'test']),
    configSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  event('passive-authentication-failed', { readerId: code, reason: code }),
  event('pickup-code-refused', {
    lockerPointId: code,
    reason: z.enum([
      'bad-signature',
      'expired',
      'already-used',
      'unknown-code',
      'wrong-locker-point',
      'malformed',
      'too-many-tries',
    ]),
    /** How the code came: scanned QR or typed digits (absent in rows written before it was added). */
    entry: z.enum(['scanned', 'typed']).optional(),
  }),
  /** Staff assigned, counted, refilled or emptied a vending slot of publications. */
  event('vending-slot-set', {
    slot: z.string().regex(/^[A-F][1-8]$/),
    action: z.enum(['assign', 'count', 'refill', 'empty']),
    publicationId: code.nullable(),
    stockBefore: z.number().int().nonnegative(),
    stock: z.number().int().nonnegative(),
  }),
]);
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type AuditEventKind = AuditEvent['kind'];

/** Who did it: a member of staff (by id), or the kiosk itself (a retention limit, a security check). */
export type AuditActor = { staffId: string } | 'system';

export function actorColumn(actor: AuditActor): string {
  return actor === 'system' ? 'system' : `staff:${actor.staffId}`;
}

/** What the event is about, as `kind:id`: an indexed column so a screen can find an object's history. */
export function auditSubjectOf(event: AuditEvent): string | null {
  switch (event.kind) {
    case 'print-job-reprinted':
    case 'print-job-voided':
    case 'print-job-expired':
      return `print-job:${event.printJobId}`;
    case 'alert-acknowledged':
      return `staff-alert:${event.alertId}`;
    case 'transaction-resolved-by-staff':
      return `transaction:${event.transactionId}`;
    case 'staff-locked-out':
      return `staff:${event.staffId}`;
    case 'staff-sign-in-refused':
      return event.staffId ? `staff:${event.staffId}` : null;
    case 'locker-door-opened-by-staff':
      return `locker-door:${event.lockerPointId}/${event.doorId}`;
    case 'device-test-run':
    case 'device-reconnect-requested':
    case 'paper-counter-reset':
      return `device:${event.deviceId}`;
    case 'maintenance-entered':
    case 'maintenance-left':
    case 'support-bundle-written':
    case 'restart-requested':
    case 'restart-cancelled':
      return null;
    case 'configuration-loaded':
      return `terminal:${event.terminalId}`;
    case 'passive-authentication-failed':
      return `reader:${event.readerId}`;
    case 'pickup-code-refused':
      return `locker-point:${event.lockerPointId}`;
    case 'staff-signed-in':
    case 'staff-signed-out':
      return null;
    case 'vending-slot-set':
      return `vending-slot:${event.slot}`;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
