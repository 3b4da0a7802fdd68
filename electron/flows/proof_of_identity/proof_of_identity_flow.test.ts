import { afterEach, describe, expect, it } from 'vitest';
import {
  type KioskAppFixture,
  type KioskAppFixtureOptions,
  startKioskAppFixture,
} from '../../../test/support/kiosk_app_fixture.js';
import type { Backend } from '../../backend/contract/backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import type { ProofOfIdentityFlowView } from '../../rpc/flows/proof_of_identity_contract.js';

/**
 * Proof of identity through the router, as the renderer drives it, on a kiosk with the simulated reader and A4
 * printer and the embedded backend: R-0001 places the Macao passport `passport-macao` (PIN 123456).
 */

const devices = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
  { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
  { id: 'a4', kind: 'document-printer', transport: 'simulated' },
  { id: 'reader', kind: 'document-reader', transport: 'simulated' },
];

let kiosk: KioskAppFixture;
afterEach(() => kiosk.close());

async function startKiosk(backend: KioskAppFixtureOptions['backend'] = 'embedded'): Promise<void> {
  kiosk = await startKioskAppFixture(
    {
      terminal: { id: 'MO-DEV-01' },
      services: ['proof-of-identity'],
      devices,
      documents: { trustSimulatorCsca: true },
    },
    { clockStart: Date.now(), backend },
  );
}

const flow = () => {
  const view = kiosk.app.session.view();
  return view.phase === 'active' ? (view.flow as ProofOfIdentityFlowView) : null;
};
const stepBecomes = (step: string) => expect.poll(() => flow()?.step, { timeout: 15_000 }).toBe(step);
const proofJobs = () => kiosk.app.printing.staffJobs().filter((job) => job.template === 'identity-proof');
const transaction = () => kiosk.app.journal.transactions.get(1);

async function identify(): Promise<void> {
  await kiosk.call('session.start', { language: 'pt' });
  await kiosk.call('home.chooseLanguage', { language: 'pt' });
  await kiosk.call('home.openService', { service: 'proof-of-identity' });
  expect(await kiosk.call('home.startService')).toEqual({ ok: true });
  expect(flow()).toMatchObject({ step: 'identify', identify: { stage: 'place', methods: ['document'] } });
  await kiosk.devices.simulate({ action: 'document', deviceId: 'reader', sample: 'passport-macao' });
  await expect
    .poll(() => {
      const view = flow();
      return view?.step === 'identify' ? view.identify.stage : null;
    })
    .toBe('confirm');
  await kiosk.call('identify.confirm');
  await kiosk.call('identify.submitPin', { pin: '123456' });
  await stepBecomes('choose');
}

async function preview(): Promise<void> {
  await identify();
  expect(await kiosk.call('proof-of-identity.choose', { languages: 'zh-pt' })).toEqual({ ok: true });
  await stepBecomes('preview');
}

