import type Database from 'better-sqlite3';

export type StaffAlertKind = 'document-not-printable' | 'print-needs-attention' | 'resident-help';

export interface StaffAlert {
  id: number;
  kind: StaffAlertKind;
  detail: string;
  printJobId: number | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

interface RawAlert {
  id: number;
  kind: StaffAlertKind;
  detail: string;
  print_job_id: number | null;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

/** The journal's list of alerts for staff: raised by the services, acknowledged (with who) in maintenance. */
export class StaffAlertStore {
  constructor(private readonly db: Database.Database) {}

  raise(kind: StaffAlertKind, detail: string, printJobId: number | null = null): number {
    const result = this.db
      .prepare('INSERT INTO staff_alerts (kind, detail, print_job_id) VALUES (?, ?, ?)')
      .run(kind, detail, printJobId);
    return Number(result.lastInsertRowid);
  }

  /** Open alerts first, newest first; at most `limit`. */
  list(limit = 100): StaffAlert[] {
    const rows = this.db
      .prepare('SELECT * FROM staff_alerts ORDER BY acknowledged_at IS NOT NULL, id DESC LIMIT ?')
      .all(limit) as RawAlert[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      detail: r.detail,
      printJobId: r.print_job_id,
      createdAt: r.created_at,
      acknowledgedAt: r.acknowledged_at,
      acknowledgedBy: r.acknowledged_by,
    }));
  }

  openCount(): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM staff_alerts WHERE acknowledged_at IS NULL').get() as {
        n: number;
      }
    ).n;
  }

  acknowledge(id: number, staffId: string): boolean {
    const result = this.db
      .prepare(
        `UPDATE staff_alerts SET acknowledged_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), acknowledged_by = ?
         WHERE id = ? AND acknowledged_at IS NULL`,
      )
      .run(staffId, id);
    return result.changes === 1;
  }
}
