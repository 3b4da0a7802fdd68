import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually.js';
import { FakeClock } from '../../test/support/fake_clock.js';
import { type KioskAppFixture, startKioskAppFixture } from '../../test/support/kiosk_app_fixture.js';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { parseConfig } from '../config/config_loader.js';
import { openJournal } from '../journal/journal_database.js';
import { createKioskApp, type KioskApp } from '../kiosk_app.js';
import { ManagerDeviceHub } from '../services/manager_device_hub.js';
import { logDeviceReports } from './device_log.js';
import { logKioskEvents } from './kiosk_event_log.js';

describe('the kiosk’s life in its log', () => {
  let clock: FakeClock;
  let logger: ReturnType<typeof recordingLogger>;
  let devices: ManagerDeviceHub;
  let app: KioskApp;

  beforeEach(async () => {
    const parsed = parseConfig({
      terminal: { id: 'MO-TEST-01' },
      site: { kind: 'macau', centreId: 'x', name: { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'A', en: 'A' } },
      mode: 'test',
      services: ['check-in'],
      devices: [{ id: 'scanner', kind: 'barcode-scanner', transport: 'simulated', model: 'hid-pos' }],
      timeLimits: { idleSeconds: 60, warningSeconds: 20, maxExtensions: 10, attractSlideSeconds: 6 },
    });
    if (!parsed.ok) throw new Error('config');
    const journal = openJournal(':memory:');
    if (!journal.ok) throw new Error('journal');
    clock = new FakeClock();
    logger = recordingLogger();
    devices = new ManagerDeviceHub(parsed.value.devices, { report: logDeviceReports(logger) });
    app = createKioskApp(parsed.value, devices, journal.value, { logger, clock });
    logKioskEvents(app.bus, logger, app.kioskStatus.status);
    await devices.start();
    await eventually(() => devices.statuses()[0]?.status.state === 'ready');
    logger.lines.length = 0;
  });
  afterEach(() => app.close());

  it('logs a session from start to timeout, with its id and never more', () => {
    const view = app.flows.startSession('pt');
    const sessionId = view.phase === 'active' ? view.sessionId : '';
    clock.advance(40_000);
    app.session.extend();
    clock.advance(60_000);
    expect(logger.lines).toEqual([
      { event: 'session-started', fields: { sessionId, language: 'pt' } },
      { event: 'session-idle-warning', fields: { sessionId, secondsLeft: 20 } },
      { event: 'session-extended', fields: { sessionId, extensionsLeft: 9 } },
      { event: 'session-idle-warning', fields: { sessionId, secondsLeft: 20 } },
      { event: 'session-timed-out', fields: { sessionId } },
    ]);
  });

  it('logs a session ended by the resident with its reason', () => {
    app.flows.startSession('en');
    app.session.end('done');
    expect(logger.lines.map((line) => line.event)).toEqual(['session-started', 'session-ended']);
    expect(logger.of('session-ended')[0]).toMatchObject({ reason: 'done' });
  });

  it('logs maintenance entered and left, and the kiosk going out of service and back', () => {
    app.flows.startSession('en');
    app.kioskStatus.setMaintenance(true);
    app.kioskStatus.setMaintenance(false);
    expect(logger.lines.map((line) => line.event)).toEqual([
      'session-started',
      // The kiosk ends the session as soon as maintenance is published; the log sees that first.
      'session-ended',
      'maintenance-entered',
      'kiosk-out-of-service',
      'maintenance-left',
      'kiosk-in-service',
    ]);
    expect(logger.of('kiosk-out-of-service')[0]).toEqual({ reasons: ['maintenance'] });
    expect(logger.of('session-ended')[0]).toMatchObject({ reason: 'out-of-service' });
  });

  it('logs a device unplugged and plugged back, and what it did to the kiosk', async () => {
    devices.manager.simulators.unplug('scanner');
    await eventually(() => logger.of('device-disconnected').length === 1);
    devices.manager.simulators.replug('scanner');
    await eventually(() => logger.of('device-connected').length === 1);
    expect(logger.of('device-disconnected')[0]).toEqual({
      deviceId: 'scanner',
      kind: 'barcode-scanner',
      from: 'ready',
      to: 'disconnected',
    });
    expect(logger.lines.map((line) => line.event)).toEqual([
      'device-disconnected',
      'kiosk-out-of-service',
      'device-connected',
      'kiosk-in-service',
    ]);
    expect(logger.of('kiosk-out-of-service')[0]).toEqual({ reasons: ['device-unavailable:scanner'] });
  });

  it('logs every RPC call refused before a service sees it, without the refusal text', async () => {
    await app.router.call('session.teleport', {});
    await app.router.call('session.start', { language: 'klingon' });
    await app.router.call('maintenance.refresh', {});
    expect(logger.of('rpc-refused')).toEqual([
      { method: 'session.teleport', code: 'unknown-method' },
      { method: 'session.start', code: 'invalid-params' },
      { method: 'maintenance.refresh', code: 'forbidden' },
    ]);
  });
});

describe('a session’s flows in the log', () => {
  let kiosk: KioskAppFixture;
  beforeEach(async () => {
    kiosk = await startKioskAppFixture();
    logKioskEvents(kiosk.app.bus, kiosk.logger, kiosk.app.kioskStatus.status);
  });
  afterEach(() => kiosk.close());

  it('logs nothing for a step, a language or a display setting: only a move into another flow', async () => {
    await kiosk.call('session.start', { language: 'en' });
    const sessionId = kiosk.app.session.activeSessionId;
    expect(await kiosk.call('home.chooseLanguage', { language: 'pt' })).toEqual({ ok: true });
    expect(await kiosk.call('home.openService', { service: 'check-in' })).toEqual({ ok: true });
    await kiosk.call('session.setAccessibility', { largeText: true });
    expect(kiosk.app.session.view()).toMatchObject({ flow: { step: 'service-intro' }, language: 'pt' });
    expect(kiosk.logger.lines.map((line) => line.event)).toEqual(['session-started']);
    // Only the home flow exists yet: a resident flow's view stands in for the first one to come.
    const shown = kiosk.app.session.view();
    if (shown.phase !== 'active') throw new Error('no session');
    const inAnotherFlow = { ...shown, flow: { service: 'check-in', step: 'scan' } };
    kiosk.app.bus.emit('session.changed', inAnotherFlow as unknown as typeof shown);
    expect(kiosk.logger.of('session-flow-entered')).toEqual([{ sessionId, flow: 'check-in' }]);
  });
});
