import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { productionTrust } from '../../test/support/production_config.js';
import { KioskConfigSchema } from '../config/config_schema.js';
import { createBackend, embeddedBackendPath } from './create_backend.js';

/** The `backend` section of the configuration, and the backend a kiosk boots with. */

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'balcao-backend-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parse(overrides: Record<string, unknown>) {
  return KioskConfigSchema.safeParse({ ...shipped, ...overrides });
}

function issues(overrides: Record<string, unknown>): string[] {
  const parsed = parse(overrides);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('backend configuration', () => {
  it('defaults to the embedded backend beside the journal', () => {
    const parsed = parse({});
    expect(parsed.success && parsed.data.backend).toEqual({ kind: 'embedded' });
    expect(embeddedBackendPath({ kind: 'embedded' }, '/var/lib/balcao/journal.sqlite')).toBe(
      '/var/lib/balcao/backend.sqlite',
    );
    expect(embeddedBackendPath({ kind: 'embedded' }, ':memory:')).toBe(':memory:');
    expect(embeddedBackendPath({ kind: 'embedded', path: '/data/b.sqlite' }, 'j.sqlite')).toBe(
      '/data/b.sqlite',
    );
  });

  it('fills the HTTP defaults: timeout, retries, circuit', () => {
    const parsed = parse({ backend: { kind: 'http', baseUrl: 'https://gateway.example.mo/balcao' } });
    expect(parsed.success && parsed.data.backend).toEqual({
      kind: 'http',
      baseUrl: 'https://gateway.example.mo/balcao',
      timeoutMs: 8000,
      retries: { attempts: 3, baseDelayMs: 200, maxDelayMs: 2000 },
      circuit: { failureThreshold: 3, cooldownMs: 15_000 },
    });
  });

  it('refuses the journal’s own file, unknown fields, half a client certificate and plain HTTP in production', () => {
    expect(
      issues({ backend: { kind: 'embedded', path: 'j.sqlite' }, journal: { path: 'j.sqlite' } }),
    ).toContain('backend.path: the embedded backend needs its own file, never the journal');
    expect(issues({ backend: { kind: 'embedded', file: 'x' } }).length).toBeGreaterThan(0);
    expect(
      issues({ backend: { kind: 'http', baseUrl: 'https://g.example.mo', tls: { certFile: 'c.pem' } } }),
    ).toContain('backend.tls.keyFile: certFile and keyFile go together');
    expect(issues({ backend: { kind: 'http', baseUrl: 'ftp://g.example.mo' } }).length).toBeGreaterThan(0);
    const production = {
      mode: 'production',
      timeLimits: { idleSeconds: 120, warningSeconds: 30, maxExtensions: 10 },
      documents: { signingKeyFile: 'terminal.pem', trustAnchors: ['csca.pem'] },
      // The shipped file trusts development keys (staff badges, locker codes), which production refuses.
      ...productionTrust(),
    };
    expect(issues({ ...production, backend: { kind: 'http', baseUrl: 'http://g.example.mo' } })).toContain(
      'backend: in production the backend is reached over https with a client certificate (tls.certFile)',
    );
    expect(
      issues({
        ...production,
        backend: {
          kind: 'http',
          baseUrl: 'https://g.example.mo',
          tls: { certFile: 'c.pem', keyFile: 'k.pem', caFile: 'ca.pem' },
        },
      }),
    ).toEqual([]);
  });

  it('names an unreadable TLS file', () => {
    const created = createBackend(
      {
        kind: 'http',
        baseUrl: 'https://g.example.mo',
        timeoutMs: 1000,
        retries: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
        circuit: { failureThreshold: 1, cooldownMs: 1 },
        tls: { caFile: join(dir, 'missing-ca.pem') },
      },
      { journalPath: ':memory:' },
    );
    expect(created).toMatchObject({ ok: false, error: { kind: 'http', code: 'tls-file-unreadable' } });
  });
});
