/**
 * The journal's list of alerts for staff: raised by the services, acknowledged in maintenance. An
 * acknowledgement is a staff action, so who made it is recorded in the audit log (in the same database
 * transaction as the acknowledgement) and read back from there.
 */
import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../lib/result.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { AuditAppendError, AuditLog } from './audit_log.js';
import { isoAt, type JournalClock } from './journal_clock.js';
import { readDetail, type StaffAlertDetail, storedDetail } from './staff_alert_details.js';

export const staffAlertKinds = [
  'document-not-printable',
  'print-needs-attention',
  'print-job-expired',
  'transaction-needs-staff',
  /** A device stopped a resident's transaction: a dispenser jammed or empty, a locker door that would not open. */
  'device-needs-staff',
  /** A resident pressed Help → "Call a member of staff"; the detail names the terminal and the step. */
  'resident-help',
] as const;
export type StaffAlertKind = (typeof staffAlertKinds)[number];

export interface StaffAlert {
  id: number;
  kind: StaffAlertKind;
  detail: StaffAlertDetail;
  printJobId: number | null;
  transactionId: number | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export type AcknowledgeError = { code: 'alert-not-open'; alertId: number } | AuditAppendError;

export class StaffAlertStore {
  constructor(
    private readonly db: Database.Database,
    private readonly options: { clock: Pick<JournalClock, 'now'>; audit: AuditLog; logger: KioskLogger },
  ) {}

  /**
   * `detail` is a code of staff_alert_details.ts with templates, counts, states and ids: never a resident or what a
   * document shows. The log line carries the kind and ids only (a caller inside a larger database transaction
   * commits the alert with it).
   */
  raise(
    kind: StaffAlertKind,
    detail: StaffAlertDetail,
    subject: { printJobId?: number; transactionId?: number } = {},
  ): number {
    const result = this.db
      .prepare(
        'INSERT INTO staff_alerts (kind, detail, print_job_id, transaction_id, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(kind, storedDetail(detail), subject.printJobId ?? null, subject.transactionId ?? null, this.#at());
    const alertId = Number(result.lastInsertRowid);
    this.options.logger.log('staff-alert-raised', { alertId, kind, ...subject });
    return alertId;
  }

  /** Open alerts first, newest first; at most `limit`. One query, acknowledgers read from the audit log. */
  list(limit = 100): StaffAlert[] {
    return this.db
      .prepare(
        `SELECT s.id, s.kind, s.detail, s.print_job_id AS printJobId, s.transaction_id AS transactionId,
           s.created_at AS createdAt, s.acknowledged_at AS acknowledgedAt,
           (SELECT substr(a.actor, 7) FROM audit_log a
             WHERE a.subject = 'staff-alert:' || s.id AND a.kind = 'alert-acknowledged' AND a.actor LIKE 'staff:%'
             ORDER BY a.seq LIMIT 1) AS acknowledgedBy
         FROM staff_alerts s ORDER BY s.acknowledged_at IS NOT NULL, s.id DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => {
        const stored = row as Omit<StaffAlert, 'detail'> & { detail: string };
        return { ...stored, detail: readDetail(stored.detail) };
      });
  }

  openCount(): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM staff_alerts WHERE acknowledged_at IS NULL').get() as {
        n: number;
      }
    ).n;
  }

  acknowledge(alertId: number, staffId: string): Result<void, AcknowledgeError> {
    return this.options.audit.recorded(
      { staffId },
      (): Result<void, AcknowledgeError> => {
        const changed = this.db
          .prepare('UPDATE staff_alerts SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL')
          .run(this.#at(), alertId).changes;
        return changed === 1 ? ok() : err({ code: 'alert-not-open', alertId });
      },
      () => ({ kind: 'alert-acknowledged', alertId }),
    );
  }

  #at(): string {
    return isoAt(this.options.clock);
  }
}
