import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { parseConfig } from '../config/config_loader.js';
import { openJournal } from '../journal/journal_database.js';
import { createKioskApp, type KioskApp } from '../kiosk_app.js';
import type { EventName } from '../rpc/contract.js';
import { ManagerDeviceHub } from './manager_device_hub.js';

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
  return parsed.config;
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

  beforeEach(async () => {
    devices = new ManagerDeviceHub(config.devices);
    await devices.start();
    const journal = openJournal(':memory:');
    if (!journal.ok) throw new Error('journal');
    app = createKioskApp(config, devices, journal.value, { logger: recordingLogger() });
    events = [];
    app.bus.subscribe((event, payload) => events.push({ event, payload }));
    await eventually(() => devices.statuses().every((s) => s.status.state === 'ready'));
  });
  afterEach(() => app.close());

  it('prints a session’s ticket and tells that session how it went', async () => {
    app.session.start('en');
    const printed = await app.printing.printSample('queue-ticket');
    expect(printed.ok).toBe(true);
    await eventually(() =>
      events.some((e) => e.event === 'print.jobChanged' && (e.payload as { state: string }).state === 'done'),
    );
    expect(app.printing.staffJobs()[0]).toMatchObject({ template: 'queue-ticket', status: 'confirmed' });
    expect(app.printing.counters().find((c) => c.printerId === 'ticket')).toMatchObject({ tickets: 1 });
  });

  it('refuses to print a document with a character no font has: nothing printed, resident told, staff alerted', async () => {
    app.session.start('zh-Hant');
    const printed = await app.printing.printSample('identity-proof', true);
    expect(printed).toEqual({ ok: false, error: 'missing-glyphs' });
    expect(events).toContainEqual({ event: 'print.failed', payload: { reason: 'missing-glyphs' } });
    expect(app.printing.staffJobs()).toEqual([]);
    const [alert] = app.printing.alerts();
    expect(alert).toMatchObject({ kind: 'document-not-printable', acknowledgedAt: null });
    // The alert names the template and a count, never the resident's name or its characters.
    expect(alert?.detail).toBe('identity-proof: 1 character(s) without a glyph in any configured font');
    expect(app.printing.acknowledgeAlert(alert!.id, 'staff-007')).toEqual({ ok: true });
    expect(app.printing.alerts()[0]).toMatchObject({ acknowledgedBy: 'staff-007' });
    expect(app.printing.acknowledgeAlert(alert!.id, 'staff-007')).toEqual({
      ok: false,
      error: 'alert-not-open',
    });
  });

  it('does not tell one session about another session’s jobs, and holds an unprinted job for staff', async () => {
    app.session.start('pt');
    await devices.simulate({ action: 'paper', deviceId: 'ticket', paper: 'out' });
    await eventually(() => devices.statuses().some((s) => s.status.state === 'no-paper'));
    const printed = await app.printing.printSample('queue-ticket');
    expect(printed.ok).toBe(true);
    app.session.end('cancelled');
    const [job] = app.printing.staffJobs();
    expect(job).toMatchObject({
      status: 'needs-attention',
      canReprint: true,
      reason: 'resident-session-ended-before-printing',
    });
    expect(app.printing.alerts()[0]).toMatchObject({ kind: 'print-needs-attention', printJobId: job?.jobId });

    events.length = 0;
    app.session.start('en');
    await devices.simulate({ action: 'paper', deviceId: 'ticket', paper: 'loaded' });
    await app.printing.reprint(job!.jobId, 'staff-042', 'resident came back');
    await eventually(() => app.printing.staffJobs()[0]?.status === 'confirmed');
    expect(events.filter((e) => e.event === 'print.jobChanged')).toEqual([]);
  });
});
