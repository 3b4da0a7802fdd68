import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { macauIso } from '../../../lib/macau_time.js';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';
import { type SwitchableBackend, switchableBackend } from '../../../test/support/switchable_backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import {
  generateSigningKey,
  publicKeyBase64,
  signIdentityPayload,
  type TerminalSigningKey,
} from '../../printed/verification/document_signing.js';
import type { IdentityPayload } from '../../printed/verification/identity_payload.js';
import type { CheckProofFlowView } from '../../rpc/flows/check_proof_contract.js';

/**
 * Checking a printed proof through the router, as the renderer drives it, with the simulated scanner and the
 * embedded backend. Proofs come from the proof-of-identity flow itself (printed by this kiosk, whose key it
 * registered at start) and from forgeries built on purpose: another key naming this terminal, a terminal nobody
 * registered, a genuine signature the register disagrees with, a proof never registered, an expired document.
 */

const devices = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
  { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
  { id: 'a4', kind: 'document-printer', transport: 'simulated' },
  { id: 'reader', kind: 'document-reader', transport: 'simulated' },
];

let kiosk: KioskAppFixture;
let remote: SwitchableBackend;
afterEach(() => kiosk.close());

async function startKiosk(): Promise<void> {
  checksSeen = 0;
  kiosk = await startKioskAppFixture(
    {
      terminal: { id: 'MO-DEV-01' },
      services: ['proof-of-identity', 'check-proof'],
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
        });
        if (!opened.ok) throw new Error('backend');
        remote = switchableBackend(opened.value);
        return remote;
      },
    },
  );
  await expect.poll(() => kiosk.app.keyRegistration?.state).toBe('registered');
}

const flowView = () => {
  const view = kiosk.app.session.view();
  return view.phase === 'active' ? view.flow : null;
};
const checkView = () => flowView() as CheckProofFlowView | null;
/** The verdict of the next check: waits for its log line (the verdict only), then reads the step. */
let checksSeen = 0;
const verdictOf = async () => {
  await expect
    .poll(() => kiosk.logger.of('proof-checked').length, { timeout: 15_000 })
    .toBeGreaterThan(checksSeen);
  checksSeen = kiosk.logger.of('proof-checked').length;
  const view = checkView();
  return view?.step === 'result' ? view.result : view;
};

async function openCheck(): Promise<void> {
  await kiosk.call('session.start', { language: 'en' });
  await kiosk.call('home.chooseLanguage', { language: 'en' });
  await kiosk.call('home.openService', { service: 'check-proof' });
  expect(await kiosk.call('home.startService')).toEqual({ ok: true });
  expect(checkView()).toEqual({ service: 'check-proof', step: 'scan', notice: null });
}

const scan = (text: string) =>
  kiosk.devices.simulate({ action: 'scan', deviceId: 'scanner', text, symbology: 'qr' });

/** Prints a proof for R-0001 through the proof-of-identity flow and returns its QR text, as printed. */
async function printProof(): Promise<{ qrText: string; verificationCode: string }> {
  const printing = kiosk.app.flowServices.printing;
  const render = printing.render.bind(printing);
  let qrText = '';
  printing.render = async (...args) => {
    const rendered = await render(...args);
    if (rendered.ok && rendered.value.verification) qrText = rendered.value.verification.qrText;
    return rendered;
  };
  await kiosk.call('session.start', { language: 'pt' });
  await kiosk.call('home.chooseLanguage', { language: 'pt' });
  await kiosk.call('home.openService', { service: 'proof-of-identity' });
  await kiosk.call('home.startService');
  await kiosk.devices.simulate({ action: 'document', deviceId: 'reader', sample: 'passport-macao' });
  await expect
    .poll(() => {
      const view = flowView();
      return view?.step === 'identify' ? view.identify.stage : null;
    })
    .toBe('confirm');
  await kiosk.call('identify.confirm');
  await kiosk.call('identify.submitPin', { pin: '123456' });
  await expect.poll(() => flowView()?.step, { timeout: 15_000 }).toBe('choose');
  await kiosk.call('proof-of-identity.choose', { languages: 'zh-pt' });
  await expect.poll(() => flowView()?.step, { timeout: 15_000 }).toBe('preview');
  await kiosk.call('proof-of-identity.print');
  await expect.poll(() => flowView()?.step, { timeout: 15_000 }).toBe('done');
  const done = flowView();
  if (done?.service !== 'proof-of-identity' || done.step !== 'done') throw new Error('not printed');
  await kiosk.call('proof-of-identity.finish');
  printing.render = render;
  return { qrText, verificationCode: done.verificationCode };
}

