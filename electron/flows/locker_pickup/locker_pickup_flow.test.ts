import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { err } from '../../../lib/result.js';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';
import { type SwitchableBackend, switchableBackend } from '../../../test/support/switchable_backend.js';
import type { Backend } from '../../backend/contract/backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import { generateIssuerKey, readIssuerKey } from '../../keys/issuer_key_file.js';
import { issuePickupCode, PICKUP_CODE_PREFIX } from '../../lockers/pickup_code.js';
import { decodeBase45, encodeBase45 } from '../../printed/verification/base45.js';
import type { LockerPickupFlowView } from '../../rpc/flows/locker_pickup_contract.js';

/**
 * Smart Locker pickup through the router, as the renderer drives it, at a locker station (MO-DEV-01 as the point
 * `locker-china-plaza`) with the simulated scanner and relay board, and the embedded backend's sample pickups:
 * LA-SAMPLE-1 waiting behind A01 (digits 123456789018), LA-SAMPLE-2 picked up (B02), LA-SAMPLE-3 expired (A03).
 * Codes are signed with the development issuing key the station trusts (config/dev).
 */

const issuer = (() => {
  const key = readIssuerKey('config/dev/dev-locker-pickup.key.json', 'locker-pickup');
  if (!key.ok) throw new Error('the development pickup key must be readable');
  return key.value;
})();
const station = {
  pointId: 'locker-china-plaza',
  issuerKeys: { 'dev-easy-pickup': '0TiRaYmSUsovcu4STcVizxOJoYmREHJo2DkL6RZgSCw=' },
  compartments: {
    A01: { device: 'lockers', door: 'A1' },
    A03: { device: 'lockers', door: 'B1' },
    B02: { device: 'lockers', door: 'B2' },
  },
  typedCodes: { attempts: 3, firstWaitSeconds: 30, maxWaitSeconds: 600 },
  doors: { retries: 1, openWithinMs: 200, leftOpenSeconds: 20 },
};
const devices = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
  {
    id: 'lockers',
    kind: 'locker-controller',
    transport: 'simulated',
    options: {
      doors: { A1: { relay: 1, sensor: 1 }, B1: { relay: 3, sensor: 3 }, B2: { relay: 4, sensor: 4 } },
      pulseMs: 20,
      sensorPollMs: 10,
    },
  },
];

let kiosk: KioskAppFixture;
let switchable: SwitchableBackend | undefined;
afterEach(async () => {
  await kiosk.close();
  switchable = undefined;
});

function embedded(clock: { now(): number }): Backend {
  const opened = openEmbeddedBackend({
    path: ':memory:',
    seed: seedCatalogue(),
    now: () => clock.now(),
    terminal: { id: 'MO-DEV-01', centreId: 'china-plaza' },
  });
  if (!opened.ok) throw new Error('backend');
  return opened.value;
}

async function startStation(
  wrap: (backend: Backend) => Backend = (b) => b,
  journalPath?: string,
  clockStart = Date.now(),
  extraDevices: object[] = [],
): Promise<void> {
  kiosk = await startKioskAppFixture(
    {
      terminal: { id: 'MO-DEV-01' },
      site: {
        kind: 'macau',
        centreId: 'china-plaza',
        name: { 'zh-Hant': '中華廣場', 'zh-Hans': '中华广场', pt: 'China Plaza', en: 'China Plaza' },
      },
      services: ['locker-pickup'],
      devices: [...devices, ...extraDevices],
      lockerStation: station,
    },
    { clockStart, backend: (clock) => wrap(embedded(clock)), ...(journalPath ? { journalPath } : {}) },
  );
  await kiosk.call('session.start', { language: 'en' });
  await kiosk.call('home.chooseLanguage', { language: 'en' });
  await kiosk.call('home.openService', { service: 'locker-pickup' });
  expect(await kiosk.call('home.startService')).toEqual({ ok: true });
  expect(flow()).toEqual({ service: 'locker-pickup', step: 'scan' });
}

