import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { redactPersonalData } from '../logging/redaction.js';
import { parseBrowserHostArguments } from '../startup/kiosk_arguments.js';
import { superviseBrowserHost } from './host_supervisor.js';
import { startSupervisedBrowserHost } from './host_supervisor_main.js';
import { isHostToken } from './host_token.js';

/**
 * The supervisor against a stand-in host process (test/fixtures/host/fake_host.mjs) that crashes, exits or serves
 * as each test plans: real processes, real signals, short backoff delays.
 */

const fakeHost = resolve('test/fixtures/host/fake_host.mjs');

interface HostRun {
  argv: string[];
  token: string;
  pid: number;
}

function supervise(plan: (number | 'kill' | 'serve')[], argv: string[] = ['--no-open']) {
  const record = join(mkdtempSync(join(tmpdir(), 'balcao-supervisor-')), 'runs.jsonl');
  const logger = recordingLogger();
  const output: string[] = [];
  const browsers: { url: string; process: ChildProcess }[] = [];
  const env = { ...process.env, FAKE_HOST_RECORD: record, FAKE_HOST_PLAN: JSON.stringify(plan), DISPLAY: '' };
  const flags = parseBrowserHostArguments(argv, env);
  if (!flags.ok) throw new Error(flags.error);
  const supervisor = superviseBrowserHost({
    argv,
    flags: flags.value,
    env,
    hostCommand: { command: process.execPath, args: [fakeHost] },
    logger,
    output: { write: (text: string) => output.push(text) },
    openBrowser: (url) => {
      const browser = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
      browsers.push({ url, process: browser });
      return browser;
    },
    policy: { firstDelayMs: 20, maxDelayMs: 80, stableAfterMs: 60_000 },
  });
  const runs = (): HostRun[] =>
    existsSync(record)
      ? readFileSync(record, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as HostRun)
      : [];
  return { supervisor, logger, output, browsers, runs };
}

describe('the browser-host supervisor', () => {
  it('restarts a crashed host with the same token and port, doubling the delay, and prints the URL once', async () => {
    const s = supervise([1, 'kill', 1, 'serve']);
    await expect.poll(() => s.runs().length, { timeout: 10_000 }).toBe(4);
    await expect
      .poll(() => s.output.filter((l) => l.includes('fake host serving')).length, { timeout: 10_000 })
      .toBe(4);

    const runs = s.runs();
    const token = runs[0]!.token;
    expect(isHostToken(token)).toBe(true);
    expect(runs.every((run) => run.token === token)).toBe(true);
    // The first host picked its own port; every later one is pinned to it, and none opens a browser itself.
    expect(runs[0]!.argv).toEqual(['--no-open', '--no-open']);
    for (const run of runs.slice(1)) expect(run.argv).toEqual(['--no-open', '--no-open', '--port', '41000']);
    expect(s.output.filter((l) => l.startsWith('BALCAO_URL='))).toEqual([
      `BALCAO_URL=http://127.0.0.1:41000/#token=${token}\n`,
    ]);

    const restarts = s.logger.of('supervisor-host-restarting');
    expect(restarts.map((fields) => [fields.code, fields.signal, fields.restartInMs])).toEqual([
      [1, null, 20],
      [null, 'SIGKILL', 40],
      [1, null, 80],
    ]);
    expect(s.logger.of('supervisor-host-started')).toHaveLength(4);
    expect(JSON.stringify(s.logger.lines)).not.toContain(token);
    for (const { fields } of s.logger.lines) expect(redactPersonalData(fields)).toEqual(fields);

    s.supervisor.stop('SIGTERM');
    expect(await s.supervisor.done).toBe(0);
    expect(s.runs()).toHaveLength(4);
    expect(s.logger.of('supervisor-host-stopped')).toEqual([{ code: 0, signal: null }]);
  });

  it.each([
    { code: 78, reason: 'configuration-error' },
    { code: 74, reason: 'journal-error' },
    { code: 64, reason: 'usage-error' },
  ])(
    'does not restart a host that exits $code ($reason), and exits with its status',
    async ({ code, reason }) => {
      const s = supervise([code, 'serve']);
      expect(await s.supervisor.done).toBe(code);
      expect(s.runs()).toHaveLength(1);
      expect(s.logger.of('supervisor-host-not-restarted')).toEqual([{ code, reason }]);
      expect(s.logger.of('supervisor-host-restarting')).toEqual([]);
    },
  );

  it('does not restart a host that exits cleanly', async () => {
    const s = supervise([0, 'serve']);
    expect(await s.supervisor.done).toBe(0);
    expect(s.runs()).toHaveLength(1);
    expect(s.logger.of('supervisor-host-stopped')).toEqual([{ code: 0, signal: null }]);
  });

  it('stopped while waiting to restart, starts nothing more', async () => {
    const s = supervise([1], ['--no-open']);
    await expect.poll(() => s.logger.of('supervisor-host-restarting').length).toBe(1);
    s.supervisor.stop('SIGINT');
    expect(await s.supervisor.done).toBe(0);
    await new Promise((r) => setTimeout(r, 150));
    expect(s.runs()).toHaveLength(1);
  });

  it('opens the kiosk browser once, keeps it through a restart, and closes it at the end', async () => {
    const s = supervise(['kill', 'serve'], ['--open']);
    await expect.poll(() => s.runs().length, { timeout: 10_000 }).toBe(2);
    expect(s.browsers).toHaveLength(1);
    expect(s.browsers[0]!.url).toBe(`http://127.0.0.1:41000/#token=${s.runs()[0]!.token}`);
    expect(s.runs()[1]!.argv).toEqual(['--open', '--no-open', '--port', '41000']);
    const browserExit = new Promise((r) => s.browsers[0]!.process.once('exit', r));
    s.supervisor.stop('SIGTERM');
    expect(await s.supervisor.done).toBe(0);
    await browserExit;
  });

  it.each([
    {
      argv: ['--bogus'],
      env: {},
      message: 'Balcão: unknown flag --bogus (flags: --config FILE, --port N, --open, --no-open)',
    },
    {
      argv: [],
      env: { BALCAO_PORT: 'abc' },
      message: 'Balcão: BALCAO_PORT must be a port number from 0 to 65535, got "abc"',
    },
    { argv: ['--port'], env: {}, message: 'Balcão: --port needs a value (--port N)' },
  ])(
    'refuses $argv $env in one line with status 64, before starting any host',
    async ({ argv, env, message }) => {
      const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        // No host bundle is needed: a refused command line starts nothing.
        const supervisor = startSupervisedBrowserHost(argv, { ...env, BALCAO_LOG_LEVEL: 'silent' });
        expect(await supervisor.done).toBe(64);
        expect(printed.mock.calls).toEqual([[message]]);
      } finally {
        printed.mockRestore();
      }
    },
  );
});