/** A signer of proofs other than this kiosk: registered in the key table unless told otherwise. */
async function otherTerminal(terminalId: string, registered = true): Promise<TerminalSigningKey> {
  const key = generateSigningKey(terminalId);
  if (registered) {
    await kiosk.backend?.registerPublicKey({
      idempotencyKey: randomUUID(),
      keyId: terminalId,
      purpose: 'document-signing',
      publicKey: publicKeyBase64(key.privateKey),
    });
  }
  return key;
}

function payloadFor(terminalId: string, changes: Partial<IdentityPayload> = {}): IdentityPayload {
  return {
    terminalId,
    serial: `${terminalId}-7`,
    issuedAt: Math.floor(kiosk.clock.now() / 1000) - 3600,
    documentType: 'passport',
    documentNumberMasked: 'MB****678',
    nameOnDocument: 'LEI KA WAI',
    nameChinese: '',
    dateOfBirth: '1988-11-02',
    dateOfIssue: '',
    dateOfExpiry: '2031-06-30',
    ...changes,
  };
}

/** Signs `payload` with `key` and, unless told otherwise, registers it with the facts given. */
async function issue(
  key: TerminalSigningKey,
  payload: IdentityPayload,
  registerAs: Partial<{ documentNumberMasked: string; issuedAt: number }> | null = {},
): Promise<string> {
  const signed = signIdentityPayload(payload, key);
  if (registerAs !== null) {
    const registered = await kiosk.backend?.registerProof({
      idempotencyKey: randomUUID(),
      verificationCode: signed.verificationCode,
      terminalId: payload.terminalId,
      issuedAt: macauIso((registerAs.issuedAt ?? payload.issuedAt) * 1000),
      facts: {
        documentType: payload.documentType,
        documentNumberMasked: registerAs.documentNumberMasked ?? payload.documentNumberMasked,
        nameMasked: 'LEI K* W**',
      },
    });
    expect(registered?.ok).toBe(true);
  }
  return signed.qrText;
}

