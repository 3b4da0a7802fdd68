import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatorTrustAnchor } from '../../devices/document/index.js';
import { err } from '../../lib/result.js';
import { testTerminalPrivateKeyPem } from '../../test/fixtures/printed/test_terminal_key.js';
import { productionTrust } from '../../test/support/production_config.js';
import { exitStatus } from './exit_status.js';
import { prepareBoot } from './kiosk_boot.js';

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;

function configFile(overrides: Record<string, unknown>): { path: string; journal: string } {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-boot-'));
  const path = join(dir, 'config.json');
  const journal = join(dir, 'journal.sqlite');
  // Production files trust their own staff office and locker issuer, never the development keys the shipped file lists.
  const trust = overrides.mode === 'production' ? productionTrust() : {};
  writeFileSync(path, JSON.stringify({ ...shipped, journal: { path: journal }, ...trust, ...overrides }));
  return { path, journal };
}

function keyFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'balcao-key-')), 'terminal.pem');
  writeFileSync(file, testTerminalPrivateKeyPem);
  return file;
}

/** A CSCA list file, as a production terminal names in documents.trustAnchors. */
async function cscaFile(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'balcao-csca-')), 'csca.pem');
  const base64 = Buffer.from(await simulatorTrustAnchor()).toString('base64');
  writeFileSync(file, `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`);
  return file;
}

describe('kiosk boot', () => {
  it('opens the journal and makes a run-only key when no key file is configured (development)', () => {
    const boot = prepareBoot(configFile({}).path);
    expect(boot).toMatchObject({ ok: true, value: { ephemeralKey: true } });
    if (boot.ok) boot.value.journal.close();
  });

  it('loads the configured Ed25519 key', () => {
    const boot = prepareBoot(configFile({ documents: { signingKeyFile: keyFile() } }).path);
    expect(boot).toMatchObject({
      ok: true,
      value: { ephemeralKey: false, signingKey: { terminalId: 'MO-DEV-01' } },
    });
    if (boot.ok) boot.value.journal.close();
  });

  it('refuses a production configuration without a key file (78, naming the field), before any journal exists', async () => {
    const trusted = { trustAnchors: [await cscaFile()] };
    const file = configFile({ mode: 'production', documents: trusted });
    const boot = prepareBoot(file.path);
    expect(boot).toMatchObject({ ok: false, error: { exitCode: exitStatus.config } });
    if (!boot.ok) expect(boot.error.message).toContain('documents.signingKeyFile: is required in production');
    expect(existsSync(file.journal)).toBe(false);
    const withKey = prepareBoot(
      configFile({ mode: 'production', documents: { ...trusted, signingKeyFile: keyFile() } }).path,
    );
    expect(withKey).toMatchObject({ ok: true, value: { ephemeralKey: false } });
    if (withKey.ok) withKey.value.journal.close();
  });

  it('refuses a CSCA file it cannot use (78, naming the file), before any journal exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-csca-'));
    const notCertificate = join(dir, 'not-a-certificate.pem');
    writeFileSync(notCertificate, 'hello');
    for (const [anchor, says] of [
      [join(dir, 'absent.pem'), 'cannot be read'],
      [notCertificate, 'is not an X.509 certificate'],
    ] as const) {
      const file = configFile({ documents: { trustAnchors: [anchor] } });
      const boot = prepareBoot(file.path);
      expect(boot).toMatchObject({ ok: false, error: { exitCode: exitStatus.config } });
      if (!boot.ok) expect(boot.error.message).toContain(`the CSCA file ${anchor}`);
      if (!boot.ok) expect(boot.error.message).toContain(says);
      expect(existsSync(file.journal)).toBe(false);
    }
  });

  it('refuses to start with a missing or wrong key file, naming it', () => {
    const missing = prepareBoot(
      configFile({ documents: { signingKeyFile: '/nonexistent/terminal.pem' } }).path,
    );
    expect(missing).toMatchObject({ ok: false, error: { exitCode: exitStatus.config } });
    if (!missing.ok) expect(missing.error.message).toContain('/nonexistent/terminal.pem cannot be read');
    const garbage = join(mkdtempSync(join(tmpdir(), 'balcao-key-')), 'garbage.pem');
    writeFileSync(garbage, 'not a key');
    const wrong = prepareBoot(configFile({ documents: { signingKeyFile: garbage } }).path);
    expect(wrong).toMatchObject({ ok: false, error: { exitCode: exitStatus.config } });
    if (!wrong.ok) expect(wrong.error.message).toContain('is not a PKCS#8 PEM private key');
  });

  it('refuses to start with a bad configuration (78) or a journal it cannot open (74)', () => {
    expect(prepareBoot(configFile({ mode: 'sometimes' }).path)).toMatchObject({
      ok: false,
      error: { exitCode: exitStatus.config },
    });
    // A journal whose folder would have to be inside a regular file cannot be created.
    const file = join(mkdtempSync(join(tmpdir(), 'balcao-boot-')), 'a-file');
    writeFileSync(file, '');
    const unwritable = prepareBoot(configFile({ journal: { path: join(file, 'journal.sqlite') } }).path);
    expect(unwritable).toMatchObject({ ok: false, error: { exitCode: exitStatus.ioError } });
    if (!unwritable.ok) expect(unwritable.error.message).toContain('a-file/journal.sqlite');
  });

  it('lets the host refuse a configuration before the key or the journal is touched', () => {
    const file = configFile({});
    const refused = prepareBoot(file.path, (config) =>
      err({ message: `no ${config.mode} here`, exitCode: exitStatus.config }),
    );
    expect(refused).toEqual({ ok: false, error: { message: 'no development here', exitCode: 78 } });
    expect(existsSync(file.journal)).toBe(false);
  });
});
