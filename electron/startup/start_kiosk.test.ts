import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startKiosk } from './start_kiosk.js';

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;

function configFile(overrides: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-start-'));
  const path = join(dir, 'config.json');
  writeFileSync(
    path,
    JSON.stringify({ ...shipped, journal: { path: join(dir, 'journal.sqlite') }, ...overrides }),
  );
  return path;
}

function logSink() {
  const entries: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      entries.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { entries, destination, events: () => entries.map((e) => e.event) };
}

describe('startKiosk, the composition root both hosts call', () => {
  it('boots, logs what it loaded, runs the services and the devices, and stops cleanly', async () => {
    const log = logSink();
    const started = await startKiosk({
      host: 'browser',
      configPath: configFile(),
      logLevel: 'info',
      logDestination: log.destination,
    });
    if (!started.ok) throw new Error(started.error.message);
    const kiosk = started.value;
    expect(log.events().slice(0, 3)).toEqual(['config-loaded', 'journal-opened', 'signing-key-ephemeral']);
    expect(log.entries[0]).toMatchObject({ terminal: 'MO-DEV-01', mode: 'development', devices: 6 });
    expect(log.events()).toContain('kiosk-started');

    // The services answer through the router, and the kiosk's life reaches the log.
    const snapshot = await kiosk.app.router.call('kiosk.snapshot', {});
    expect(snapshot).toMatchObject({ ok: true, value: { terminalId: 'MO-DEV-01' } });
    await kiosk.app.router.call('session.start', { language: 'pt' });
    await kiosk.app.router.call('session.frobnicate', {});
    await kiosk.stop('test');
    await kiosk.stop('twice');
    expect(log.events()).toEqual(
      expect.arrayContaining(['session-started', 'rpc-refused', 'kiosk-stopping', 'session-ended']),
    );
    expect(log.events().filter((e) => e === 'kiosk-stopping')).toHaveLength(1);
  });

  it('logs a boot failure and returns the message and status the host shows', async () => {
    const log = logSink();
    const started = await startKiosk({
      host: 'electron',
      configPath: configFile({ mode: 'production' }),
      logLevel: 'info',
      logDestination: log.destination,
    });
    expect(started).toMatchObject({ ok: false, error: { exitCode: 78 } });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({
      event: 'kiosk-boot-failed',
      disposition: 'failure',
      host: 'electron',
      exitCode: 78,
      problem: expect.stringContaining('documents.signingKeyFile'),
    });
  });
});
