import { afterEach, describe, expect, it } from 'vitest';
import {
  type KioskAppFixture,
  type KioskAppFixtureOptions,
  startKioskAppFixture,
} from '../../../test/support/kiosk_app_fixture.js';
import type { Backend } from '../../backend/contract/backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import type { CollectDocumentFlowView } from '../../rpc/flows/collect_document_contract.js';

/**
 * Collect my document through the router, as the renderer drives it, on a kiosk with the simulated reader, scanner,
 * ticket printer, card dispenser and locker, and the embedded backend's sample collections at MO-DEV-01: a BIR card
 * for R-0001 (passport `passport-macao`, PIN 123456) and a passport behind door A2 for R-0002 (Macao One Account
 * `moa1:sample:R-0002`, PIN 246810).
 */

const devices = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
  { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
  { id: 'reader', kind: 'document-reader', transport: 'simulated' },
  {
    id: 'dispenser',
    kind: 'document-dispenser',
    transport: 'simulated',
    options: { simulatedCards: 50, timeouts: { takeMs: 1000 } },
  },
  {
    id: 'lockers',
    kind: 'locker-controller',
    transport: 'simulated',
    options: { doors: { A1: { relay: 1, sensor: 1 }, A2: { relay: 2, sensor: 2 } } },
  },
];

let kiosk: KioskAppFixture;
afterEach(() => kiosk.close());

async function startKiosk(backend: KioskAppFixtureOptions['backend'] = 'embedded'): Promise<void> {
  kiosk = await startKioskAppFixture(
    {
      terminal: { id: 'MO-DEV-01' },
      site: {
        kind: 'macau',
        centreId: 'china-plaza',
        name: { 'zh-Hant': '中華廣場', 'zh-Hans': '中华广场', pt: 'China Plaza', en: 'China Plaza' },
      },
      services: ['collect-document'],
      devices,
      documents: { trustSimulatorCsca: true },
    },
    { clockStart: Date.now(), backend },
  );
}

const flow = () => {
  const view = kiosk.app.session.view();
  return view.phase === 'active' ? (view.flow as CollectDocumentFlowView) : null;
};
const identifyStage = () => {
  const view = flow();
  return view?.step === 'identify' ? view.identify.stage : null;
};
const stepBecomes = (step: string) => expect.poll(() => flow()?.step, { timeout: 10_000 }).toBe(step);
/** Done, and the receipt queued for printing (before a test ends and closes the journal under it). */
async function doneWithReceipt(): Promise<void> {
  await stepBecomes('done');
  await expect
    .poll(() => kiosk.app.printing.staffJobs().filter((job) => job.template === 'collection-receipt').length)
    .toBe(1);
}
const simulate = (action: Parameters<KioskAppFixture['devices']['simulate']>[0]) =>
  kiosk.devices.simulate(action);

async function enterCollection(): Promise<void> {
  await kiosk.call('session.start', { language: 'en' });
  await kiosk.call('home.chooseLanguage', { language: 'en' });
  await kiosk.call('home.openService', { service: 'collect-document' });
  expect(await kiosk.call('home.startService')).toEqual({ ok: true });
  expect(flow()).toMatchObject({ step: 'identify', identify: { stage: 'place' } });
}

/** R-0001 with the passport and PIN, up to the list of documents. */
async function identifyWithPassport(): Promise<void> {
  await enterCollection();
  await simulate({ action: 'document', deviceId: 'reader', sample: 'passport-macao' });
  await expect.poll(identifyStage, { timeout: 10_000 }).toBe('confirm');
  await kiosk.call('identify.confirm');
  await kiosk.call('identify.submitPin', { pin: '123456' });
  await stepBecomes('choose');
}

function collectionTransaction() {
  const tx = kiosk.app.journal.transactions.get(1);
  if (!tx) throw new Error('no collection transaction');
  return {
    ...tx,
    events: kiosk.app.journal.transactions.events(1).map((e) => e.to + (e.call ? `:${e.call}` : '')),
  };
}

async function stillReady(residentRef: string): Promise<string[]> {
  const backend = kiosk.backend;
  if (!backend) throw new Error('no backend');
  const ready = await backend.documentsReady({ residentRef, terminalId: 'MO-DEV-01' });
  return ready.ok ? ready.value.documents.map((d) => d.collectionId) : [];
}

