/**
 * Why a transaction waits for staff (`TransactionJournal.handToStaff`), the one list: the journal stores the code,
 * the maintenance screens translate it (`maintenance:needsStaffReason.<reason>` and `.family.<family>`;
 * test/maintenance/staff_alert_texts.test.ts keeps each described in the four languages). Here, beside the
 * contract, because both processes read it: the flows write these codes, the Transactions and Alerts screens read
 * them.
 */
export const needsStaffReasons = [
  'no-resolver-for-kind',
  'owner-asks-for-staff',
  'resolver-answer-invalid',
  'print-not-queued',
  'refund-refused',
] as const;
export const needsStaffReasonFamilies = [
  'release',
  'confirm-refused',
  'register',
  'door',
  'record-refused',
] as const;
export type NeedsStaffReason = (typeof needsStaffReasons)[number];
export type NeedsStaffReasonFamily = (typeof needsStaffReasonFamilies)[number];

export type ReadReason =
  | { kind: 'reason'; reason: NeedsStaffReason }
  | { kind: 'family'; family: NeedsStaffReasonFamily; code: string }
  | { kind: 'unrecognised'; text: string };

/** A stored reason read as one of the list's (the longest family first: `record-refused-x` is not `record-…`). */
export function readNeedsStaffReason(reason: string): ReadReason {
  const exact = needsStaffReasons.find((known) => known === reason);
  if (exact) return { kind: 'reason', reason: exact };
  const family = [...needsStaffReasonFamilies]
    .sort((a, b) => b.length - a.length)
    .find((prefix) => reason.startsWith(`${prefix}-`) && reason.length > prefix.length + 1);
  if (family) return { kind: 'family', family, code: reason.slice(family.length + 1) };
  return { kind: 'unrecognised', text: reason };
}
