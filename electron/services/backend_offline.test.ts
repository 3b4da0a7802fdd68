import { afterEach, describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../lib/result.js';
import { type KioskAppFixture, startKioskAppFixture } from '../../test/support/kiosk_app_fixture.js';
import { type Backend, backendFromCall, callOf } from '../backend/contract/backend.js';
import type { BackendError } from '../backend/contract/errors.js';
import { openEmbeddedBackend } from '../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../backend/seed/seed_catalogue.js';
import type { ServiceTile } from '../rpc/kiosk_contract.js';

/**
 * Issue 9, "Offline": when the government systems cannot be reached the kiosk says so on the services that need
 * them, before a resident taps, and offers them again once the backend answers — through the real app and router.
 */
let fixture: KioskAppFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** The seeded embedded backend behind a switch that cuts it off as a dead network would. */
function switchableBackend() {
  // `probes`: the reachability probe's calls only (the heartbeat reports to the same backend on its own rhythm).
  const state = { up: true, probes: 0 };
  let embedded: Backend | undefined;
  const make = (now: () => number): Backend => {
    const opened = openEmbeddedBackend({
      path: ':memory:',
      seed: seedCatalogue(),
      now,
      terminal: { id: 'MO-TEST-01', centreId: 'x' },
    });
    if (!opened.ok) throw new Error('embedded backend');
    embedded = opened.value;
    const call = callOf(embedded);
    return backendFromCall(
      'http',
      async (method, request): Promise<Result<unknown, BackendError>> => {
        if (method === 'terminalProfile') state.probes++;
        if (!state.up) return err({ kind: 'unreachable', detail: 'ECONNREFUSED', neverSent: false });
        return call(method, request);
      },
      async () => embedded?.close(),
    );
  };
  return { state, make };
}

async function tiles(f: KioskAppFixture): Promise<[string, boolean, string | undefined][]> {
  const snapshot = (await f.call('kiosk.snapshot')) as { services: ServiceTile[] };
  return snapshot.services.map((s) => [s.id, s.available, s.unavailableBecause]);
}

describe('the kiosk with its backend down', () => {
  it('marks the tiles, refuses to open them, logs it, and recovers on its own', async () => {
    const backend = switchableBackend();
    fixture = await startKioskAppFixture(
      { services: ['check-in', 'book-appointment'] },
      { backend: (clock) => backend.make(() => clock.now()) },
    );
    const f = fixture;
    expect(await tiles(f)).toEqual([
      ['check-in', true, undefined],
      ['book-appointment', true, undefined],
    ]);

    const changesBefore = f.events.filter((e) => e.event === 'kiosk.servicesChanged').length;
    backend.state.up = false;
    const answer = await f.app.flowServices.backend.terminalProfile({ terminalId: 'MO-TEST-01' });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect(await tiles(f)).toEqual([
      ['check-in', false, 'backend'],
      ['book-appointment', false, 'backend'],
    ]);
    expect(f.events.filter((e) => e.event === 'kiosk.servicesChanged')).toHaveLength(changesBefore + 1);
    // Still in service: the screen is the resident's, only these services wait.
    expect(f.app.kioskStatus.status).toEqual({ mode: 'in-service' });
    await f.call('session.start', { language: 'pt' });
    await f.call('home.chooseLanguage', { language: 'pt' });
    expect(await f.call('home.openService', { service: 'check-in' })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    expect(f.logger.lines.map((l) => l.event)).toContain('backend-services-withdrawn');

    // The kiosk asks again on its own, every 30 s, and offers the services once the backend answers.
    const before = backend.state.probes;
    f.clock.advance(30_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(backend.state.probes).toBe(before + 1);
    backend.state.up = true;
    f.clock.advance(30_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await tiles(f)).toEqual([
      ['check-in', true, undefined],
      ['book-appointment', true, undefined],
    ]);
    expect(f.logger.lines.map((l) => l.event)).toContain('backend-services-restored');
    expect(await f.call('home.openService', { service: 'check-in' })).toEqual(ok());
  });
});