const flow = () => {
  const view = kiosk.app.session.view();
  return view.phase === 'active' ? (view.flow as LockerPickupFlowView) : null;
};
const stepBecomes = (step: string) => expect.poll(() => flow()?.step, { timeout: 10_000 }).toBe(step);
const inAnHour = () => Math.floor(kiosk.clock.now() / 1000) + 3600;
const code = (claims: Partial<Parameters<typeof issuePickupCode>[0]> = {}, key = issuer) =>
  issuePickupCode(
    {
      applicationId: 'LA-SAMPLE-1',
      station: station.pointId,
      compartment: 'A01',
      expiresAt: inAnHour(),
      ...claims,
    },
    key,
  ).code;
const scan = (text: string) =>
  kiosk.devices.simulate({ action: 'scan', deviceId: 'scanner', text, symbology: 'qr' });
const doorOpen = (door: string) =>
  kiosk.devices
    .simulators()
    .find((d) => d.deviceId === 'lockers')
    ?.doors?.find((d) => d.door === door)?.open;
const closeDoor = (door: string) =>
  kiosk.devices.simulate({ action: 'door', deviceId: 'lockers', door, open: false });
const pickupStatus = async (applicationId: string) => {
  const found = await kiosk.backend?.findPickup({ applicationId });
  return found?.ok ? found.value.status : found?.error;
};
const refusals = () =>
  kiosk.app.journal.audit
    .recent()
    .filter((row) => row.kind === 'pickup-code-refused')
    .sort((a, b) => a.seq - b.seq)
    .map((row) => (JSON.parse(row.content) as { event: { reason: string; entry: string } }).event);
const transaction = (id = 1) => {
  const tx = kiosk.app.journal.transactions.get(id);
  return (
    tx && {
      ...tx,
      events: kiosk.app.journal.transactions.events(id).map((e) => e.to + (e.call ? `:${e.call}` : '')),
    }
  );
};

