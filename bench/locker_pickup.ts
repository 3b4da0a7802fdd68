/**
 * Smart Locker pickup (issue 12), on the real flow of the kiosk app with the embedded backend (in memory) and the
 * simulated scanner and relay board, their simulated latency zero so the figure is our code's:
 *
 * - scan → relay switched, p95 over 200 pickups (target ≤ 150 ms): from the scanner's code handed to the kiosk
 *   (`dev.simulate` scan) to the locker driver starting the latch pulse (its status turns `busy`; the relay's
 *   on-command and read-back follow without a timer). In between: the offline check (signature, expiry,
 *   station), the backend's `findPickup`, and the journal's transaction up to `dispensed` with the pending call.
 *   Each pickup is a fresh application, placed by staff and picked up once, so the backend's tables grow as they
 *   would. The first 5 are dropped (cold).
 * - verification alone, p50: `verifyPickupCode` (decode, Ed25519 verify, claims) over 2000 codes.
 */
import { readIssuerKey } from '../electron/keys/issuer_key_file.js';
import { issuePickupCode, verifyPickupCode } from '../electron/lockers/pickup_code.js';
import type { LockerPickupFlowView } from '../electron/rpc/flows/locker_pickup_contract.js';
import { startKioskAppFixture } from '../test/support/kiosk_app_fixture.js';
import type { BenchResult } from './bench_result.js';
import { percentile } from './statistics.js';

const PICKUPS = 200;
const WARMUP = 5;
const VERIFICATIONS = 2000;
const pointId = 'locker-china-plaza';

const issuer = (() => {
  const key = readIssuerKey('config/dev/dev-locker-pickup.key.json', 'locker-pickup');
  if (!key.ok) throw new Error('the development pickup key must be readable');
  return key.value;
})();
const keys = { 'dev-easy-pickup': '0TiRaYmSUsovcu4STcVizxOJoYmREHJo2DkL6RZgSCw=' };

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('pickup flow stuck');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function run(): Promise<BenchResult[]> {
  const kiosk = await startKioskAppFixture(
    {
      terminal: { id: 'MO-DEV-01' },
      services: ['locker-pickup'],
      devices: [
        { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
        {
          id: 'lockers',
          kind: 'locker-controller',
          transport: 'simulated',
          options: { doors: { A1: { relay: 1, sensor: 1 } }, pulseMs: 20, sensorPollMs: 10 },
        },
      ],
      lockerStation: { pointId, issuerKeys: keys, compartments: { C01: { device: 'lockers', door: 'A1' } } },
    },
    { clockStart: Date.now(), backend: 'embedded' },
  );
  const backend = kiosk.backend;
  const locker = kiosk.devices.lockers()[0];
  if (!backend || !locker) throw new Error('bench kiosk without backend or locker');
  const flow = () => {
    const view = kiosk.app.session.view();
    return view.phase === 'active' ? (view.flow as LockerPickupFlowView) : null;
  };
  let switchedAt = 0;
  const stop = locker.driver.onStatus((state) => {
    if (state.state === 'busy' && switchedAt === 0) switchedAt = performance.now();
  });
  const latencies: number[] = [];
  const catalogue = await backend.catalogue({});
  const serviceId = catalogue.ok ? catalogue.value.services.find((s) => s.lockerPickup)?.id : undefined;
  if (!serviceId) throw new Error('no locker service in the catalogue');
  try {
    for (let i = 0; i < PICKUPS + WARMUP; i++) {
      const key = () => crypto.randomUUID();
      const applied = await backend.applyForLocker({
        idempotencyKey: key(),
        serviceId,
        residentRef: 'R-0003',
        pointId,
        size: 'small',
      });
      if (!applied.ok) throw new Error(`apply: ${JSON.stringify(applied.error)}`);
      const { applicationId } = applied.value;
      const placed = await backend.placeInLocker({
        idempotencyKey: key(),
        applicationId,
        pointId,
        compartment: 'C01',
        staffId: 'S0001',
        terminalId: 'MO-DEV-01',
      });
      if (!placed.ok) throw new Error(`place: ${JSON.stringify(placed.error)}`);
      const { code } = issuePickupCode(
        {
          applicationId,
          station: pointId,
          compartment: 'C01',
          expiresAt: Math.floor(kiosk.clock.now() / 1000) + 3600,
        },
        issuer,
      );
      await kiosk.call('session.start', { language: 'en' });
      await kiosk.call('home.chooseLanguage', { language: 'en' });
      await kiosk.call('home.openService', { service: 'locker-pickup' });
      await kiosk.call('home.startService');
      switchedAt = 0;
      const scannedAt = performance.now();
      await kiosk.devices.simulate({ action: 'scan', deviceId: 'scanner', text: code, symbology: 'qr' });
      await until(() => switchedAt !== 0);
      if (i >= WARMUP) latencies.push(switchedAt - scannedAt);
      await until(() => flow()?.step === 'open');
      await kiosk.devices.simulate({ action: 'door', deviceId: 'lockers', door: 'A1', open: false });
      await until(() => flow()?.step === 'done');
      await kiosk.call('locker-pickup.finish');
    }
  } finally {
    stop();
    await kiosk.close();
  }

  const verifyTimes: number[] = [];
  const nowSeconds = Math.floor(Date.now() / 1000);
  const codes = Array.from(
    { length: 50 },
    (_, i) =>
      issuePickupCode(
        {
          applicationId: `LA-BENCH-${i}`,
          station: pointId,
          compartment: 'C01',
          expiresAt: nowSeconds + 3600,
        },
        issuer,
      ).code,
  );
  for (let i = 0; i < VERIFICATIONS; i++) {
    const started = performance.now();
    const verified = verifyPickupCode(codes[i % codes.length] ?? '', {
      station: pointId,
      keys,
      now: nowSeconds,
    });
    verifyTimes.push((performance.now() - started) * 1000);
    if (!verified.ok) throw new Error('a genuine code must verify');
  }

  return [
    {
      name: 'pickup scan → relay switched p95',
      value: percentile(latencies, 95),
      unit: 'ms',
      target: { op: '<=', value: 150 },
      details: {
        pickups: latencies.length,
        p50: percentile(latencies, 50),
        max: Math.max(...latencies),
        simulatedRelayLatencyMs: 0,
      },
    },
    {
      name: 'pickup code verification p50',
      value: percentile(verifyTimes, 50),
      unit: 'us',
      details: { verifications: VERIFICATIONS, p95: percentile(verifyTimes, 95) },
    },
  ];
}
