import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testTerminalPrivateKeyPem } from '../test/fixtures/printed/test_terminal_key.js';
import { exitConfigError, exitJournalError, prepareBoot } from './kiosk_boot.js';

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;

function configFile(overrides: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-boot-'));
  const path = join(dir, 'config.json');
  writeFileSync(
    path,
    JSON.stringify({ ...shipped, journal: { path: join(dir, 'journal.sqlite') }, ...overrides }),
  );
  return path;
}

describe('kiosk boot', () => {
  it('opens the journal and makes a run-only key when no key file is configured', () => {
    const boot = prepareBoot(configFile({}));
    expect(boot).toMatchObject({ ok: true, ephemeralKey: true });
    if (boot.ok) boot.journal.close();
  });

  it('loads the configured Ed25519 key', () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'balcao-key-')), 'terminal.pem');
    writeFileSync(keyFile, testTerminalPrivateKeyPem);
    const boot = prepareBoot(configFile({ documents: { signingKeyFile: keyFile } }));
    expect(boot).toMatchObject({ ok: true, ephemeralKey: false, signingKey: { terminalId: 'MO-DEV-01' } });
    if (boot.ok) boot.journal.close();
  });

  it('refuses to start with a missing or wrong key file, naming it', () => {
    const missing = prepareBoot(configFile({ documents: { signingKeyFile: '/nonexistent/terminal.pem' } }));
    expect(missing).toMatchObject({ ok: false, exitCode: exitConfigError });
    if (!missing.ok) expect(missing.message).toContain('/nonexistent/terminal.pem cannot be read');
    const garbage = join(mkdtempSync(join(tmpdir(), 'balcao-key-')), 'garbage.pem');
    writeFileSync(garbage, 'not a key');
    const wrong = prepareBoot(configFile({ documents: { signingKeyFile: garbage } }));
    expect(wrong).toMatchObject({ ok: false, exitCode: exitConfigError });
    if (!wrong.ok) expect(wrong.message).toContain('is not a PKCS#8 PEM private key');
  });

  it('refuses to start with a bad configuration (78) or a journal it cannot open (74)', () => {
    expect(prepareBoot(configFile({ mode: 'sometimes' }))).toMatchObject({
      ok: false,
      exitCode: exitConfigError,
    });
    // A journal whose folder would have to be inside a regular file cannot be created.
    const file = join(mkdtempSync(join(tmpdir(), 'balcao-boot-')), 'a-file');
    writeFileSync(file, '');
    const unwritable = prepareBoot(configFile({ journal: { path: join(file, 'journal.sqlite') } }));
    expect(unwritable).toMatchObject({ ok: false, exitCode: exitJournalError });
    if (!unwritable.ok) expect(unwritable.message).toContain('a-file/journal.sqlite');
  });
});
