import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import {
  generateSigningKey,
  loadSigningKey,
  signIdentityPayload,
} from '../../electron/printed/verification/document_signing.js';
import type { IdentityPayload } from '../../electron/printed/verification/identity_payload.js';
import { expectEveryDisplayRightIn } from './support/display_sweep.js';
import { e2eConfig } from './support/e2e_config.js';
import { identifyWithPassport, openService } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { shoot } from './support/screens.js';

/**
 * Check a printed proof end to end in the browser-mode host, with the embedded backend: a proof printed in the
 * proof-of-identity flow checks genuine under the scanner (its QR is rebuilt from what the backend and the journal
 * registered and signed again with the terminal's key file — Ed25519 signs deterministically, so it is the very QR
 * printed, which the verification code proves); once revoked it is refused; a forgery made with another key in
 * this terminal's name is refused. Each screen is checked in every display combination.
 */
const terminalId = 'MO-E2E-01';
const keyDir = mkdtempSync(join(tmpdir(), 'balcao-e2e-key-'));
const keyFile = join(keyDir, 'signing.pem');
writeFileSync(
  keyFile,
  generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
);

let host: KioskHost;
test.beforeAll(async () => {
  const base = e2eConfig();
  host = await startKioskHost({
    ...base,
    services: [...(base.services as string[]), 'check-proof'],
    documents: { ...(base.documents as object), signingKeyFile: keyFile },
  });
});
test.afterAll(async () => host.stop());
// Each test starts at the attract screen: whatever session the last one left is ended.
test.afterEach(async () => {
  await host.call('session.end', { reason: 'cancelled' });
});

/** Reads one row of the host's embedded backend or journal (they sit side by side). */
function row<T>(file: 'backend' | 'journal', sql: string, ...params: unknown[]): T {
  const path = file === 'backend' ? host.backendPath : join(dirname(host.backendPath), 'journal.sqlite');
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/** The QR printed on the proof with this code: R-0001's passport facts, as proof_issue.ts gave them. */
function printedQr(verificationCode: string): string {
  const proof = row<{ issued_at: number; facts_json: string }>(
    'backend',
    'SELECT issued_at, facts_json FROM proofs WHERE verification_code = ?',
    verificationCode,
  );
  const transaction = row<{ id: number }>(
    'journal',
    'SELECT id FROM transactions WHERE subject = ?',
    verificationCode,
  );
  const facts = JSON.parse(proof.facts_json) as { documentNumberMasked: string };
  const payload: IdentityPayload = {
    terminalId,
    serial: `${terminalId}-${transaction.id}`,
    issuedAt: Math.floor(proof.issued_at / 1000),
    documentType: 'passport',
    documentNumberMasked: facts.documentNumberMasked,
    nameOnDocument: 'CHAN TAI MAN',
    nameChinese: '',
    dateOfBirth: '1990-03-15',
    dateOfIssue: '',
    dateOfExpiry: '2033-05-20',
  };
  const signed = signIdentityPayload(payload, loadSigningKey(terminalId, readFileSync(keyFile, 'utf8')));
  expect(signed.verificationCode).toBe(verificationCode);
  return signed.qrText;
}

async function printProof(page: Page): Promise<string> {
  await openService(page, host, 'zh-Hant', 'proof-of-identity');
  await identifyWithPassport(page, host);
  await page.getByTestId('proof-languages-zh-pt').click();
  await page.getByTestId('proof-print').click();
  await expect(page.getByTestId('proof-done')).toBeVisible({ timeout: 20_000 });
  const code = (await page.getByTestId('proof-code').locator('strong').textContent()) ?? '';
  await page.getByTestId('proof-finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  return code;
}

async function openCheck(page: Page, language: string): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId(`language-${language}`).click();
  await page.getByTestId('tile-check-proof').click();
  await page.getByTestId('start-service').click();
  await expect(page.getByTestId('check-proof-scan')).toBeVisible();
}

/** A proof as a forger makes one: R-0001's facts, in the name of `signer`. */
function madeUpProof(signer: string): IdentityPayload {
  return {
    terminalId: signer,
    serial: `${signer}-999`,
    issuedAt: Math.floor(Date.now() / 1000) - 600,
    documentType: 'passport',
    documentNumberMasked: 'MB****678',
    nameOnDocument: 'CHAN TAI MAN',
    nameChinese: '',
    dateOfBirth: '1990-03-15',
    dateOfIssue: '',
    dateOfExpiry: '2033-05-20',
  };
}

const scan = (text: string) =>
  host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text, symbology: 'qr' });

