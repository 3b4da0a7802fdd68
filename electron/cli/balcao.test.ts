import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testSigningKey, testTerminalPublicKey } from '../../test/fixtures/printed/test_terminal_key.js';
import { balcao } from '../../test/support/run_balcao.js';
import { renderDocument } from '../printed/document_renderer.js';
import { sampleInput } from '../printed/samples/sample_inputs.js';
import { loadSigningKey } from '../printed/verification/document_signing.js';

// `balcao(...)` runs against the development configuration (every device simulated) unless given --config.

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
      'test-dispense',
      'read-document',
      'read-permit',
      'mrz',
      'verify-document',
    ]) {
      expect(help.out).toContain(`balcao ${name}`);
    }
    expect((await balcao('frobnicate')).status).toBe(64);
  });

  it('names a command-line mistake in one line, with the usage, and exits 64', async () => {
    const mistakes: [string[], string][] = [
      [
        ['devices', '--bogus'],
        "balcao devices: Unknown option '--bogus' (usage: balcao devices [--config FILE])",
      ],
      [
        ['test-ticket', '--config'],
        "balcao test-ticket: Option '--config <value>' argument missing (usage: balcao test-ticket [--config FILE] [--device ID])",
      ],
      [
        ['open-door', 'A1', '--wait-close', 'soon'],
        'balcao open-door: --wait-close must be a number of seconds (at most 3600), got "soon"',
      ],
    ];
    for (const [argv, message] of mistakes) {
      expect(await balcao(...argv), argv.join(' ')).toEqual({ status: 64, out: '', err: message });
    }
  });

  it('reports every problem of a bad configuration at once (78)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-config-'));
    const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ ...shipped, mode: 'fast', languages: { offered: ['en'], default: 'pt' } }),
    );
    const result = await balcao('devices', '--config', join(dir, 'bad.json'));
    expect(result.status).toBe(78);
    expect(result.err).toContain('has 2 problem(s)');
    expect(result.err).toContain('mode: Invalid option');
    expect(result.err).toContain('languages.default: must be one of languages.offered');
  });

  it('dispenses a test card from the simulated dispenser and retracts it when nobody takes it', async () => {
    const result = await balcao('test-dispense', '--wait', '0');
    expect(result.status).toBe(0);
    expect(result.out).toContain('not taken: retracted into the reject bin');
    expect((await balcao('test-dispense', '--wait', 'soon')).status).toBe(64);
  });

  it('lists every configured device with its live status', async () => {
    const result = await balcao('devices');
    expect(result.status).toBe(0);
    expect(result.out.split('\n')).toHaveLength(10);
    expect(result.out).toMatch(/dispenser\s+document-dispenser\s+simulated\s+crt591.*ready/);
    expect(result.out).toMatch(/vending\s+vending-unit\s+simulated\s+usbrelay-matrix.*ready/);
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
      document: {
        valid: true,
        expired: true,
        documentNumber: 'L898902C3',
        name: { full: 'ERIKSSON ANNA MARIA' },
      },
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

  it('reads the forged sample passport: the chip reads, passive authentication fails, exit status 1', async () => {
    const forged = await balcao('read-document', '--sample', 'passport-forged', '--trust-simulator');
    expect(forged.status).toBe(1);
    expect(JSON.parse(forged.out)).toMatchObject({
      ok: true,
      document: { valid: true, expired: false, documentNumber: 'MB7654321' },
      passiveAuthentication: { status: 'failed', reason: 'ds-not-signed-by-csca' },
    });
    const genuine = JSON.parse(
      (await balcao('read-document', '--sample', 'passport-macao', '--trust-simulator')).out,
    );
    expect(genuine).toMatchObject({
      document: { documentNumber: 'MB2345678', expired: false },
      passiveAuthentication: { status: 'verified' },
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
    // An id the payload (or the configuration) would refuse gets no key: documents signed with it never verify.
    for (const id of [
      'MO CP 09',
      'mo-cp-09',
      'MO/CP',
      'X',
      'MO-CP-09-THIS-TERMINAL-ID-IS-FAR-TOO-LONG',
      '陳',
    ]) {
      const refused = await balcao('new-signing-key', id, '--out', join(dir, `${id.length}.pem`));
      expect(refused, id).toMatchObject({ status: 64, out: '' });
      expect(refused.err).toContain(`"${id}" is not a terminal id`);
      expect(existsSync(join(dir, `${id.length}.pem`))).toBe(false);
    }

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

  it('refuses a key table of the wrong shape with 66 "cannot read keys", never a crash', async () => {
    const rendered = await renderDocument('identity-proof', sampleInput('identity-proof', 'en'), {
      signingKey: testSigningKey,
    });
    if (!rendered.ok || !rendered.value.verification) throw new Error('render');
    const qrText = rendered.value.verification.qrText;
    const dir = mkdtempSync(join(tmpdir(), 'balcao-keys-'));
    const tables = [
      'null',
      '[]',
      '["MO-CP-07"]',
      '42',
      '"key"',
      'true',
      '{"MO-CP-07": 7}',
      '{"MO-CP-07": null}',
      'not json',
    ];
    for (const [i, table] of tables.entries()) {
      const file = join(dir, `keys-${i}.json`);
      writeFileSync(file, table);
      const result = await balcao('verify-document', qrText, '--keys', file);
      expect(result, table).toMatchObject({ status: 66, out: '' });
      expect(result.err).toMatch(new RegExp(`^cannot read keys from ${file}: `));
    }
    const missing = await balcao('verify-document', qrText, '--keys', join(dir, 'absent.json'));
    expect(missing.status).toBe(66);
  });
});
