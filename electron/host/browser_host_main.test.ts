import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the browser-mode entry point as a person would, and returns what they see. */
function startHost(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/host/browser_host_main.ts', ...args],
    {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, BALCAO_PORT: undefined, BALCAO_CONFIG: undefined, ...env },
    },
  );
  return { status: run.status, stderr: run.stderr.trim(), stdout: run.stdout.trim() };
}

describe('starting browser mode with a mistake', () => {
  it('names an unknown flag, a bad BALCAO_PORT or a missing value in one line and exits 64', () => {
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [
        ['--confg', 'x.json'],
        {},
        'Balcão: unknown flag --confg (flags: --config FILE, --port N, --open, --no-open)',
      ],
      [[], { BALCAO_PORT: 'abc' }, 'Balcão: BALCAO_PORT must be a port number from 0 to 65535, got "abc"'],
      [['--config'], {}, 'Balcão: --config needs a value (--config FILE)'],
    ];
    for (const [args, env, message] of cases) {
      expect(startHost(args, env)).toEqual({ status: 64, stderr: message, stdout: '' });
    }
    // Three entry points compiled by tsx one after the other: ~6 s on two idle cores, over 20 s on loaded ones.
  }, 90_000);

  it('refuses a malformed token from the supervisor with status 78, without echoing it', () => {
    const run = startHost(['--no-open'], { BALCAO_HOST_TOKEN: 'not a token' });
    expect(run).toEqual({
      status: 78,
      stderr:
        'Balcão cannot start: BALCAO_HOST_TOKEN must be 32–128 characters of A–Z, a–z, 0–9, "-" or "_".',
      stdout: '',
    });
  });

  it('reports every problem of a bad configuration at once and exits 78, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-host-'));
    const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        ...shipped,
        mode: 'production',
        terminal: { id: 'lower case' },
        timeLimits: { idleSeconds: 30, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 6 },
        journal: { path: join(dir, 'journal.sqlite') },
      }),
    );
    const run = startHost(['--config', config, '--no-open']);
    expect(run.status).toBe(78);
    expect(run.stderr.split('\n')).toEqual([
      `Balcão cannot start: the configuration file ${config} has 7 problem(s):`,
      '  - terminal.id: upper-case letters, digits and dashes',
      '  - timeLimits.warningSeconds: must be shorter than timeLimits.idleSeconds',
      '  - documents.signingKeyFile: is required in production: the terminal\'s Ed25519 key file, made with "balcao new-signing-key"',
      '  - staff.badgeKeys.dev-staff-office: is the development key (config/dev): never trusted in production',
      '  - documents.trustSimulatorCsca: is refused in production: anyone with this code can make a chip the simulator CSCA signs',
      '  - documents.trustAnchors: needs at least one CSCA certificate in production when a document reader is configured: without one no chip can be verified',
      '  - lockerStation.issuerKeys.dev-easy-pickup: is the development key (config/dev): never trusted in production',
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(run.stdout)).toMatchObject({ event: 'kiosk-boot-failed', exitCode: 78 });
  });
});
