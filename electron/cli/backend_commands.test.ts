import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { balcao } from '../../test/support/run_balcao.js';
import { exitStatus } from '../startup/exit_status.js';
import { runCli } from './balcao.js';

/** `balcao backend …` and `balcao catalogue search`, in-process, on a development configuration in a temp folder. */

const dir = mkdtempSync(join(tmpdir(), 'balcao-cli-backend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8'));
const configFile = join(dir, 'balcao.config.json');
writeFileSync(configFile, JSON.stringify({ ...shipped, journal: { path: join(dir, 'journal.sqlite') } }));

describe('balcao catalogue search', () => {
  it('prints exactly { hits } as JSON, best first, from the configured backend', async () => {
    const result = await balcao('catalogue', 'search', '身份證', '--json', '--config', configFile);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.out);
    expect(Object.keys(json)).toEqual(['hits']);
    expect(json.hits.length).toBeGreaterThan(0);
    for (const hit of json.hits) {
      expect(Object.keys(hit).sort()).toEqual(['department', 'name', 'serviceId', 'site']);
      expect(Object.keys(hit.name).sort()).toEqual(['en', 'pt', 'zh-Hans', 'zh-Hant']);
      expect(hit.department).toMatch(/^[A-Z][A-Z0-9-]+$/);
    }
    const sfz = JSON.parse(
      (await balcao('catalogue', 'search', 'sfz', '--json', '--config', configFile)).out,
    );
    expect(sfz.hits[0].name['zh-Hant']).toContain('身份證');
  });

  it('keeps to a site and refuses bad options with a usage status', async () => {
    const hengqin = await balcao(
      'catalogue',
      'search',
      'a',
      '--site',
      'hengqin',
      '--json',
      '--config',
      configFile,
    );
    const { hits } = JSON.parse(hengqin.out);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h: { site: string }) => h.site === 'hengqin')).toBe(true);
    expect(
      (await balcao('catalogue', 'search', 'x', '--language', 'fr', '--config', configFile)).status,
    ).toBe(exitStatus.usage);
    expect((await balcao('catalogue', 'search')).status).toBe(exitStatus.usage);
    expect((await balcao('catalogue', 'search', 'x', '--site', 'taipa')).status).toBe(exitStatus.usage);
  });

  it('says when the configured backend does not answer (69) or cannot be set up (78)', async () => {
    const withBackend = (backend: object) => {
      const file = join(dir, `backend-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, JSON.stringify({ ...shipped, journal: { path: join(dir, 'j2.sqlite') }, backend }));
      return file;
    };
    const dead = withBackend({
      kind: 'http',
      baseUrl: 'http://127.0.0.1:9',
      retries: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    const unanswered = await balcao('catalogue', 'search', 'sfz', '--config', dead);
    expect(unanswered.status).toBe(exitStatus.unavailable);
    expect(unanswered.err).toContain('the backend did not give its catalogue (unreachable)');
    const noCa = withBackend({
      kind: 'http',
      baseUrl: 'https://127.0.0.1:9',
      tls: { caFile: join(dir, 'no-ca.pem') },
    });
    const unusable = await balcao('catalogue', 'search', 'sfz', '--config', noCa);
    expect(unusable.status).toBe(exitStatus.config);
    expect(unusable.err).toContain('no-ca.pem cannot be read');
  });
});

describe('balcao backend', () => {
  it('serves the embedded backend over the contract until interrupted', async () => {
    let stop = () => {};
    const interrupted = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let announce: (url: string) => void = () => {};
    const announced = new Promise<string>((resolve) => {
      announce = resolve;
    });
    const running = runCli(['backend', 'serve', '--port', '0', '--db', join(dir, 'served.sqlite')], {
      out: (text) => {
        const url = /^BACKEND_URL=(\S+)$/.exec(text)?.[1];
        if (url) announce(url);
      },
      err: () => {},
      interrupted,
    });
    const base = await announced;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const document = await (await fetch(`${base}/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    const identified = await fetch(`${base}/v1/residents/identify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'document', documentKind: 'passport', documentNumber: 'L898902C3' }),
    });
    expect(await identified.json()).toEqual({ residentRef: 'R-0002' });
    const terminals = await fetch(`${base}/v1/terminals`);
    expect(await terminals.json()).toEqual({ terminals: [] });
    stop();
    expect(await running).toBe(exitStatus.ok);
  });

  it('prints the OpenAPI document of the contract', async () => {
    const result = await balcao('backend', 'openapi');
    expect(result.status).toBe(0);
    const document = JSON.parse(result.out);
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/v1/bookings/create'].post.operationId).toBe('createBooking');
    expect((await balcao('backend', 'frobnicate')).status).toBe(exitStatus.usage);
    expect((await balcao('backend', 'serve')).status).toBe(exitStatus.usage);
  });
});