describe('collect my document', () => {
  it('identifies, lists, releases a card at the gate, confirms it once, and prints the receipt', async () => {
    await startKiosk();
    await identifyWithPassport();
    expect(flow()).toMatchObject({
      step: 'choose',
      documents: [{ collectionId: 'C-SAMPLE-MO-1', kind: 'bir-card', format: 'card' }],
    });
    expect(await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' })).toEqual({
      ok: true,
    });
    await expect.poll(() => flow()).toMatchObject({ step: 'releasing', stage: 'take-card' });
    // A tap meanwhile changes nothing: the card is at the gate.
    expect(await kiosk.call('collect-document.cancel')).toEqual({ ok: false, error: 'other-step' });
    expect(await simulate({ action: 'take-card', deviceId: 'dispenser' })).toEqual({ ok: true });
    await doneWithReceipt();
    expect(flow()).toMatchObject({ moreWaiting: false, confirmedLater: false });
    expect(collectionTransaction()).toMatchObject({ state: 'confirmed', subject: 'C-SAMPLE-MO-1' });
    expect(collectionTransaction().events).toEqual([
      'started',
      'identified',
      'identified',
      'identified:reserve',
      'reserved',
      'dispensed',
      'dispensed:confirm',
      'confirmed',
    ]);
    expect(await stillReady('R-0001')).toEqual([]);
    await expect
      .poll(() => kiosk.app.printing.staffJobs().map((job) => [job.template, job.status]))
      .toContainEqual(['collection-receipt', 'confirmed']);
    expect(JSON.stringify(kiosk.logger.lines)).not.toMatch(/123456|CHAN|MB2345678/);
    expect(await kiosk.call('collect-document.finish')).toEqual({ ok: true });
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
  });

  it('opens the locker door for a booklet and confirms once the door is closed', async () => {
    await startKiosk();
    await enterCollection();
    await simulate({ action: 'scan', deviceId: 'scanner', text: 'moa1:sample:R-0002', symbology: 'qr' });
    await expect.poll(identifyStage).toBe('pin');
    await kiosk.call('identify.submitPin', { pin: '246810' });
    await stepBecomes('choose');
    await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-2' });
    await expect.poll(() => flow()).toMatchObject({ step: 'releasing', stage: 'take-from-door', door: 'A2' });
    await simulate({ action: 'door', deviceId: 'lockers', door: 'A2', open: false });
    await doneWithReceipt();
    expect(collectionTransaction()).toMatchObject({ state: 'confirmed', subject: 'C-SAMPLE-MO-2' });
    expect(await stillReady('R-0002')).toEqual([]);
  });

  it('takes a card not taken in time back in, tells the backend, and the document stays ready', async () => {
    await startKiosk();
    await identifyWithPassport();
    await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' });
    await stepBecomes('not-collected');
    const dispenser = kiosk.devices.simulators().find((d) => d.deviceId === 'dispenser')?.dispenser;
    expect(dispenser).toMatchObject({ cardAtGate: false, rejectBin: 1 });
    expect(collectionTransaction()).toMatchObject({ state: 'voided', reason: 'not-taken' });
    expect(await stillReady('R-0001')).toEqual(['C-SAMPLE-MO-1']);
    // And again, this time taken.
    await kiosk.call('collect-document.another');
    await stepBecomes('choose');
    await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' });
    await expect.poll(() => flow()).toMatchObject({ step: 'releasing', stage: 'take-card' });
    await simulate({ action: 'take-card', deviceId: 'dispenser' });
    await doneWithReceipt();
  });

  it('a jammed or empty dispenser: staff are alerted, the resident is told plainly, nothing is lost', async () => {
    await startKiosk();
    await simulate({ action: 'jam', deviceId: 'dispenser', jam: true });
    await identifyWithPassport();
    await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' });
    await stepBecomes('release-failed');
    expect(flow()).toMatchObject({ problem: 'jam' });
    expect(kiosk.app.printing.alerts()).toContainEqual(
      expect.objectContaining({ kind: 'device-needs-staff', transactionId: 1 }),
    );
    expect(collectionTransaction()).toMatchObject({ state: 'voided', reason: 'dispenser-jam' });
    expect(await stillReady('R-0001')).toEqual(['C-SAMPLE-MO-1']);

    await simulate({ action: 'jam', deviceId: 'dispenser', jam: false });
    await simulate({ action: 'cards', deviceId: 'dispenser', count: 0 });
    await kiosk.call('collect-document.another');
    await stepBecomes('choose');
    await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' });
    await stepBecomes('release-failed');
    expect(flow()).toMatchObject({ problem: 'empty' });
    expect(await stillReady('R-0001')).toEqual(['C-SAMPLE-MO-1']);
  });

  it('with the backend unreachable at confirmation: the resident is done, and recovery confirms it once later', async () => {
    let confirmReachable = false;
    let embedded: Backend | undefined;
    await startKiosk((clock) => {
      const opened = openEmbeddedBackend({
        path: ':memory:',
        seed: seedCatalogue(),
        now: () => clock.now(),
        terminal: { id: 'MO-DEV-01', centreId: 'china-plaza' },
      });
      if (!opened.ok) throw new Error('backend');
      embedded = opened.value;
      const real = opened.value;
      return {
        ...real,
        confirmCollection: async (request) =>
          confirmReachable
            ? real.confirmCollection(request)
            : { ok: false, error: { kind: 'timeout', afterMs: 8000 } },
      };
    });
    await identifyWithPassport();
    await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' });
    await expect.poll(() => flow()).toMatchObject({ step: 'releasing', stage: 'take-card' });
    await simulate({ action: 'take-card', deviceId: 'dispenser' });
    await doneWithReceipt();
    expect(flow()).toMatchObject({ confirmedLater: true });
    await expect.poll(() => collectionTransaction().state).toBe('dispensed');
    expect(collectionTransaction().pendingCall?.operation).toBe('confirm');

    confirmReachable = true;
    const report = await kiosk.app.journal.recoverNow();
    expect(report.confirmed).toEqual([1]);
    expect(collectionTransaction().state).toBe('confirmed');
    expect(
      await (embedded as Backend).documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }),
    ).toEqual({
      ok: true,
      value: { documents: [] },
    });
    // Asked again, nothing is left to do.
    expect(await kiosk.app.journal.recoverNow()).toEqual({
      confirmed: [],
      voided: [],
      needsStaff: [],
      deferred: [],
    });
  });

  it('a timeout on the list leaves nothing for the next resident', async () => {
    await startKiosk();
    await identifyWithPassport();
    kiosk.clock.advance(kiosk.config.timeLimits.idleSeconds * 1000);
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
    expect(kiosk.app.flows.current).toBeNull();
    expect(await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' })).toEqual({
      ok: false,
      error: 'no-session',
    });
    await kiosk.call('session.start', { language: 'en' });
    expect(flow()).toMatchObject({ service: 'home', step: 'language' });
  });

  it('a timeout while the card waits at the gate: the release still ends, the card comes back in', async () => {
    await startKiosk();
    await identifyWithPassport();
    await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' });
    await expect.poll(() => flow()).toMatchObject({ step: 'releasing', stage: 'take-card' });
    kiosk.clock.advance(kiosk.config.timeLimits.idleSeconds * 1000);
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
    await expect.poll(() => collectionTransaction().state, { timeout: 5000 }).toBe('voided');
    expect(collectionTransaction().reason).toBe('not-taken');
    expect(await stillReady('R-0001')).toEqual(['C-SAMPLE-MO-1']);
  });

  it('refuses stale taps and hostile params', async () => {
    await startKiosk();
    await enterCollection();
    expect(await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' })).toEqual({
      ok: false,
      error: 'other-step',
    });
    for (const params of [
      { collectionId: 'c-sample' },
      { collectionId: 'C-1', extra: true },
      {},
      { collectionId: 7 },
    ])
      expect(await kiosk.call('collect-document.choose', params)).toMatchObject({
        ok: false,
        error: { code: 'invalid-params' },
      });
    expect(await kiosk.call('home.backToServices')).toEqual({ ok: false, error: 'other-flow' });
  });
});