describe('check a printed proof', () => {
  it('a proof printed by this kiosk checks genuine, showing only the masked facts it carries', async () => {
    await startKiosk();
    const printed = await printProof();
    await openCheck();
    await scan(printed.qrText);
    const verdict = await verdictOf();
    expect(verdict).toMatchObject({
      verdict: 'genuine',
      verificationCode: printed.verificationCode,
      terminalId: 'MO-DEV-01',
      facts: {
        documentType: 'passport',
        nameMasked: 'CHAN T** M**',
        documentNumberMasked: expect.stringMatching(/\*/),
      },
    });
    // The QR carries the full name and the birth date: neither reaches the screen or the log.
    const shown = JSON.stringify(checkView());
    expect(shown).not.toMatch(/CHAN TAI MAN|1990-03-15|MB2345678/);
    expect(kiosk.logger.of('proof-checked')).toEqual([{ verdict: 'genuine' }]);

    // Revoked at a counter: the same paper is now refused.
    const revoked = await kiosk.backend?.revokeProof({
      idempotencyKey: randomUUID(),
      verificationCode: printed.verificationCode,
      staffId: 'S-0001',
      reason: 'document-reported-lost',
    });
    expect(revoked?.ok).toBe(true);
    expect(await kiosk.call('check-proof.again')).toEqual({ ok: true });
    await scan(printed.qrText);
    expect(await verdictOf()).toMatchObject({
      verdict: 'revoked',
      verificationCode: printed.verificationCode,
    });
    expect(JSON.stringify(checkView())).not.toMatch(/CHAN/);
  });

  it('a forgery signed with another key in this terminal’s name is refused as forged', async () => {
    await startKiosk();
    await openCheck();
    const forger = generateSigningKey('MO-DEV-01');
    await scan(await issue(forger, payloadFor('MO-DEV-01'), null));
    expect(await verdictOf()).toEqual({ verdict: 'forged' });
  });

  it('a genuine signature on a proof the backend never registered is forged too', async () => {
    await startKiosk();
    await openCheck();
    const key = await otherTerminal('MO-OTHER-02');
    await scan(await issue(key, payloadFor('MO-OTHER-02'), null));
    expect(await verdictOf()).toEqual({ verdict: 'forged' });
  });

  it('a proof whose register states other facts or another time is altered', async () => {
    await startKiosk();
    await openCheck();
    const key = await otherTerminal('MO-OTHER-02');
    await scan(await issue(key, payloadFor('MO-OTHER-02'), { documentNumberMasked: 'MB****999' }));
    expect(await verdictOf()).toMatchObject({ verdict: 'altered' });
    await kiosk.call('check-proof.again');
    const payload = payloadFor('MO-OTHER-02', { serial: 'MO-OTHER-02-8' });
    await scan(await issue(key, payload, { issuedAt: payload.issuedAt - 86_400 }));
    expect(await verdictOf()).toMatchObject({ verdict: 'altered' });
  });

  it('a proof naming a terminal without a registered key is unknown-key', async () => {
    await startKiosk();
    await openCheck();
    const stranger = await otherTerminal('MO-NOBODY-9', false);
    await scan(await issue(stranger, payloadFor('MO-NOBODY-9'), null));
    expect(await verdictOf()).toEqual({ verdict: 'unknown-key', terminalId: 'MO-NOBODY-9' });
  });

  it('a genuine proof of a document that has expired since is expired, with the date', async () => {
    await startKiosk();
    await openCheck();
    const key = await otherTerminal('MO-OTHER-02');
    await scan(await issue(key, payloadFor('MO-OTHER-02', { dateOfExpiry: '2024-01-31' })));
    expect(await verdictOf()).toMatchObject({
      verdict: 'expired',
      documentExpiredOn: '2024-01-31',
      facts: { nameMasked: 'LEI K* W**' },
    });
  });

  it('a code that is not a proof asks for the proof’s QR; nothing is logged', async () => {
    await startKiosk();
    await openCheck();
    await scan('BK1:not-a-proof');
    await expect
      .poll(() => checkView())
      .toEqual({ service: 'check-proof', step: 'scan', notice: 'not-a-proof' });
    await scan('BV1:ABCDEF');
    await expect
      .poll(() => checkView())
      .toEqual({ service: 'check-proof', step: 'scan', notice: 'not-a-proof' });
    expect(kiosk.logger.of('proof-checked')).toEqual([]);
  });

  it('with the backend down it says so; Retry checks the same proof once it answers', async () => {
    await startKiosk();
    await openCheck();
    const key = await otherTerminal('MO-OTHER-02');
    const qr = await issue(key, payloadFor('MO-OTHER-02'));
    remote.setMode('down');
    await scan(qr);
    await expect.poll(() => checkView()?.step).toBe('problem');
    expect(await kiosk.call('check-proof.again')).toEqual({ ok: false, error: 'other-step' });
    remote.setMode('up');
    expect(await kiosk.call('check-proof.retry')).toEqual({ ok: true });
    expect(await verdictOf()).toMatchObject({ verdict: 'genuine' });
  });

  it('refuses stale taps; Back goes to the scan step then home; finish ends the session', async () => {
    await startKiosk();
    await openCheck();
    expect(await kiosk.call('check-proof.finish')).toEqual({ ok: false, error: 'other-step' });
    expect(await kiosk.call('check-proof.retry')).toEqual({ ok: false, error: 'other-step' });
    const key = await otherTerminal('MO-OTHER-02');
    await scan(await issue(key, payloadFor('MO-OTHER-02')));
    await verdictOf();
    // Another proof scanned on the result is checked at once.
    await scan(await issue(generateSigningKey('MO-OTHER-02'), payloadFor('MO-OTHER-02'), null));
    expect(await verdictOf()).toEqual({ verdict: 'forged' });
    expect(await kiosk.call('check-proof.back')).toEqual({ ok: true });
    expect(checkView()).toEqual({ service: 'check-proof', step: 'scan', notice: null });
    expect(await kiosk.call('check-proof.back')).toEqual({ ok: true });
    expect(flowView()?.service).toBe('home');
    await kiosk.call('home.openService', { service: 'check-proof' });
    await kiosk.call('home.startService');
    await scan(await issue(key, payloadFor('MO-OTHER-02', { serial: 'MO-OTHER-02-9' })));
    await verdictOf();
    expect(await kiosk.call('check-proof.finish')).toEqual({ ok: true });
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
  });
});