describe('proof of identity', () => {
  it('identifies, previews the page to print, registers the code, prints it, and the backend vouches for it', async () => {
    await startKiosk();
    await preview();
    const view = flow();
    if (view?.step !== 'preview') throw new Error('no preview');
    // A real page: a PNG of A4 proportions rasterised from the PDF.
    const png = Buffer.from(view.preview.slice('data:image/png;base64,'.length), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(height / width).toBeCloseTo(297 / 210, 1);
    expect(proofJobs()).toEqual([]);

    expect(await kiosk.call('proof-of-identity.print')).toEqual({ ok: true });
    await stepBecomes('done');
    const done = flow();
    if (done?.step !== 'done') throw new Error('not done');
    expect(proofJobs()).toMatchObject([{ status: 'confirmed' }]);
    expect(transaction()).toMatchObject({
      kind: 'identity-proof',
      state: 'confirmed',
      subject: done.verificationCode,
    });
    const status = await kiosk.backend?.verifyProof({ verificationCode: done.verificationCode });
    expect(status).toEqual({
      ok: true,
      value: expect.objectContaining({
        status: 'genuine',
        terminalId: 'MO-DEV-01',
        facts: {
          documentType: 'passport',
          documentNumberMasked: expect.stringMatching(/\*/),
          nameMasked: 'CHAN T** M**',
        },
      }),
    });
    // Nothing personal in the log or the journal.
    expect(JSON.stringify(kiosk.logger.lines)).not.toMatch(/CHAN TAI MAN|MB2345678|123456/);
    expect(await kiosk.call('proof-of-identity.finish')).toEqual({ ok: true });
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
  });

  it('back from the preview forgets that page; the other languages make a new one', async () => {
    await startKiosk();
    await preview();
    expect(await kiosk.call('proof-of-identity.back')).toEqual({ ok: true });
    expect(flow()).toEqual({ service: 'proof-of-identity', step: 'choose' });
    expect(transaction()).toMatchObject({ state: 'voided', reason: 'cancelled' });
    await kiosk.call('proof-of-identity.choose', { languages: 'zh-en' });
    await stepBecomes('preview');
    expect(flow()).toMatchObject({ languages: 'zh-en' });
    expect(proofJobs()).toEqual([]);
  });

  it('the backend unreachable: nothing prints, the resident is told, the transaction goes to staff', async () => {
    await startKiosk((clock) => {
      const opened = openEmbeddedBackend({
        path: ':memory:',
        seed: seedCatalogue(),
        now: () => clock.now(),
        terminal: { id: 'MO-DEV-01', centreId: 'china-plaza' },
      });
      if (!opened.ok) throw new Error('backend');
      const real: Backend = opened.value;
      return {
        ...real,
        registerProof: async () => ({ ok: false, error: { kind: 'timeout', afterMs: 8000 } }),
      };
    });
    await preview();
    await kiosk.call('proof-of-identity.print');
    await stepBecomes('failed');
    expect(flow()).toMatchObject({ reason: 'backend' });
    expect(proofJobs()).toEqual([]);
    expect(transaction()?.needsStaffReason).toBe('register-timeout');
  });

  it('paper runs out while the proof prints: the job waits, and finishes once paper is back', async () => {
    await startKiosk();
    await preview();
    await kiosk.devices.simulate({ action: 'paper', deviceId: 'a4', paper: 'out' });
    await expect
      .poll(() => kiosk.devices.statuses().find((device) => device.id === 'a4')?.status.state, {
        timeout: 10_000,
      })
      .toBe('no-paper');
    await kiosk.call('proof-of-identity.print');
    // Held in the queue while the printer has no paper (the print overlay tells the resident).
    await expect.poll(() => proofJobs().map((job) => job.status)).toEqual(['queued']);
    expect(flow()).toEqual({ service: 'proof-of-identity', step: 'printing' });
    expect(await kiosk.call('proof-of-identity.cancel')).toEqual({ ok: false, error: 'other-step' });
    await kiosk.devices.simulate({ action: 'paper', deviceId: 'a4', paper: 'loaded' });
    await stepBecomes('done');
    expect(transaction()?.state).toBe('confirmed');
  });

  it('a timeout on the preview leaves nothing: no page, no proof, no face or name', async () => {
    await startKiosk();
    await preview();
    kiosk.clock.advance(kiosk.config.timeLimits.idleSeconds * 1000);
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
    expect(kiosk.app.flows.current).toBeNull();
    expect(transaction()).toMatchObject({ state: 'voided', reason: 'cancelled' });
    expect(proofJobs()).toEqual([]);
  });

  it('refuses stale taps and hostile params', async () => {
    await startKiosk();
    await identify();
    expect(await kiosk.call('proof-of-identity.print')).toEqual({ ok: false, error: 'other-step' });
    for (const params of [{ languages: 'zh-fr' }, { languages: 'zh-pt', extra: 1 }, {}, { languages: null }])
      expect(await kiosk.call('proof-of-identity.choose', params)).toMatchObject({
        ok: false,
        error: { code: 'invalid-params' },
      });
    expect(await kiosk.call('collect-document.cancel')).toEqual({ ok: false, error: 'other-flow' });
  });
});
