import { afterEach, describe, expect, it } from 'vitest';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';
import { type SwitchableBackend, switchableBackend } from '../../../test/support/switchable_backend.js';
import type { Backend } from '../../backend/contract/backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import type { LockerApplyFlowView } from '../../rpc/flows/locker_apply_contract.js';

/**
 * Smart Locker application through the router, as the renderer drives it, at a service kiosk of the China Plaza
 * centre with the simulated reader and ticket printer and the embedded backend: R-0001 places the Macao passport
 * `passport-macao` (PIN 123456). The seed's Fai Chi Kei point has every large compartment taken.
 */

const devices = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
  { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
  { id: 'reader', kind: 'document-reader', transport: 'simulated' },
];
const largeItem = 'iam-food-establishment-licence';
const smallItem = 'dsi-criminal-record-certificate';

let kiosk: KioskAppFixture;
let switchable: SwitchableBackend;
afterEach(() => kiosk.close());

async function startKiosk(): Promise<void> {
  kiosk = await startKioskAppFixture(
    {
      terminal: { id: 'MO-DEV-01' },
      site: {
        kind: 'macau',
        centreId: 'china-plaza',
        name: { 'zh-Hant': '中華廣場', 'zh-Hans': '中华广场', pt: 'China Plaza', en: 'China Plaza' },
      },
      services: ['locker-apply'],
      devices,
      documents: { trustSimulatorCsca: true },
    },
    {
      clockStart: Date.now(),
      backend: (clock) => {
        const opened = openEmbeddedBackend({
          path: ':memory:',
          seed: seedCatalogue(),
          now: () => clock.now(),
          terminal: { id: 'MO-DEV-01', centreId: 'china-plaza' },
        });
        if (!opened.ok) throw new Error('backend');
        switchable = switchableBackend(opened.value as Backend);
        return switchable;
      },
    },
  );
}

const flow = () => {
  const view = kiosk.app.session.view();
  return view.phase === 'active' ? (view.flow as LockerApplyFlowView) : null;
};
const stepBecomes = (step: string) => expect.poll(() => flow()?.step, { timeout: 15_000 }).toBe(step);
/** Done, and its slip in the tray (the kiosk is not closed under a slip being rendered). */
async function doneAndPrinted(): Promise<void> {
  await stepBecomes('done');
  await expect.poll(() => (flow() as { slip?: string }).slip, { timeout: 15_000 }).toBe('printed');
}
const transaction = (id = 1) => {
  const tx = kiosk.app.journal.transactions.get(id);
  return (
    tx && {
      ...tx,
      events: kiosk.app.journal.transactions.events(id).map((e) => e.to + (e.call ? `:${e.call}` : '')),
    }
  );
};
const slipJobs = () =>
  kiosk.app.printing.staffJobs().filter((job) => job.template === 'locker-application-slip');
/** R-0001's applications made since the test began (the seed has sample ones of its own). */
const applications = async () => {
  const found = await kiosk.backend?.lockerApplications({ residentRef: 'R-0001' });
  const all = found?.ok ? found.value.applications : [];
  return all.filter((a) => !seeded.has(a.applicationId));
};
let seeded = new Set<string>();

async function openApply(): Promise<void> {
  await kiosk.call('session.start', { language: 'pt' });
  await kiosk.call('home.chooseLanguage', { language: 'pt' });
  await kiosk.call('home.openService', { service: 'locker-apply' });
  expect(await kiosk.call('home.startService')).toEqual({ ok: true });
  await stepBecomes('service');
  const found = await kiosk.backend?.lockerApplications({ residentRef: 'R-0001' });
  seeded = new Set(found?.ok ? found.value.applications.map((a) => a.applicationId) : []);
}

async function identify(): Promise<void> {
  await passportAndPin();
  await stepBecomes('point');
}

async function passportAndPin(): Promise<void> {
  await stepBecomes('identify');
  await kiosk.devices.simulate({ action: 'document', deviceId: 'reader', sample: 'passport-macao' });
  await expect
    .poll(() => {
      const view = flow();
      return view?.step === 'identify' ? view.identify.stage : null;
    })
    .toBe('confirm');
  await kiosk.call('identify.confirm');
  await kiosk.call('identify.submitPin', { pin: '123456' });
}

async function toPoints(serviceId: string): Promise<Extract<LockerApplyFlowView, { step: 'point' }>> {
  await openApply();
  expect(await kiosk.call('locker-apply.chooseService', { serviceId })).toEqual({ ok: true });
  await identify();
  const view = flow();
  if (view?.step !== 'point') throw new Error('no points');
  return view;
}