test('a proof printed here checks genuine (masked facts only); revoked, the same paper is refused', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const code = await printProof(page);
  const qr = printedQr(code);
  await openCheck(page, 'pt');
  await expectEveryDisplayRightIn(page, host, 'check-proof-scan', 'pt');
  await scan(qr);
  const verdict = page.getByTestId('check-proof-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'genuine');
  await expect(page.getByTestId('check-proof-result-genuine')).toContainText('Prova autêntica');
  await expect(verdict).toContainText('CHAN T** M**');
  await expect(verdict).toContainText(code);
  await expect(verdict).not.toContainText('CHAN TAI MAN');
  await expect(verdict).not.toContainText('1990');
  await shoot(page, 'check-proof/genuine-pt');
  await expectEveryDisplayRightIn(page, host, 'check-proof-result-genuine', 'pt');

  const db = new Database(host.backendPath);
  db.prepare(
    `UPDATE proofs SET revoked_at = ?, revocation_reason = 'document-reported-lost', revoked_by = 'S-0001'
     WHERE verification_code = ?`,
  ).run(Date.now(), code);
  db.close();
  await page.getByTestId('check-proof-again').click();
  await expect(page.getByTestId('check-proof-scan')).toBeVisible();
  await scan(qr);
  await expect(verdict).toHaveAttribute('data-verdict', 'revoked');
  await expect(verdict).toContainText('Não a aceite');
  await expect(verdict).not.toContainText('CHAN');
  await shoot(page, 'check-proof/revoked-pt');
  await expectEveryDisplayRightIn(page, host, 'check-proof-result-revoked', 'pt');
  await page.getByTestId('check-proof-finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('zh-Hant: a forgery in this terminal’s name is refused; a code that is not a proof is asked again', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openCheck(page, 'zh-Hant');
  await scan('https://example.com/not-a-proof');
  await expect(page.getByTestId('check-proof-notice')).toContainText('這不是身份證明的二維碼');
  const forged = signIdentityPayload(madeUpProof(terminalId), generateSigningKey(terminalId));
  await scan(forged.qrText);
  const verdict = page.getByTestId('check-proof-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'forged');
  await expect(page.getByTestId('check-proof-result-forged')).toContainText('並非真確的證明');
  await expect(verdict).not.toContainText('CHAN');
  await shoot(page, 'check-proof/forged-zh-Hant');
  await expectEveryDisplayRightIn(page, host, 'check-proof-result-forged', 'zh-Hant');
});

test('pt: a damaged QR — the code typed on the kiosk keyboard gives the same verdict; a code naming no proof is said', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const code = await printProof(page);
  await openCheck(page, 'pt');
  await page.getByTestId('check-proof-type-the-code').click();
  await expect(page.getByTestId('check-proof-type-code')).toBeVisible();
  const typeOnKeyboard = async (text: string) => {
    await page.getByTestId('key-clear').click();
    for (const key of text) await page.getByTestId(`key-${key}`).click();
    await page.getByTestId('key-enter').click();
  };
  // A made-up code: looked up, not found, said on the same screen.
  await typeOnKeyboard('0000-0000-0000');
  await expect(page.getByTestId('check-proof-code-not-found')).toContainText('Nenhuma prova tem este código');
  await shoot(page, 'check-proof/type-code-not-found-pt');
  await expectEveryDisplayRightIn(page, host, 'check-proof-type-code-not-found', 'pt');
  // Too short: said at once, never looked up.
  await typeOnKeyboard('12');
  await expect(page.getByTestId('check-proof-code-format')).toBeVisible();
  await typeOnKeyboard(code);
  const verdict = page.getByTestId('check-proof-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'genuine');
  await expect(verdict).toContainText('CHAN T** M**');
  await expect(verdict).toContainText(code);
  await expect(verdict).not.toContainText('CHAN TAI MAN');
  await page.getByTestId('check-proof-finish').click();
});

test('en: a proof signed by a retired key after its retirement, or by a revoked key, is refused with the reason', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const retired = generateKeyPairSync('ed25519');
  const revoked = generateKeyPairSync('ed25519');
  const raw = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) =>
    Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url').toString('base64');
  const day = 86_400_000;
  const db = new Database(host.backendPath);
  const insert = db.prepare(
    `INSERT INTO public_key_periods (key_id, purpose, public_key, valid_from, registered_at, revoked_at)
     VALUES (?, 'document-signing', ?, ?, ?, ?)`,
  );
  const now = Date.now();
  // MO-E2E-77 used `retired` for a day, until yesterday, then a newer key; MO-E2E-78's key was found compromised.
  insert.run('MO-E2E-77', raw(retired.publicKey), now - 2 * day, now - 2 * day, null);
  insert.run('MO-E2E-77', raw(generateKeyPairSync('ed25519').publicKey), now - day, now - day, null);
  insert.run('MO-E2E-78', raw(revoked.publicKey), now - 2 * day, now - 2 * day, now - 3_600_000);
  db.close();
  const sign = (signer: string, privateKey: ReturnType<typeof generateKeyPairSync>['privateKey']) =>
    signIdentityPayload(madeUpProof(signer), { terminalId: signer, privateKey }).qrText;
  await openCheck(page, 'en');
  await scan(sign('MO-E2E-77', retired.privateKey));
  const verdict = page.getByTestId('check-proof-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'outside-key-validity');
  await expect(page.getByTestId('check-proof-result-outside-key-validity')).toContainText(
    'Date of issue does not match',
  );
  await shoot(page, 'check-proof/outside-key-validity-en');
  await expectEveryDisplayRightIn(page, host, 'check-proof-result-outside-key-validity', 'en');
  await page.getByTestId('check-proof-again').click();
  await scan(sign('MO-E2E-78', revoked.privateKey));
  await expect(verdict).toHaveAttribute('data-verdict', 'key-revoked');
  await expect(verdict).toContainText('MO-E2E-78');
  await shoot(page, 'check-proof/key-revoked-en');
  await expectEveryDisplayRightIn(page, host, 'check-proof-result-key-revoked', 'en');
  await page.getByTestId('check-proof-finish').click();
});

test('en, keypad and audio alone: the scan step and a verdict are spoken; Enter finishes', async ({
  page,
}) => {
  const spokenKeys = async () => {
    const frame = await host.call('dev.spokenPrompts', {});
    return frame.ok ? (frame.value as { key: string }[]).map((s) => s.key) : [];
  };
  const press = (key: 'enter' | '5') => host.call('dev.simulate', { action: 'key', deviceId: 'keypad', key });
  /** Waits until what was spoken since `from` holds `keys`, in this order. */
  const heard = (from: number, keys: string[]) =>
    expect
      .poll(
        async () => {
          const said = (await spokenKeys()).slice(from);
          const at = said.indexOf(keys[0] ?? '');
          return at < 0 ? said : said.slice(at, at + keys.length);
        },
        { timeout: 20_000 },
      )
      .toEqual(keys);
  await openCheck(page, 'en');
  const start = (await spokenKeys()).length;
  await press('5');
  await heard(start, ['check-proof:scan.title', 'check-proof:scan.lead', 'check-proof:keys.scan']);
  const before = (await spokenKeys()).length;
  await scan(signIdentityPayload(madeUpProof('MO-NOBODY-9'), generateSigningKey('MO-NOBODY-9')).qrText);
  await heard(before, [
    'check-proof:verdict.unknown-key.title',
    'check-proof:verdict.unknown-key.body',
    'check-proof:verdict.unknown-key.next',
    'check-proof:keys.result',
  ]);
  await press('enter');
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});
