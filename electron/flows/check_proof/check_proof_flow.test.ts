import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
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
import { type CheckProofFlowView, CheckProofFlowViewSchema } from '../../rpc/flows/check_proof_contract.js';
import { typedProofCodeLimits } from './typed_code_limit.js';

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

const dayMs = 86_400_000;

/**
 * A signer of proofs other than this kiosk: registered in the key table unless told otherwise, in use since
 * `sinceMs` ago (a week by default: the proofs below are dated an hour ago).
 */
async function otherTerminal(
  terminalId: string,
  registered = true,
  sinceMs = 7 * dayMs,
): Promise<TerminalSigningKey> {
  const key = generateSigningKey(terminalId);
  if (registered) {
    const added = await kiosk.backend?.registerPublicKey({
      idempotencyKey: randomUUID(),
      keyId: terminalId,
      purpose: 'document-signing',
      publicKey: publicKeyBase64(key.privateKey),
      validFrom: macauIso(kiosk.clock.now() - sinceMs),
    });
    expect(added?.ok).toBe(true);
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
    expect(kiosk.logger.of('proof-checked')).toEqual([{ verdict: 'genuine', entry: 'scanned' }]);

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

describe('key rotation and revocation', () => {
  it('a proof printed before this kiosk’s key was rotated still checks genuine; the retired key cannot sign after', async () => {
    await startKiosk();
    const printed = await printProof();
    const registration = kiosk.app.keyRegistration;
    if (!registration) throw new Error('no key registration');
    // The field engineer replaces the key file: the next start registers the new key.
    kiosk.clock.advance(60 * 60_000);
    await registration.register(generateSigningKey('MO-DEV-01'));
    expect(registration.state).toBe('registered');
    const table = await kiosk.backend?.keyTable({});
    const mine = table?.ok ? table.value.keys.filter((k) => k.keyId === 'MO-DEV-01') : [];
    expect(mine).toHaveLength(2);
    expect(mine[0]?.validTo).toBe(mine[1]?.validFrom);
    await openCheck();
    await scan(printed.qrText);
    expect(await verdictOf()).toMatchObject({
      verdict: 'genuine',
      verificationCode: printed.verificationCode,
    });
  });

  it('a forgery signed with a retired key after its retirement is refused with the reason, registered or not', async () => {
    await startKiosk();
    await openCheck();
    const retired = await otherTerminal('MO-OTHER-02');
    const before = await issue(retired, payloadFor('MO-OTHER-02'));
    // Rotated 30 minutes ago: the proof above (an hour old) was signed while the key was in use.
    const current = generateSigningKey('MO-OTHER-02');
    const rotated = await kiosk.backend?.registerPublicKey({
      idempotencyKey: randomUUID(),
      keyId: 'MO-OTHER-02',
      purpose: 'document-signing',
      publicKey: publicKeyBase64(current.privateKey),
      validFrom: macauIso(kiosk.clock.now() - 30 * 60_000),
    });
    expect(rotated?.ok).toBe(true);
    await scan(before);
    expect(await verdictOf()).toMatchObject({ verdict: 'genuine' });
    // The retired key leaked: a paper dated now, even one that made it into the register, is refused.
    const now = Math.floor(kiosk.clock.now() / 1000);
    for (const [serial, register] of [
      ['MO-OTHER-02-20', null],
      ['MO-OTHER-02-21', {}],
    ] as const) {
      await kiosk.call('check-proof.again');
      await scan(await issue(retired, payloadFor('MO-OTHER-02', { serial, issuedAt: now }), register));
      expect(await verdictOf()).toEqual({
        verdict: 'outside-key-validity',
        terminalId: 'MO-OTHER-02',
        issuedAt: new Date(now * 1000).toISOString(),
      });
    }
    // The new key cannot sign papers dated before it was taken up either.
    await kiosk.call('check-proof.again');
    await scan(await issue(current, payloadFor('MO-OTHER-02', { serial: 'MO-OTHER-02-22' })));
    expect(await verdictOf()).toMatchObject({ verdict: 'outside-key-validity' });
    // Papers the new key signs in its time are genuine.
    await kiosk.call('check-proof.again');
    await scan(await issue(current, payloadFor('MO-OTHER-02', { serial: 'MO-OTHER-02-23', issuedAt: now })));
    expect(await verdictOf()).toMatchObject({ verdict: 'genuine' });
  });

  it('a revoked key refuses everything it signed, even proofs issued and registered in its time', async () => {
    await startKiosk();
    await openCheck();
    const key = await otherTerminal('MO-OTHER-02');
    const qr = await issue(key, payloadFor('MO-OTHER-02'));
    const revoked = await kiosk.backend?.revokePublicKey({
      idempotencyKey: randomUUID(),
      keyId: 'MO-OTHER-02',
      purpose: 'document-signing',
      publicKey: publicKeyBase64(key.privateKey),
      staffId: 'S-0001',
      reason: 'compromised',
    });
    expect(revoked?.ok).toBe(true);
    await scan(qr);
    expect(await verdictOf()).toMatchObject({ verdict: 'key-revoked', terminalId: 'MO-OTHER-02' });
    // A revoked key never comes back through registration.
    const again = await kiosk.backend?.registerPublicKey({
      idempotencyKey: randomUUID(),
      keyId: 'MO-OTHER-02',
      purpose: 'document-signing',
      publicKey: publicKeyBase64(key.privateKey),
    });
    expect(again).toMatchObject({
      ok: false,
      error: { kind: 'rejected', rejection: { code: 'already-used' } },
    });
  });
});

describe('typing the verification code of a proof whose QR is damaged', () => {
  const typeCode = async (code: string) => {
    expect(await kiosk.call('check-proof.submitCode', { code })).toEqual({ ok: true });
  };
  const typedView = () => {
    const view = checkView();
    return view?.step === 'type-code' ? view : null;
  };

  it('a printed proof’s code typed (lower case, spaces) shows the same verdict and masked facts; revoked is refused', async () => {
    await startKiosk();
    const printed = await printProof();
    await openCheck();
    expect(await kiosk.call('check-proof.typeCode')).toEqual({ ok: true });
    expect(checkView()).toEqual({
      service: 'check-proof',
      step: 'type-code',
      problem: null,
      waitUntil: null,
    });
    await typeCode(` ${printed.verificationCode.toLowerCase().replaceAll('-', ' ')} `);
    expect(await verdictOf()).toMatchObject({
      verdict: 'genuine',
      verificationCode: printed.verificationCode,
      terminalId: 'MO-DEV-01',
      facts: { documentType: 'passport', nameMasked: 'CHAN T** M**' },
    });
    expect(kiosk.logger.of('proof-checked').at(-1)).toEqual({ verdict: 'genuine', entry: 'typed' });
    await kiosk.backend?.revokeProof({
      idempotencyKey: randomUUID(),
      verificationCode: printed.verificationCode,
      staffId: 'S-0001',
      reason: 'document-reported-lost',
    });
    await kiosk.call('check-proof.again');
    await kiosk.call('check-proof.typeCode');
    await typeCode(printed.verificationCode);
    expect(await verdictOf()).toMatchObject({
      verdict: 'revoked',
      verificationCode: printed.verificationCode,
    });
  });

  it('a code whose terminal key was revoked since is refused as key-revoked', async () => {
    await startKiosk();
    await openCheck();
    const key = await otherTerminal('MO-OTHER-02');
    const qr = await issue(key, payloadFor('MO-OTHER-02'));
    const { verifyDocument } = await import('../../printed/verification/verify_document.js');
    const verified = verifyDocument(qr, { 'MO-OTHER-02': publicKeyBase64(key.privateKey) });
    if (!verified.ok) throw new Error('not verified');
    await kiosk.backend?.revokePublicKey({
      idempotencyKey: randomUUID(),
      keyId: 'MO-OTHER-02',
      purpose: 'document-signing',
      publicKey: publicKeyBase64(key.privateKey),
      staffId: 'S-0001',
      reason: 'terminal-lost',
    });
    await kiosk.call('check-proof.typeCode');
    await typeCode(verified.value.verificationCode);
    expect(await verdictOf()).toMatchObject({ verdict: 'key-revoked', terminalId: 'MO-OTHER-02' });
  });

  it('a mistyped code is said at once and not counted; codes naming no proof are counted, then typing waits', async () => {
    await startKiosk();
    await openCheck();
    await kiosk.call('check-proof.typeCode');
    const lookups = () => remote.calls.get('verifyProof') ?? 0;
    const before = lookups();
    for (const typed of ['', '1234', 'UUUU-UUUU-UUUU', '1234-5678-90AB-C', '<script>alert(1)</script>']) {
      await typeCode(typed);
      expect(typedView()).toMatchObject({ problem: 'format', waitUntil: null });
    }
    expect(lookups()).toBe(before);
    for (let i = 0; i < typedProofCodeLimits.attempts; i++) {
      await typeCode(`0000-0000-000${i}`);
      await expect.poll(() => typedView()?.problem).toBe('not-found');
    }
    expect(lookups()).toBe(before + typedProofCodeLimits.attempts);
    const waiting = typedView();
    expect(waiting?.waitUntil).not.toBeNull();
    // While it waits, a typed code is not looked up at all; a new session does not reset the count.
    await typeCode('0000-0000-0009');
    expect(lookups()).toBe(before + typedProofCodeLimits.attempts);
    expect(typedView()?.waitUntil).toBe(waiting?.waitUntil);
    await kiosk.call('check-proof.cancel');
    await kiosk.call('home.openService', { service: 'check-proof' });
    await kiosk.call('home.startService');
    await kiosk.call('check-proof.typeCode');
    expect(typedView()?.waitUntil).toBe(waiting?.waitUntil);
    // A scan still works meanwhile.
    const key = await otherTerminal('MO-OTHER-02');
    await scan(await issue(key, payloadFor('MO-OTHER-02')));
    expect(await verdictOf()).toMatchObject({ verdict: 'genuine' });
    // Once the wait is over, typing is looked up again.
    kiosk.clock.advance(typedProofCodeLimits.firstWaitSeconds * 1000);
    await kiosk.call('check-proof.again');
    await kiosk.call('check-proof.typeCode');
    expect(typedView()?.waitUntil).toBeNull();
    const sofar = lookups();
    await typeCode('0000-0000-0009');
    await expect.poll(() => lookups()).toBe(sofar + 1);
  });

  it('hostile typed input never breaks the flow: a refusal before the code runs, or a well-formed step', async () => {
    await startKiosk();
    await openCheck();
    await kiosk.call('check-proof.typeCode');
    for (const params of [
      {},
      { code: 7 },
      { code: null },
      { code: 'A'.repeat(65) },
      { code: 'x', extra: 1 },
    ]) {
      expect(await kiosk.call('check-proof.submitCode', params as never)).toMatchObject({ ok: false });
    }
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 64 }), fc.string({ unit: 'binary', maxLength: 16 })),
        async (code) => {
          if (checkView()?.step !== 'type-code') {
            await expect.poll(() => checkView()?.step).not.toBe('checking');
            if (checkView()?.step !== 'type-code') {
              await kiosk.call('check-proof.back');
              await kiosk.call('check-proof.typeCode');
            }
          }
          expect(await kiosk.call('check-proof.submitCode', { code })).toEqual({ ok: true });
          await expect.poll(() => checkView()?.step).not.toBe('checking');
          const view = checkView();
          expect(CheckProofFlowViewSchema.safeParse(view).success).toBe(true);
          expect(['type-code', 'result']).toContain(view?.step);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hostile scanner text on the scan step: never a crash, only "not a proof" or a refusal', async () => {
    await startKiosk();
    await openCheck();
    const key = await otherTerminal('MO-OTHER-02');
    const genuine = await issue(key, payloadFor('MO-OTHER-02'));
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ maxLength: 300 }).map((tail) => `BV1:${tail}`),
      fc.constantFrom(
        'BV1:',
        'BV1:%%%%',
        `${genuine}A`,
        genuine.slice(0, -3),
        genuine.replace('BV1:', 'bv1:'),
        `BV1:${'0'.repeat(4000)}`,
        '\u0000BV1:',
      ),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const checks = kiosk.logger.of('proof-checked').length;
        await scan(text);
        await expect.poll(() => checkView()?.step).not.toBe('checking');
        const view = checkView();
        expect(CheckProofFlowViewSchema.safeParse(view).success).toBe(true);
        if (view?.step === 'result') {
          expect(view.result.verdict).not.toBe('genuine');
          expect(kiosk.logger.of('proof-checked').length).toBe(checks + 1);
          await kiosk.call('check-proof.again');
        } else expect(view).toMatchObject({ step: 'scan' });
      }),
      { numRuns: 80 },
    );
  });
});
