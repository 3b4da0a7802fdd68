import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testSigningKey, testTerminalPublicKey } from '../../test/fixtures/printed/test_terminal_key.js';
import { renderDocument } from '../printed/document_renderer.js';
import { sampleInput } from '../printed/samples/sample_inputs.js';
import { loadSigningKey } from '../printed/verification/document_signing.js';
import { runCli } from './balcao.js';

/** Runs `balcao …` in-process against the development configuration (every device simulated). */
async function balcao(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    interrupted: new Promise(() => {}),
  });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('balcao field tool', () => {
  it('lists its commands, and refuses unknown commands and flags with a usage status', async () => {
    const help = await balcao('help');
    expect(help.status).toBe(0);
    for (const name of [
      'devices',
      'watch-scanner',
      'test-ticket',
      'test-page',
      'open-door',
      'read-document',
      'read-permit',
      'mrz',
      'verify-document',
    ]) {
      expect(help.out).toContain(`balcao ${name}`);
    }
    expect((await balcao('frobnicate')).status).toBe(64);
    const badFlag = await balcao('devices', '--bogus');
    expect(badFlag.status).toBe(64);
    expect(badFlag.err).toContain('usage: balcao devices');
  });

  it('lists every configured device with its live status', async () => {
    const result = await balcao('devices');
    expect(result.status).toBe(0);
    expect(result.out.split('\n')).toHaveLength(8);
    expect(result.out).toMatch(/ticket-printer\s+ticket-printer\s+simulated\s+escpos.*ready/);
    expect(result.out).toMatch(/keypad\s+tactile-keypad\s+simulated\s+composite.*ready/);
    expect(result.out).toMatch(/document-reader\s+document-reader\s+simulated\s+ccid.*ready/);
  });

  it('prints a test ticket and an A4 test page, each confirmed by the printer', async () => {
    const ticket = await balcao('test-ticket');
    expect(ticket).toMatchObject({ status: 0 });
    expect(ticket.out).toContain('confirmed by the printer');
    const page = await balcao('test-page');
    expect(page.status).toBe(0);
    expect(page.out).toContain('Test page printed');
  });

  it('opens a locker door, and names a door that does not exist', async () => {
    expect(await balcao('open-door', 'A1')).toMatchObject({ status: 0, out: 'door A1: opened' });
    const missing = await balcao('open-door', 'Z9');
    expect(missing.status).toBe(1);
    expect(missing.out).toContain('no door Z9');
  });

  it('reads a passport chip end to end, verified against the CSCA it trusts', async () => {
    const trusted = await balcao('read-document', '--sample', 'passport-td3', '--trust-simulator');
    expect(trusted.status).toBe(0);
    const json = JSON.parse(trusted.out);
    expect(json).toMatchObject({
      ok: true,
      document: { valid: true, documentNumber: 'L898902C3', name: { full: 'ERIKSSON ANNA MARIA' } },
      faceImage: { format: 'jpeg', bytes: 20000 },
      dataGroupsRead: [1, 2],
      passiveAuthentication: { status: 'verified' },
    });
    const faceFile = join(mkdtempSync(join(tmpdir(), 'balcao-face-')), 'face.jpg');
    const withFace = JSON.parse(
      (await balcao('read-document', '--sample', 'passport-td3', '--face-out', faceFile)).out,
    );
    expect(withFace.faceOut).toEqual({ file: faceFile, mimeType: 'image/jpeg' });
    expect(readFileSync(faceFile).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const untrusted = JSON.parse((await balcao('read-document', '--sample', 'id-card-td1')).out);
    expect(untrusted).toMatchObject({
      document: { documentNumber: 'D23145890734' },
      passiveAuthentication: { status: 'unverified', reason: 'no-trust-anchor' },
    });
  });

  it('refuses an MRZ whose check digits do not add up, before touching the chip', async () => {
    const result = await balcao(
      'read-document',
      '--mrz',
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      '--mrz',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<11',
    );
    expect(result.status).toBe(2);
    expect(JSON.parse(result.out)).toMatchObject({
      ok: false,
      stage: 'mrz',
      problems: [{ field: 'composite' }],
    });
  });

  it('reads a Macao resident’s Mainland residence permit on the GA 467 reader', async () => {
    const result = await balcao('read-permit', '--sample', 'residence-permit');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      permit: {
        kind: 'hmt-residence-permit',
        name: '陳大文',
        idNumber: '820000199003150017',
        region: 'macao',
      },
    });
  });

  it('provisions a terminal key that the kiosk boots with and verify-document accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-provision-'));
    const made = await balcao('new-signing-key', 'MO-CP-09', '--out', join(dir, 'terminal.pem'));
    expect(made.status).toBe(0);
    const table = JSON.parse(made.out) as Record<string, string>;
    expect(Object.keys(table)).toEqual(['MO-CP-09']);
    const again = await balcao('new-signing-key', 'MO-CP-09', '--out', join(dir, 'terminal.pem'));
    expect(again.status).toBe(73);

    const key = loadSigningKey('MO-CP-09', readFileSync(join(dir, 'terminal.pem'), 'utf8'));
    const input = { ...sampleInput('identity-proof', 'en'), terminalId: 'MO-CP-09' };
    const rendered = await renderDocument('identity-proof', input, { signingKey: key });
    if (!rendered.ok || !rendered.value.verification) throw new Error('render');
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify(table));
    expect((await balcao('verify-document', rendered.value.verification.qrText, '--keys', keys)).status).toBe(
      0,
    );
  });

  it('verifies a printed proof of identity, and rejects a tampered one', async () => {
    const rendered = await renderDocument('identity-proof', sampleInput('identity-proof', 'pt'), {
      signingKey: testSigningKey,
    });
    expect(rendered.ok).toBe(true);
    if (!rendered.ok || !rendered.value.verification) return;
    const keys = join(mkdtempSync(join(tmpdir(), 'balcao-keys-')), 'keys.json');
    writeFileSync(keys, JSON.stringify({ 'MO-CP-07': testTerminalPublicKey }));
    const genuine = await balcao('verify-document', rendered.value.verification.qrText, '--keys', keys);
    expect(genuine.status).toBe(0);
    expect(JSON.parse(genuine.out)).toMatchObject({ valid: true, terminalId: 'MO-CP-07' });
    const text = rendered.value.verification.qrText;
    const tampered = `${text.slice(0, 20)}${text[20] === 'A' ? 'B' : 'A'}${text.slice(21)}`;
    const forged = await balcao('verify-document', tampered, '--keys', keys);
    expect(forged.status).not.toBe(0);
    expect(JSON.parse(forged.out)).toMatchObject({ valid: false });
  });
});
