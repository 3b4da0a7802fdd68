import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';
import { staffBadgeOffice } from '../../../test/support/staff_badges.js';

/**
 * The maintenance tools through the router, on a real kiosk app with simulated devices, the embedded backend and a
 * fake clock, for a member of staff signed in with badge and PIN: every action lands in the audit log with their
 * staff id; unfinished transactions are reconciled; the door refuses hostile params before any tool sees them and
 * intents on the wrong screen are stale taps; the staff session times out; leaving returns the kiosk to service.
 */
const office = staffBadgeOffice();
let kiosk: KioskAppFixture;
let bundles: string;

beforeEach(async () => {
  bundles = mkdtempSync(join(tmpdir(), 'balcao-maint-'));
  kiosk = await startKioskAppFixture(
    {
      staff: { badgeKeys: office.badgeKeys, sessionIdleSeconds: 120 },
      maintenance: { supportBundleDir: bundles, removableMediaRoots: [join(bundles, 'media')] },
      devices: [
        { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
        { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
        { id: 'reader', kind: 'document-reader', transport: 'simulated', model: 'ccid', required: false },
        {
          id: 'lockers',
          kind: 'locker-controller',
          transport: 'simulated',
          required: false,
          options: { doors: { A1: { relay: 1, sensor: 1 } } },
        },
      ],
    },
    { backend: 'embedded' },
  );
});
afterEach(() => kiosk.close());

/** The step view, loosely: the fields these tests wait on, whatever the step. */
type Seen = {
  step: string;
  result?: { outcome: { kind: string } } | null;
  state?: { kind: string };
  notReady?: unknown[];
};
const flow = (): Seen | null => {
  const view = kiosk.app.session.view();
  return view.phase === 'active' ? (view.flow as Seen) : null;
};
async function settle(until: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!until()) {
    if (Date.now() > deadline) throw new Error(`timed out on ${JSON.stringify(flow())}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
async function signIn(): Promise<void> {
  await kiosk.call('staff-sign-in.open');
  await kiosk.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text: office.badge('S0001') });
  await settle(() => flow()?.step === 'pin');
  expect(await kiosk.call('staff-sign-in.enterPin', { pin: '135790' })).toEqual({ ok: true });
  expect(flow()).toMatchObject({ service: 'maintenance', step: 'menu' });
}
const audited = () =>
  kiosk.app.journal.audit
    .recent(200)
    .map((row) => ({ actor: row.actor, ...JSON.parse(row.content).event }))
    .reverse();
const deviceResult = () => flow()?.result;

describe('maintenance tools', () => {
  it('every staff action is in the audit log with the staff id', async () => {
    // A collection half done that recovery could not settle: handed to staff, with an alert.
    const tx = kiosk.app.journal.transactions.start('collection', 'a-session');
    if (!tx.ok) throw new Error('transaction');
    kiosk.app.journal.transactions.advance(tx.value.id, 'identified');
    kiosk.app.journal.transactions.handToStaff(tx.value.id, 'no-resolver');
    const alertId = kiosk.app.journal.alerts.list(10)[0]?.id ?? -1;
    await signIn();
    expect(flow()).toMatchObject({ alertsOpen: 1, transactionsOpen: 1, notReady: [] });

    await kiosk.call('maintenance.openTool', { tool: 'devices' });
    for (const [method, params] of [
      ['maintenance.testDevice', { deviceId: 'ticket', test: 'test-ticket' }],
      ['maintenance.resetPaperCounter', { deviceId: 'ticket' }],
      ['maintenance.reconnectDevice', { deviceId: 'scanner' }],
      ['maintenance.openDoor', { deviceId: 'lockers', door: 'A1', reason: 'door-test' }],
    ] as const) {
      expect(await kiosk.call(method, params)).toEqual({ ok: true });
      await settle(() => deviceResult()?.outcome.kind === 'done');
    }
    // A test the device does not offer fails with a code, audited too.
    await kiosk.call('maintenance.testDevice', { deviceId: 'scanner', test: 'test-page' });
    await settle(() => deviceResult()?.outcome.kind === 'failed');
    await kiosk.call('maintenance.back');

    await kiosk.call('maintenance.openTool', { tool: 'transactions' });
    expect(flow()).toMatchObject({
      transactions: [
        { id: tx.value.id, kind: 'collection', state: 'identified', needsStaffReason: 'no-resolver' },
      ],
    });
    await kiosk.call('maintenance.resolveTransaction', {
      transactionId: tx.value.id,
      outcome: { kind: 'voided', reason: 'resident-did-not-receive' },
    });
    expect(flow()).toMatchObject({ transactions: [], result: { action: 'resolve-voided', ok: true } });
    // The same transaction again: refused with a code, nothing changes.
    await kiosk.call('maintenance.resolveTransaction', {
      transactionId: tx.value.id,
      outcome: { kind: 'confirmed', reason: 'resident-received' },
    });
    expect(flow()).toMatchObject({ result: { ok: false } });
    await kiosk.call('maintenance.back');

    await kiosk.call('maintenance.openTool', { tool: 'alerts' });
    await kiosk.call('maintenance.acknowledgeAlert', { alertId });
    expect(flow()).toMatchObject({ alerts: [{ id: alertId, acknowledgedBy: 'S0001' }] });
    await kiosk.call('maintenance.back');

    await kiosk.call('maintenance.openTool', { tool: 'support-bundle' });
    expect(flow()).toMatchObject({ destinations: [{ id: 'kiosk-disk', kind: 'kiosk-disk' }] });
    await kiosk.call('maintenance.writeSupportBundle', { destination: 'kiosk-disk' });
    await settle(() => flow()?.state?.kind === 'written');
    expect(readdirSync(bundles).filter((f) => f.endsWith('.zip'))).toHaveLength(1);
    await kiosk.call('maintenance.back');

    expect(await kiosk.call('maintenance.leave')).toEqual({ ok: true });
    expect(kiosk.app.session.view().phase).toBe('attract');
    expect(kiosk.app.kioskStatus.status).toEqual({ mode: 'in-service' });

    const staffActs = audited().filter((e) => e.actor === 'staff:S0001');
    expect(staffActs.map((e) => e.kind)).toEqual([
      'staff-signed-in',
      'maintenance-entered',
      'device-test-run',
      'paper-counter-reset',
      'device-reconnect-requested',
      'locker-door-opened-by-staff',
      'device-test-run',
      'transaction-resolved-by-staff',
      'alert-acknowledged',
      'support-bundle-written',
      'maintenance-left',
      'staff-signed-out',
    ]);
    expect(staffActs.find((e) => e.kind === 'device-test-run')).toMatchObject({
      deviceId: 'ticket',
      test: 'test-ticket',
      outcome: 'ok',
    });
    expect(staffActs.filter((e) => e.kind === 'device-test-run')[1]).toMatchObject({
      outcome: 'not-offered',
    });
    expect(staffActs.find((e) => e.kind === 'support-bundle-written')).toMatchObject({
      destination: 'kiosk-disk',
      sizeBytes: expect.any(Number),
    });
    expect(kiosk.logger.of('audit-append-failed')).toEqual([]);
    expect(staffActs.find((e) => e.kind === 'transaction-resolved-by-staff')).toMatchObject({
      outcome: 'voided',
      reason: 'resident-did-not-receive',
    });
    // Nobody else acted: no staff action was recorded without a staff id.
    expect(
      audited()
        .filter((e) => e.actor !== 'staff:S0001')
        .map((e) => e.kind),
    ).not.toContain('transaction-resolved-by-staff');
  });

  it('refuses hostile params at every door before any tool sees them, and stale taps on another screen', async () => {
    await signIn();
    const refused = { ok: false, error: { code: 'invalid-params' } };
    const hostile: [string, unknown][] = [
      ['maintenance.openTool', { tool: 'shell' }],
      ['maintenance.openTool', { tool: 'devices', staffId: 'S0002' }],
      ['maintenance.reprint', { jobId: 1, reason: 'CHAN TAI MAN left, MB2345678' }],
      ['maintenance.reprint', { jobId: -1, reason: 'resident-returned' }],
      ['maintenance.voidJob', { jobId: 1.5, reason: 'duplicate' }],
      ['maintenance.voidJob', { jobId: 1 }],
      [
        'maintenance.resolveTransaction',
        { transactionId: 1, outcome: { kind: 'voided', reason: 'resident-received' } },
      ],
      [
        'maintenance.resolveTransaction',
        { transactionId: 1, outcome: { kind: 'deleted', reason: 'resident-left' } },
      ],
      ['maintenance.acknowledgeAlert', { alertId: '1; DROP TABLE staff_alerts' }],
      ['maintenance.testDevice', { deviceId: 'scanner', test: 'format-disk' }],
      ['maintenance.testDevice', { deviceId: 'x'.repeat(65), test: 'test-scan' }],
      ['maintenance.openDoor', { deviceId: 'lockers', door: 'A1', reason: 'because' }],
      ['maintenance.openDoor', { deviceId: 'lockers', door: 'A'.repeat(17), reason: 'door-test' }],
      ['maintenance.scheduleRestart', { hour: 24, minute: 0 }],
      ['maintenance.scheduleRestart', { hour: 3, minute: 7 }],
      ['maintenance.writeSupportBundle', { destination: '' }],
      ['maintenance.writeSupportBundle', { destination: '/'.repeat(201) }],
      ['maintenance.filterLogs', { event: 'rm -rf', deviceId: null, window: '1h' }],
      ['maintenance.filterLogs', { event: null, deviceId: null, window: '1y' }],
      ['staff-sign-in.enterPin', { pin: '13579O' }],
    ];
    for (const [method, params] of hostile)
      expect(await kiosk.call(method, params), method).toMatchObject(refused);
    // Well formed, but on another screen: a stale tap that changes nothing.
    expect(await kiosk.call('maintenance.voidJob', { jobId: 1, reason: 'duplicate' })).toEqual({
      ok: false,
      error: 'other-step',
    });
    expect(await kiosk.call('maintenance.leaveAnyway')).toEqual({ ok: false, error: 'other-step' });
    // A destination that is not offered (a path climbing out of the media roots): refused with a code.
    await kiosk.call('maintenance.openTool', { tool: 'support-bundle' });
    await kiosk.call('maintenance.writeSupportBundle', { destination: '../../etc' });
    await settle(() => flow()?.state?.kind === 'failed');
    expect(flow()).toMatchObject({ state: { kind: 'failed', code: 'unknown-destination' } });
    expect(flow()).toMatchObject({ service: 'maintenance', staff: { staffId: 'S0001' } });
    expect(JSON.stringify(kiosk.logger.lines)).not.toContain('MB2345678');
  });

  it('a staff session left idle signs out; the kiosk stays in maintenance, out of service', async () => {
    await signIn();
    kiosk.clock.advance(121_000);
    await settle(() => kiosk.app.session.view().phase === 'attract');
    expect(kiosk.app.kioskStatus.maintenance).toBe(true);
    expect(audited().at(-1)).toMatchObject({ actor: 'staff:S0001', kind: 'staff-signed-out' });
    // Nobody signed in: no session, no tools.
    expect(await kiosk.call('maintenance.openTool', { tool: 'devices' })).toEqual({
      ok: false,
      error: 'no-session',
    });
  });

  it('leaving with a required device unplugged names it and keeps the kiosk out of service until it is back', async () => {
    await signIn();
    await kiosk.call('dev.simulate', { action: 'unplug', deviceId: 'ticket' });
    await settle(() => flow()?.notReady?.length === 1);
    await kiosk.call('maintenance.leave');
    expect(flow()).toMatchObject({ step: 'leave-check', notReady: [{ deviceId: 'ticket' }] });
    await kiosk.call('maintenance.leaveAnyway');
    expect(kiosk.app.kioskStatus.status).toMatchObject({
      mode: 'out-of-service',
      reasons: [{ kind: 'device-unavailable', deviceId: 'ticket' }],
    });
    expect(audited().find((e) => e.kind === 'maintenance-left')).toMatchObject({ notReady: ['ticket'] });
    await kiosk.call('dev.simulate', { action: 'replug', deviceId: 'ticket' });
    await settle(() => kiosk.app.kioskStatus.status.mode === 'in-service');
  });

  it('a test read shows the test card; another card after it reads at the first tap', async () => {
    await signIn();
    await kiosk.call('maintenance.openTool', { tool: 'devices' });
    const place = (sample: string | null) =>
      kiosk.call('dev.simulate', { action: 'document', deviceId: 'reader', sample });
    const testRead = async () => {
      await kiosk.call('maintenance.testDevice', { deviceId: 'reader', test: 'test-read' });
      await settle(() => deviceResult()?.outcome.kind !== 'running');
      return deviceResult()?.outcome as {
        kind: string;
        code?: string;
        document?: { documentNumber: string };
      };
    };
    expect(await testRead()).toEqual({ kind: 'failed', code: 'no-card' });
    await place('passport-macao');
    await settle(() => kiosk.devices.statuses().some((d) => d.status.state === 'card-present'));
    expect(await testRead()).toMatchObject({ kind: 'read', document: { documentNumber: 'MB2345678' } });
    // The card taken away and another laid down: the reader reports the first card's removal once; the test
    // reads the new card all the same.
    await place(null);
    await place('passport-td3');
    await settle(() => kiosk.devices.statuses().some((d) => d.status.state === 'card-present'));
    expect(await testRead()).toMatchObject({ kind: 'read', document: { documentNumber: 'L898902C3' } });
    // What the chip holds stays on the screen: never in the log or the audit log.
    expect(JSON.stringify(kiosk.logger.lines)).not.toContain('L898902C3');
    expect(JSON.stringify(kiosk.app.journal.audit.recent(100))).not.toContain('L898902C3');
  });
});