describe('Smart Locker pickup at a locker station', () => {
  it('a scanned code opens its door; closing it records the pickup once, journalled before the door moved', async () => {
    await startStation();
    await scan(code());
    await stepBecomes('open');
    expect(flow()).toEqual({ service: 'locker-pickup', step: 'open', compartment: 'A01' });
    expect(doorOpen('A1')).toBe(true);
    expect(transaction()).toMatchObject({
      kind: 'locker-pickup',
      state: 'dispensed',
      subject: 'LA-SAMPLE-1',
    });
    expect(transaction()?.pendingCall?.operation).toBe('record-pickup');
    await closeDoor('A1');
    await stepBecomes('done');
    expect(flow()).toMatchObject({ step: 'done', compartment: 'A01', record: 'recorded' });
    expect(await pickupStatus('LA-SAMPLE-1')).toBe('picked-up');
    expect(transaction()?.events).toEqual([
      'started',
      'identified',
      'identified', // the subject (the application) recorded
      'reserved',
      'dispensed',
      'dispensed:record-pickup',
      'confirmed',
    ]);
    expect(await kiosk.call('locker-pickup.finish')).toEqual({ ok: true });
  });

  it('typed digits open the same record’s door; the same code is then refused as used', async () => {
    await startStation();
    expect(await kiosk.call('locker-pickup.typeDigits')).toEqual({ ok: true });
    await kiosk.call('locker-pickup.submitDigits', { digits: '1234 5678 9018' });
    await stepBecomes('open');
    await closeDoor('A1');
    await stepBecomes('done');
    await kiosk.call('locker-pickup.finish');
    await kiosk.call('session.start', { language: 'en' });
    await kiosk.call('home.chooseLanguage', { language: 'en' });
    await kiosk.call('home.openService', { service: 'locker-pickup' });
    await kiosk.call('home.startService');
    await scan(code());
    await stepBecomes('refused');
    expect(flow()).toMatchObject({ reason: 'used', typed: false });
    expect(doorOpen('A1')).toBe(false);
  });

  it('refuses forged, altered, expired, wrong-station, used, unknown and malformed codes, each in the audit log', async () => {
    await startStation();
    const genuine = code();
    const signed = decodeBase45(genuine.slice(PICKUP_CODE_PREFIX.length));
    if (!signed.ok) throw new Error('decodes');
    const bytes = Uint8Array.from(signed.value);
    bytes[new TextDecoder().decode(bytes).indexOf('A01') + 2] = '3'.charCodeAt(0);
    const cases: [string, string][] = [
      [code({}, generateIssuerKey('locker-pickup', 'dev-easy-pickup')), 'forged'],
      [PICKUP_CODE_PREFIX + encodeBase45(bytes), 'forged'],
      [code({ expiresAt: Math.floor(kiosk.clock.now() / 1000) - 1 }), 'expired'],
      [code({ station: 'locker-flora' }), 'wrong-station'],
      [code({ applicationId: 'LA-SAMPLE-2', compartment: 'B02' }), 'used'],
      [code({ applicationId: 'LA-SAMPLE-3', compartment: 'A03' }), 'expired'],
      [code({ applicationId: 'LA-NOT-ISSUED' }), 'unknown'],
      [code({ compartment: 'B02' }), 'forged'],
      ['moa1:sample:R-0001', 'malformed'],
    ];
    for (const [text, reason] of cases) {
      await scan(text);
      await expect.poll(() => (flow()?.step === 'refused' ? flow() : null)).toMatchObject({ reason });
      expect(await kiosk.call('locker-pickup.tryAgain')).toEqual({ ok: true });
    }
    expect(refusals().map((r) => r.reason)).toEqual([
      'bad-signature',
      'bad-signature',
      'expired',
      'wrong-locker-point',
      'already-used',
      'expired',
      'unknown-code',
      'bad-signature',
      'malformed',
    ]);
    expect(['A1', 'B1', 'B2'].map(doorOpen)).toEqual([false, false, false]);
    expect(kiosk.app.journal.transactions.get(1)).toBeUndefined();
    expect(await pickupStatus('LA-SAMPLE-1')).toBe('waiting');
  });

  it('typed codes: a slip of the finger is said at once; refusals make the keypad wait, doubling; a scan still works', async () => {
    await startStation();
    await kiosk.call('locker-pickup.typeDigits');
    await kiosk.call('locker-pickup.submitDigits', { digits: '123456789019' });
    expect(flow()).toEqual({ service: 'locker-pickup', step: 'type', mistyped: true });
    const wrong = ['876543210988', '000000000000', '112233445563'];
    for (const digits of wrong) {
      await kiosk.call('locker-pickup.submitDigits', { digits });
      await stepBecomes('refused');
      if (digits !== wrong.at(-1)) await kiosk.call('locker-pickup.tryAgain');
    }
    const waitUntil = kiosk.clock.now() + 30_000;
    expect(flow()).toMatchObject({
      reason: 'expired',
      typed: true,
      retryAt: new Date(waitUntil).toISOString(),
    });
    await kiosk.call('locker-pickup.tryAgain');
    await kiosk.call('locker-pickup.submitDigits', { digits: '123456789018' });
    expect(flow()).toMatchObject({ step: 'refused', reason: 'too-many-tries' });
    expect(refusals().map((r) => [r.reason, r.entry])).toEqual([
      ['already-used', 'typed'],
      ['unknown-code', 'typed'],
      ['expired', 'typed'],
      ['too-many-tries', 'typed'],
    ]);
    kiosk.clock.advance(30_000);
    await kiosk.call('locker-pickup.tryAgain');
    await kiosk.call('locker-pickup.submitDigits', { digits: '123456789018' });
    await stepBecomes('open');
    await closeDoor('A1');
    await stepBecomes('done');
  });

  it('the keypad’s wait survives a restart of the kiosk: the count is in the journal, not in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-keypad-'));
    const journalPath = join(dir, 'journal.db');
    const start = Date.now();
    await startStation(undefined, journalPath, start);
    await kiosk.call('locker-pickup.typeDigits');
    for (const digits of ['876543210988', '000000000000', '112233445563']) {
      await kiosk.call('locker-pickup.submitDigits', { digits });
      await stepBecomes('refused');
      await kiosk.call('locker-pickup.tryAgain');
    }
    await kiosk.close();
    // A new kiosk app on the same journal, ten seconds later: the keypad still waits until start + 30 s.
    await startStation(undefined, journalPath, start + 10_000);
    await kiosk.call('locker-pickup.typeDigits');
    await kiosk.call('locker-pickup.submitDigits', { digits: '123456789018' });
    await stepBecomes('refused');
    expect(flow()).toMatchObject({
      reason: 'too-many-tries',
      retryAt: new Date(start + 30_000).toISOString(),
    });
    expect(doorOpen('A1')).toBe(false);
    kiosk.clock.advance(20_000);
    await kiosk.call('locker-pickup.tryAgain');
    await kiosk.call('locker-pickup.submitDigits', { digits: '123456789018' });
    await stepBecomes('open');
    await closeDoor('A1');
    await stepBecomes('done');
    // A code that opened a door cleared the count: nothing is left in the journal.
    expect(kiosk.app.journal.typedCodeLockouts.load(station.pointId).failures).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('Back on the done and door-failed steps finishes: the session ends, as Finish does', async () => {
    await startStation();
    await kiosk.devices.simulate({ action: 'door-jam', deviceId: 'lockers', door: 'A1', jam: true });
    await scan(code());
    await stepBecomes('door-failed');
    expect(await kiosk.call('locker-pickup.back')).toEqual({ ok: true });
    expect(kiosk.app.session.view().phase).not.toBe('active');
    await kiosk.devices.simulate({ action: 'door-jam', deviceId: 'lockers', door: 'A1', jam: false });
    await kiosk.call('session.start', { language: 'en' });
    await kiosk.call('home.chooseLanguage', { language: 'en' });
    await kiosk.call('home.openService', { service: 'locker-pickup' });
    await kiosk.call('home.startService');
    await scan(code());
    await stepBecomes('open');
    expect(await kiosk.call('locker-pickup.back')).toEqual({ ok: false, error: 'other-step' });
    await closeDoor('A1');
    await stepBecomes('done');
    expect(await kiosk.call('locker-pickup.back')).toEqual({ ok: true });
    expect(kiosk.app.session.view().phase).not.toBe('active');
  });

  it('a pickup receipt if asked for, where the station has a ticket printer; printed once', async () => {
    await startStation(undefined, undefined, Date.now(), [
      { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
    ]);
    await scan(code());
    await stepBecomes('open');
    await closeDoor('A1');
    await stepBecomes('done');
    expect(flow()).toMatchObject({ record: 'recorded', receipt: 'offered' });
    expect(await kiosk.call('locker-pickup.printReceipt')).toEqual({ ok: true });
    await expect.poll(() => (flow() as { receipt?: string }).receipt, { timeout: 15_000 }).toBe('printed');
    const jobs = kiosk.app.printing.staffJobs().filter((job) => job.template === 'locker-pickup-receipt');
    expect(jobs).toMatchObject([{ status: 'confirmed' }]);
    expect(await kiosk.call('locker-pickup.printReceipt')).toEqual({ ok: false, error: 'other-step' });
  });

  it('no ticket printer at the station: no receipt is offered, and asking for one is refused', async () => {
    await startStation();
    expect(await kiosk.call('locker-pickup.printReceipt')).toEqual({ ok: false, error: 'other-step' });
    await scan(code());
    await stepBecomes('open');
    await closeDoor('A1');
    await stepBecomes('done');
    expect(flow()).toMatchObject({ receipt: 'none' });
    expect(await kiosk.call('locker-pickup.printReceipt')).toEqual({ ok: false, error: 'other-step' });
  });

  it('Cancel on the done step finishes too; while the door is open it is refused', async () => {
    await startStation();
    await scan(code());
    await stepBecomes('open');
    expect(await kiosk.call('locker-pickup.cancel')).toEqual({ ok: false, error: 'other-step' });
    await closeDoor('A1');
    await stepBecomes('done');
    expect(await kiosk.call('locker-pickup.cancel')).toEqual({ ok: true });
    expect(kiosk.app.session.view().phase).not.toBe('active');
  });

  it('a door that does not open is tried again, then staff are alerted; the code stays good', async () => {
    await startStation();
    await kiosk.devices.simulate({ action: 'door-jam', deviceId: 'lockers', door: 'A1', jam: true });
    await scan(code());
    await stepBecomes('door-failed');
    expect(flow()).toEqual({ service: 'locker-pickup', step: 'door-failed', compartment: 'A01' });
    expect(kiosk.app.journal.alerts.list().map((a) => a.kind)).toEqual(['device-needs-staff']);
    expect(transaction()).toMatchObject({ state: 'voided', reason: 'door-not-opened' });
    expect(kiosk.logger.lines.filter((l) => l.event === 'locker-door-not-opened')).toHaveLength(1);
    expect(await pickupStatus('LA-SAMPLE-1')).toBe('waiting');
  });

  it('a door left open raises an alert after the configured time; the pickup is recorded then, once', async () => {
    await startStation();
    await scan(code());
    await stepBecomes('open');
    kiosk.clock.advance(20_000);
    await stepBecomes('left-open');
    expect(kiosk.app.journal.alerts.list().map((a) => [a.kind, a.detail])).toEqual([
      ['device-needs-staff', { code: 'door-left-open', deviceId: 'lockers', door: 'A1', compartment: 'A01' }],
    ]);
    await expect.poll(() => pickupStatus('LA-SAMPLE-1')).toBe('picked-up');
    await closeDoor('A1');
    await stepBecomes('done');
    expect(flow()).toMatchObject({ record: 'recorded' });
    expect(transaction()?.state).toBe('confirmed');
  });

  it('backend unreachable at pickup: a code good by its signature opens no door, and nothing is journalled', async () => {
    await startStation((inner) => {
      switchable = switchableBackend(inner);
      return switchable;
    });
    switchable?.setMode('down');
    await scan(code());
    await stepBecomes('refused');
    expect(flow()).toMatchObject({ reason: 'unavailable', typed: false, retryAt: null });
    expect(doorOpen('A1')).toBe(false);
    expect(kiosk.app.journal.transactions.get(1)).toBeUndefined();
    // Not a judgement on the code: logged, not audited, and a typed one would not count against the keypad.
    expect(refusals()).toEqual([]);
    switchable?.setMode('up');
    await kiosk.call('locker-pickup.tryAgain');
    await scan(code());
    await stepBecomes('open');
    await closeDoor('A1');
    await stepBecomes('done');
  });

  it('backend unreachable when recording: the resident is done, and recovery records it with the same key', async () => {
    await startStation((inner) => {
      switchable = switchableBackend(inner);
      return switchable;
    });
    await scan(code());
    await stepBecomes('open');
    switchable?.setMode('down', ['recordPickup']);
    await closeDoor('A1');
    await stepBecomes('done');
    expect(flow()).toMatchObject({ record: 'later' });
    expect(await pickupStatus('LA-SAMPLE-1')).toBe('waiting');
    expect(transaction()?.state).toBe('dispensed');
    switchable?.setMode('up');
    const report = await kiosk.app.journal.recoverNow();
    expect(report.confirmed).toEqual([1]);
    expect(transaction()?.state).toBe('confirmed');
    expect(await pickupStatus('LA-SAMPLE-1')).toBe('picked-up');
  });

  it('already-used from the backend when recording is never success: staff are alerted', async () => {
    await startStation((inner) => ({
      ...inner,
      recordPickup: async () =>
        err({ kind: 'rejected', rejection: { code: 'already-used', at: new Date().toISOString() } }),
    }));
    await scan(code());
    await stepBecomes('open');
    await closeDoor('A1');
    await stepBecomes('done');
    expect(flow()).toMatchObject({ record: 'staff' });
    expect(transaction()).toMatchObject({
      state: 'dispensed',
      needsStaffReason: 'record-refused-already-used',
    });
    expect(kiosk.app.journal.alerts.list().map((a) => a.kind)).toEqual(['transaction-needs-staff']);
  });

  it('refuses stale taps and hostile params; Cancel is refused while a door is open', async () => {
    await startStation();
    expect(await kiosk.call('locker-pickup.finish')).toEqual({ ok: false, error: 'other-step' });
    expect(await kiosk.call('locker-pickup.submitDigits', { digits: '123456789018' })).toEqual({
      ok: false,
      error: 'other-step',
    });
    await kiosk.call('locker-pickup.typeDigits');
    expect(await kiosk.call('locker-pickup.submitDigits', { digits: 'DROP TABLE' })).toMatchObject({
      ok: false,
    });
    expect(await kiosk.call('locker-pickup.submitDigits', { digits: '1'.repeat(40) })).toMatchObject({
      ok: false,
    });
    expect(flow()).toEqual({ service: 'locker-pickup', step: 'type', mistyped: false });
    await kiosk.call('locker-pickup.back');
    await scan(code());
    await stepBecomes('open');
    expect(await kiosk.call('locker-pickup.cancel')).toEqual({ ok: false, error: 'other-step' });
    await closeDoor('A1');
    await stepBecomes('done');
  });
});
