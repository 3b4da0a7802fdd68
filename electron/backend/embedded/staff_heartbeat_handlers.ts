import { macauIso } from '../../../lib/macau_time.js';
import { ok } from '../../../lib/result.js';
import type { HeartbeatReport } from '../contract/heartbeat.js';
import type { Handler } from './embedded_context.js';
import { checkPinWithLockout, staffPinPolicy } from './pin_attempts.js';

/** Staff PIN checks and terminal heartbeats: the maintenance side of the backend. */

export const checkStaffPin: Handler<'checkStaffPin'> = (ctx, request) => {
  const checked = checkPinWithLockout(ctx, staffPinPolicy, request.staffId, request.pin, 'staff');
  if (!checked.ok) return checked;
  const { roles_json } = ctx.db.prepare('SELECT roles_json FROM staff WHERE id = ?').get(request.staffId) as {
    roles_json: string;
  };
  return ok({ staffId: request.staffId, roles: JSON.parse(roles_json) });
};

/** Keeps the newest report per terminal by the terminal's own `sentAt`: a queued old report never wins. */
export const reportHeartbeat: Handler<'reportHeartbeat'> = (ctx, { report }) => {
  const now = ctx.now();
  const sentAt = Date.parse(report.sentAt);
  const stored = ctx.db
    .prepare('SELECT sent_at FROM heartbeats WHERE terminal_id = ?')
    .get(report.terminalId) as { sent_at: number } | undefined;
  const latest = stored === undefined || sentAt >= stored.sent_at;
  if (latest) {
    ctx.db
      .prepare(
        `INSERT INTO heartbeats (terminal_id, received_at, sent_at, report_json) VALUES (?, ?, ?, ?)
         ON CONFLICT (terminal_id) DO UPDATE SET received_at = excluded.received_at,
           sent_at = excluded.sent_at, report_json = excluded.report_json`,
      )
      .run(report.terminalId, now, sentAt, JSON.stringify(report));
  }
  return ok({ receivedAt: macauIso(now), latest });
};

export const terminals: Handler<'terminals'> = (ctx) => {
  const rows = ctx.db
    .prepare('SELECT terminal_id, received_at, report_json FROM heartbeats ORDER BY terminal_id')
    .all() as { terminal_id: string; received_at: number; report_json: string }[];
  return ok({
    terminals: rows.map((row) => ({
      terminalId: row.terminal_id,
      receivedAt: macauIso(row.received_at),
      report: JSON.parse(row.report_json) as HeartbeatReport,
    })),
  });
};
