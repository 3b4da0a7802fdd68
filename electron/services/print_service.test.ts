import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake_clock.js';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { parseConfig } from '../config/config_loader.js';
import { AuditLog } from '../journal/audit_log.js';
import { openJournal } from '../journal/journal_database.js';
import { PrintJobStore } from '../journal/print_job_store.js';
import { StaffAlertStore } from '../journal/staff_alerts.js';
import { createKioskApp, type KioskApp } from '../kiosk_app.js';
import type { EventName } from '../rpc/contract.js';
import { EventBus } from '../rpc/event_bus.js';
import { ManagerDeviceHub } from './manager_device_hub.js';
import { KioskPrintService, retentionCheckMs } from './print_service.js';
import { SessionService } from './session_service.js';

const config = (() => {
  const parsed = parseConfig({
    terminal: { id: 'MO-TEST-01' },
    site: { kind: 'macau', centreId: 'x', name: { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'A', en: 'A' } },
    mode: 'test',
    services: ['check-in'],
    devices: [
      { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
      { id: 'a4', kind: 'document-printer', transport: 'simulated' },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
})();

async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('kiosk print service', () => {
  let app: KioskApp;
  let devices: ManagerDeviceHub;
  let events: { event: EventName; payload: unknown }[];
  let clock: FakeClock;
  let db: Database.Database;
  let logger: ReturnType<typeof recordingLogger>;

  beforeEach(async () => {
    devices = new ManagerDeviceHub(config.devices);
    await devices.start();
    const journal = openJournal(':memory:');
    if (!journal.ok) throw new Error('journal');
    clock = new FakeClock();
    db = journal.value;
    logger = recordingLogger();
    app = createKioskApp(config, devices, db, { clock, logger });
    events = [];
    app.bus.subscribe((event, payload) => events.push({ event, payload }));
    await eventually(() => devices.statuses().every((s) => s.status.state === 'ready'));
  });
  afterEach(() => app.close());

  it('prints a session’s ticket and tells that session how it went', async () => {
    app.flows.startSession('en');
    const printed = await app.printing.printSample('queue-ticket');
    expect(printed.ok).toBe(true);
    await eventually(() =>
      events.some((e) => e.event === 'print.jobChanged' && (e.payload as { state: string }).state === 'done'),
    );
    expect(app.printing.staffJobs()[0]).toMatchObject({ template: 'queue-ticket', status: 'confirmed' });
    expect(app.printing.counters().find((c) => c.printerId === 'ticket')).toMatchObject({ tickets: 1 });
    expect(events.find((e) => e.event === 'print.jobChanged')?.payload).toMatchObject({ paper: 'ticket' });
  });

  it('an appointment slip from the ticket printer is called a slip on screen, not a ticket', async () => {
    app.flows.startSession('en');
    expect((await app.printing.printSample('appointment-slip')).ok).toBe(true);
    await eventually(() => events.some((e) => e.event === 'print.jobChanged'));
    const views = events.filter((e) => e.event === 'print.jobChanged').map((e) => e.payload);
    expect(views.every((view) => (view as { paper: string }).paper === 'slip')).toBe(true);
  });

  it('refuses to print a document with a character no font has: nothing printed, resident told, staff alerted', async () => {
    app.flows.startSession('zh-Hant');
    const printed = await app.printing.printSample('identity-proof', true);
    // The service's error stays typed (the RPC edge reduces it to its code).
    expect(printed).toEqual({ ok: false, error: { code: 'missing-glyphs', codePoints: ['U+E000'] } });
    expect(events).toContainEqual({ event: 'print.failed', payload: { reason: 'missing-glyphs' } });
    expect(app.printing.staffJobs()).toEqual([]);
    const [alert] = app.printing.alerts();
    expect(alert).toMatchObject({ kind: 'document-not-printable', acknowledgedAt: null });
    // The alert names the template and a count, never the resident's name or its characters.
    expect(alert?.detail).toEqual({ code: 'missing-glyphs', template: 'identity-proof', characters: 1 });
    expect(app.printing.acknowledgeAlert(alert!.id, 'staff-007').ok).toBe(true);
    // Who acknowledged is read back from the audit log, where the acknowledgement was recorded.
    expect(app.printing.alerts()[0]).toMatchObject({ acknowledgedBy: 'staff-007' });
    expect(app.journal.audit.about(`staff-alert:${alert!.id}`).map((r) => r.actor)).toEqual([
      'staff:staff-007',
    ]);
    expect(app.printing.acknowledgeAlert(alert!.id, 'staff-007')).toEqual({
      ok: false,
      error: { code: 'alert-not-open', alertId: alert!.id },
    });
    expect(app.journal.audit.about(`staff-alert:${alert!.id}`)).toHaveLength(1);
  });

  it('does not tell one session about another session’s jobs, and holds an unprinted job for staff', async () => {
    app.flows.startSession('pt');
    await devices.simulate({ action: 'paper', deviceId: 'ticket', paper: 'out' });
    await eventually(() => devices.statuses().some((s) => s.status.state === 'no-paper'));
    const printed = await app.printing.printSample('queue-ticket');
    expect(printed.ok).toBe(true);
    app.session.end('cancelled');
    const [job] = app.printing.staffJobs();
    expect(job).toMatchObject({
      status: 'needs-attention',
      canReprint: true,
      reason: { kind: 'held', code: 'resident-session-ended-before-printing' },
    });
    expect(app.printing.alerts()[0]).toMatchObject({ kind: 'print-needs-attention', printJobId: job?.jobId });

    events.length = 0;
    app.flows.startSession('en');
    await devices.simulate({ action: 'paper', deviceId: 'ticket', paper: 'loaded' });
    await app.printing.reprint(job!.jobId, 'staff-042', 'resident came back');
    await eventually(() => app.printing.staffJobs()[0]?.status === 'confirmed');
    expect(events.filter((e) => e.event === 'print.jobChanged')).toEqual([]);
  });

  it('keeps the job’s session in a column of its own, not in its idempotency key', async () => {
    app.flows.startSession('en');
    const sessionId = app.session.activeSessionId ?? 'none';
    const printed = await app.printing.printSample('queue-ticket');
    if (!printed.ok) throw new Error(printed.error.code);
    const job = new PrintJobStore(db, logger).get(printed.value.jobId);
    expect(job?.sessionId).toBe(sessionId);
    expect(job?.idempotencyKey).not.toContain(sessionId);
  });

  it('lists staff’s jobs newest first, every status, in one query', async () => {
    app.flows.startSession('en');
    await devices.simulate({ action: 'paper', deviceId: 'ticket', paper: 'out' });
    await eventually(() => devices.statuses().some((s) => s.status.state === 'no-paper'));
    await app.printing.printSample('queue-ticket');
    await app.printing.printSample('appointment-slip');
    app.session.end('cancelled');
    const prepare = db.prepare.bind(db);
    let queries = 0;
    db.prepare = ((sql: string) => {
      queries++;
      return prepare(sql);
    }) as typeof db.prepare;
    const jobs = app.printing.staffJobs();
    db.prepare = prepare;
    expect(queries).toBe(1);
    expect(jobs.map((j) => [j.jobId, j.status])).toEqual([
      [2, 'needs-attention'],
      [1, 'needs-attention'],
    ]);
  });

  it('voids a job nobody resolved once it outlives journal.unresolvedPayloadHours: staff alerted, audited, bytes gone', async () => {
    app.flows.startSession('pt');
    await devices.simulate({ action: 'paper', deviceId: 'ticket', paper: 'out' });
    await eventually(() => devices.statuses().some((s) => s.status.state === 'no-paper'));
    const printed = await app.printing.printSample('queue-ticket');
    if (!printed.ok) throw new Error(printed.error.code);
    app.session.end('cancelled');
    const store = new PrintJobStore(db, logger);
    expect(store.get(printed.value.jobId)).toMatchObject({ status: 'needs-attention', hasPayload: true });

    // Four hours on the (fake) clock: within the limit, nothing happens.
    clock.advance(4 * 3_600_000 - 1);
    expect(store.get(printed.value.jobId)?.status).toBe('needs-attention');
    // Within one check interval past the limit, a scheduled check voids it.
    clock.advance(retentionCheckMs(4) + 1);
    expect(store.get(printed.value.jobId)).toMatchObject({
      status: 'voided',
      voidReason: 'expired',
      hasPayload: false,
    });
    expect(app.printing.staffJobs()[0]).toMatchObject({
      status: 'voided',
      reason: { kind: 'voided', code: 'expired' },
    });
    expect(app.printing.alerts()[0]).toMatchObject({
      kind: 'print-job-expired',
      printJobId: printed.value.jobId,
      acknowledgedAt: null,
    });
    expect(app.journal.audit.about(`print-job:${printed.value.jobId}`).map((r) => [r.kind, r.actor])).toEqual(
      [['print-job-expired', 'system']],
    );
    expect(app.journal.audit.verify().ok).toBe(true);
    expect(logger.of('print-job-expired')).toEqual([
      { jobId: printed.value.jobId, printerId: 'ticket', retentionHours: 4 },
    ]);
    expect(logger.of('staff-alert-raised')).toContainEqual({
      alertId: expect.any(Number),
      kind: 'print-job-expired',
      printJobId: printed.value.jobId,
    });
  });
});

describe('KioskPrintService lifecycle', () => {
  it('builds without side effects; start() recovers, follows the session and runs the retention limit at once', () => {
    const opened = openJournal(':memory:');
    if (!opened.ok) throw new Error('journal');
    const db = opened.value;
    const clock = new FakeClock();
    const audit = new AuditLog(db, clock);
    const logger = recordingLogger();
    const alerts = new StaffAlertStore(db, { clock, audit, logger });
    const store = new PrintJobStore(db, logger, () => new Date(clock.now()));
    const payload = {
      format: 'mono-bitmap' as const,
      bitmap: { width: 8, height: 1, data: Uint8Array.of(1) },
    };
    const job = {
      printerId: 'ticket',
      printerKind: 'ticket-printer' as const,
      template: 'queue-ticket',
      jobName: 'q',
    };
    // An earlier run left one job mid-send, and one held for staff five hours ago.
    const sending = store.insert({ ...job, idempotencyKey: 'a', sessionId: 'old', payload }).job.id;
    store.markSending(sending);
    const held = store.insert({ ...job, idempotencyKey: 'b', sessionId: 'old', payload }).job.id;
    store.markNeedsAttention(held, 'resident-session-ended-before-printing');
    clock.advance(5 * 3_600_000);

    const session = new SessionService(config.timeLimits, clock, new EventBus());
    const printing = new KioskPrintService({
      db,
      config,
      devices: { printers: () => [] },
      session,
      bus: new EventBus(),
      audit,
      alerts,
      clock,
      logger,
    });
    expect(store.get(sending)?.status).toBe('sending');
    expect(store.get(held)?.status).toBe('needs-attention');
    expect(clock.pendingTimers).toBe(0);
    expect(alerts.list()).toEqual([]);

    expect(printing.start()).toEqual({ confirmed: [], needsAttention: [sending] });
    expect(store.get(held)).toMatchObject({ status: 'voided', voidReason: 'expired' });
    expect(alerts.list().map((a) => a.kind)).toEqual(['print-job-expired', 'print-needs-attention']);
    expect(logger.of('print-jobs-recovered')).toEqual([{ jobs: [sending] }]);
    expect(logger.of('print-job-expired')).toEqual([{ jobId: held, printerId: 'ticket', retentionHours: 4 }]);
    expect(clock.pendingTimers).toBe(1);
    printing.close();
    expect(clock.pendingTimers).toBe(0);
    db.close();
  });
});