describe('Smart Locker application at a service kiosk', () => {
  it('lists only the services whose item a locker can hold, each with the size it needs', async () => {
    await startKiosk();
    await openApply();
    const view = flow();
    if (view?.step !== 'service') throw new Error('no list');
    expect(view.services).toHaveLength(60);
    expect(view.services.find((s) => s.serviceId === largeItem)?.size).toBe('large');
    expect(view.services.find((s) => s.serviceId === smallItem)?.size).toBe('small');
    expect(view.services.some((s) => s.serviceId === 'dsi-bir-renewal')).toBe(false);
  });

  it('a large item: the points nearest China Plaza first; Fai Chi Kei shown full and refused; applied, journalled, slip printed', async () => {
    await startKiosk();
    const view = await toPoints(largeItem);
    expect(view.points[0]).toMatchObject({
      pointId: 'locker-china-plaza',
      distanceMetres: 0,
      unavailable: null,
    });
    const distances = view.points.map((p) => p.distanceMetres ?? -1);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const faiChiKei = view.points.find((p) => p.pointId === 'locker-fai-chi-kei');
    expect(faiChiKei).toMatchObject({ free: 0, unavailable: 'full' });
    expect(await kiosk.call('locker-apply.choosePoint', { pointId: 'locker-fai-chi-kei' })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    expect(flow()?.step).toBe('point');

    await kiosk.call('locker-apply.choosePoint', { pointId: 'locker-areia-preta' });
    expect(flow()).toMatchObject({ step: 'confirm', point: { pointId: 'locker-areia-preta' } });
    expect(await kiosk.call('locker-apply.apply')).toEqual({ ok: true });
    await doneAndPrinted();
    const done = flow();
    if (done?.step !== 'done') throw new Error('not done');
    const [made] = await applications();
    expect(made).toMatchObject({
      applicationId: done.applicationId,
      serviceId: largeItem,
      pointId: 'locker-areia-preta',
      size: 'large',
      status: 'submitted',
      expectedReadyDate: done.readyFrom,
    });
    expect(slipJobs()).toMatchObject([{ status: 'confirmed' }]);
    expect(transaction()).toMatchObject({ kind: 'locker-apply', state: 'confirmed' });
    expect(transaction()?.events).toEqual([
      'started',
      'identified',
      'identified:apply-for-locker',
      'reserved',
      'printed',
      'confirmed',
    ]);
    expect(kiosk.logger.lines.some((l) => JSON.stringify(l).includes('R-0001'))).toBe(false);
    expect(await kiosk.call('locker-apply.finish')).toEqual({ ok: true });
  });

  it('a small item: every point with a free small compartment can be chosen, Fai Chi Kei too', async () => {
    await startKiosk();
    const view = await toPoints(smallItem);
    expect(view.points.find((p) => p.pointId === 'locker-fai-chi-kei')?.unavailable).toBeNull();
  });

  it('backend unreachable at submit: a clear failure, nothing applied, the journal voided when the resident leaves; Try again works', async () => {
    await startKiosk();
    await toPoints(smallItem);
    await kiosk.call('locker-apply.choosePoint', { pointId: 'locker-china-plaza' });
    switchable.setMode('down');
    await kiosk.call('locker-apply.apply');
    await stepBecomes('failed');
    expect(flow()).toEqual({
      service: 'locker-apply',
      step: 'failed',
      problem: 'unavailable',
      canRetry: true,
    });
    expect(await applications()).toEqual([]);
    expect(slipJobs()).toEqual([]);
    switchable.setMode('up');
    await kiosk.call('locker-apply.tryAgain');
    await doneAndPrinted();
    expect(await applications()).toHaveLength(1);
    expect(transaction()?.events).toContain('reserved');
  });

  it('backend unreachable and the resident leaves: nothing applied, the transaction voided', async () => {
    await startKiosk();
    await toPoints(smallItem);
    await kiosk.call('locker-apply.choosePoint', { pointId: 'locker-china-plaza' });
    switchable.setMode('down');
    await kiosk.call('locker-apply.apply');
    await stepBecomes('failed');
    expect(await kiosk.call('locker-apply.finish')).toEqual({ ok: true });
    expect(transaction()).toMatchObject({ state: 'voided' });
    switchable.setMode('up');
    expect(await applications()).toEqual([]);
  });

  it('an answer lost on the way: Try again sends the same key, and only one application exists', async () => {
    await startKiosk();
    await toPoints(smallItem);
    await kiosk.call('locker-apply.choosePoint', { pointId: 'locker-china-plaza' });
    switchable.setMode('replies-lost', ['applyForLocker']);
    await kiosk.call('locker-apply.apply');
    await stepBecomes('failed');
    expect(flow()).toMatchObject({ problem: 'outcome-unknown', canRetry: true });
    switchable.setMode('up');
    await kiosk.call('locker-apply.tryAgain');
    await doneAndPrinted();
    expect(await applications()).toHaveLength(1);
  });

  it('the last large compartment goes meanwhile: point-full, Try again shows the points afresh', async () => {
    await startKiosk();
    await toPoints(largeItem);
    await kiosk.call('locker-apply.choosePoint', { pointId: 'locker-china-plaza' });
    // Someone else takes China Plaza's six free large compartments while this resident confirms.
    for (let i = 0; i < 6; i += 1) {
      const taken = await kiosk.backend?.applyForLocker({
        idempotencyKey: `other-${i}-aaaaaaaaaaaaaaaa`,
        serviceId: largeItem,
        residentRef: 'R-0002',
        pointId: 'locker-china-plaza',
        size: 'large',
      });
      expect(taken?.ok).toBe(true);
    }
    await kiosk.call('locker-apply.apply');
    await stepBecomes('failed');
    expect(flow()).toMatchObject({ problem: 'point-full', canRetry: true });
    expect(transaction()).toMatchObject({ state: 'voided' });
    await kiosk.call('locker-apply.tryAgain');
    await stepBecomes('point');
    const view = flow();
    if (view?.step !== 'point') throw new Error('no points');
    expect(view.points.find((p) => p.pointId === 'locker-china-plaza')?.unavailable).toBe('full');
  });

  it('Back steps back through the flow; on done it finishes; stale taps and hostile params are refused', async () => {
    await startKiosk();
    await toPoints(smallItem);
    await kiosk.call('locker-apply.choosePoint', { pointId: 'locker-china-plaza' });
    await kiosk.call('locker-apply.back');
    expect(flow()?.step).toBe('point');
    await kiosk.call('locker-apply.back');
    expect(flow()?.step).toBe('service');
    // Identified already: another service goes straight to its points.
    await kiosk.call('locker-apply.chooseService', { serviceId: largeItem });
    await stepBecomes('point');
    expect(await kiosk.call('locker-apply.apply')).toEqual({ ok: false, error: 'other-step' });
    expect(await kiosk.call('locker-apply.choosePoint', { pointId: 'locker-nowhere' })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    expect(await kiosk.call('locker-apply.choosePoint', { pointId: '../../etc' })).toMatchObject({
      ok: false,
    });
    expect(await kiosk.call('locker-apply.chooseService', { serviceId: 'x'.repeat(500) })).toMatchObject({
      ok: false,
    });
    expect(await kiosk.call('locker-apply.finish')).toEqual({ ok: false, error: 'other-step' });
    await kiosk.call('locker-apply.choosePoint', { pointId: 'locker-china-plaza' });
    await kiosk.call('locker-apply.apply');
    await doneAndPrinted();
    expect(await kiosk.call('locker-apply.back')).toEqual({ ok: true });
    expect(kiosk.app.session.view().phase).not.toBe('active');
  });

  it('the points cannot be had: a clear failure; Try again asks for the points again', async () => {
    await startKiosk();
    await openApply();
    await kiosk.call('locker-apply.chooseService', { serviceId: smallItem });
    switchable.setMode('down', ['lockerPoints']);
    await passportAndPin();
    await stepBecomes('failed');
    expect(flow()).toMatchObject({ problem: 'unavailable', canRetry: true });
    switchable.setMode('up');
    await kiosk.call('locker-apply.tryAgain');
    await stepBecomes('point');
    // Nothing was sent: Apply is refused until a point is chosen.
    expect(await kiosk.call('locker-apply.apply')).toEqual({ ok: false, error: 'other-step' });
    expect(await applications()).toEqual([]);
  });

  it('Back on the identify step returns to the list of services', async () => {
    await startKiosk();
    await openApply();
    await kiosk.call('locker-apply.chooseService', { serviceId: smallItem });
    await stepBecomes('identify');
    expect(await kiosk.call('identify.back')).toEqual({ ok: true });
    expect(flow()?.step).toBe('service');
  });
});
