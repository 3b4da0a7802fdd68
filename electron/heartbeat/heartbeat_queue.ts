/**
 * Heartbeat reports waiting for the backend, in the journal (table `heartbeat_queue`): a report is written before it
 * is sent and deleted once the backend has it, so a kiosk that cannot reach the backend — or restarts meanwhile —
 * sends every report later, oldest first, each with the idempotency key it was first sent with. The queue is
 * bounded: past `limit` the oldest reports go (the newest state matters most; the log counts what was dropped).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HeartbeatReport } from '../backend/contract/heartbeat.js';

export interface QueuedReport {
  id: number;
  idempotencyKey: string;
  report: HeartbeatReport;
}

export class HeartbeatQueue {
  constructor(
    private readonly db: Database.Database,
    private readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** Adds a report; returns how many of the oldest were dropped to stay within the limit. */
  enqueue(report: HeartbeatReport): number {
    return this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO heartbeat_queue (idempotency_key, report, queued_at) VALUES (?, ?, ?)')
        .run(randomUUID(), JSON.stringify(report), new Date(this.now()).toISOString());
      const over = this.size() - this.limit;
      if (over <= 0) return 0;
      this.db
        .prepare(
          'DELETE FROM heartbeat_queue WHERE id IN (SELECT id FROM heartbeat_queue ORDER BY id LIMIT ?)',
        )
        .run(over);
      return over;
    })();
  }

  oldest(): QueuedReport | undefined {
    const row = this.db
      .prepare('SELECT id, idempotency_key, report FROM heartbeat_queue ORDER BY id LIMIT 1')
      .get() as { id: number; idempotency_key: string; report: string } | undefined;
    return row && { id: row.id, idempotencyKey: row.idempotency_key, report: JSON.parse(row.report) };
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM heartbeat_queue WHERE id = ?').run(id);
  }

  size(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM heartbeat_queue').get() as { n: number }).n;
  }
}
