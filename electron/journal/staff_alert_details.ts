import { z } from 'zod';
import { printJobHoldReasons } from './print_job_reasons.js';

/**
 * What a staff alert says, and why a transaction waits for staff, as codes with their values — the one list the
 * journal stores and the maintenance screens translate (`maintenance:alertDetail.<code>`,
 * `maintenance:needsStaffReason.<reason>`, whose list is electron/rpc/flows/needs_staff_reasons.ts; test/maintenance/staff_alert_texts.test.ts keeps every code described in
 * the four languages). Never English prose in the journal: staff read it in their own language. Values are ids,
 * counts and codes — never a resident or what a document shows.
 *
 * A detail is stored as JSON in `staff_alerts.detail`; a row written before this list (free English text) reads
 * back as `{ code: 'text' }` and is shown as it was.
 */
const id = z.number().int().nonnegative();
const token = z.string().min(1).max(80);

export const releaseProblems = ['jam', 'empty', 'door', 'device'] as const;
export const unprintableReasons = ['layout-overflow', 'no-font-available'] as const;

export const StaffAlertDetailSchema = z.discriminatedUnion('code', [
  /** transaction-needs-staff: a transaction stopped where only a person can settle it (`reason` below). */
  z.object({
    code: z.literal('transaction-stopped'),
    transactionId: id,
    kind: token,
    state: token,
    reason: token,
  }),
  /** resident-help: Help → "Call a member of staff", with the terminal and the step (nothing about the resident). */
  z.object({ code: z.literal('resident-asked'), terminal: token, flow: token, step: token }),
  /** document-not-printable: characters no configured font has (how many, never which). */
  z.object({ code: z.literal('missing-glyphs'), template: token, characters: id }),
  z.object({ code: z.literal('cannot-render'), template: token, reason: z.enum(unprintableReasons) }),
  /** print-needs-attention: a job taken out of the queue, with the journal's hold reason. */
  z.object({ code: z.literal('print-job-held'), printJobId: id, reason: z.enum(printJobHoldReasons) }),
  /** print-job-expired: unresolved for the retention time, voided and its document deleted. */
  z.object({ code: z.literal('print-job-expired'), printJobId: id, hours: id }),
  /** device-needs-staff: a dispenser or locker stopped while handing a document out. */
  z.object({ code: z.literal('release-stopped'), deviceId: token, problem: z.enum(releaseProblems) }),
  /** device-needs-staff: a locker door did not open for a pickup (`detail`: the driver's code, for support). */
  z.object({
    code: z.literal('door-not-opened'),
    deviceId: token,
    door: token,
    compartment: token,
    detail: token,
  }),
  z.object({ code: z.literal('door-left-open'), deviceId: token, door: token, compartment: token }),
  /** device-needs-staff: a vending slot turned twice without a drop; its item was refunded, the slot marked empty. */
  z.object({ code: z.literal('slot-failed'), deviceId: token, slot: token }),
  /** A row written before details were codes: its text as it was. */
  z.object({ code: z.literal('text'), text: z.string().max(400) }),
]);
export type StaffAlertDetail = z.infer<typeof StaffAlertDetailSchema>;
export type StaffAlertDetailCode = StaffAlertDetail['code'];
export const staffAlertDetailCodes = StaffAlertDetailSchema.options.map(
  (option) => option.shape.code.value,
) as StaffAlertDetailCode[];

/** The stored form of a detail. */
export function storedDetail(detail: StaffAlertDetail): string {
  return JSON.stringify(detail);
}

/** A stored detail read back: a code of the list, or (an older row, a damaged one) its text as it was. */
export function readDetail(stored: string): StaffAlertDetail {
  try {
    const parsed = StaffAlertDetailSchema.safeParse(JSON.parse(stored));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: an older row's English text.
  }
  return { code: 'text', text: stored.slice(0, 400) };
}
