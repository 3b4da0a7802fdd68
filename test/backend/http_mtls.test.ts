import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/contract/backend.js';
import { createHttpBackend } from '../../electron/backend/http/http_backend.js';
import {
  type ReferenceServer,
  startReferenceServer,
} from '../../electron/backend/server/reference_server.js';
import { fastRetries, openEmbedded, seededTemplate, testClock } from './backend_fixtures.js';

/**
 * Mutual TLS as the configuration sets it: the reference server speaks HTTPS and asks for a client certificate
 * signed by the terminals' CA; the client presents the terminal's certificate and trusts only the gateway's CA.
 * The certificates are made here with openssl (a throwaway CA, valid for a day).
 */

const dir = mkdtempSync(join(tmpdir(), 'balcao-mtls-'));
const file = (name: string) => join(dir, name);
const files = seededTemplate();
let embedded: Backend;
let server: ReferenceServer;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

function issue(name: string, ca: string, extensions: string): void {
  openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file(`${name}.key`));
  openssl('req', '-new', '-key', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${name}`);
  writeFileSync(file(`${name}.ext`), extensions);
  openssl(
    'x509',
    '-req',
    '-in',
    file(`${name}.csr`),
    '-CA',
    file(`${ca}.pem`),
    '-CAkey',
    file(`${ca}.key`),
    '-CAcreateserial',
    '-out',
    file(`${name}.pem`),
    '-days',
    '1',
    '-extfile',
    file(`${name}.ext`),
  );
}

function makeCa(name: string): void {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    file(`${name}.key`),
    '-out',
    file(`${name}.pem`),
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
  );
}

beforeAll(async () => {
  makeCa('gateway-ca');
  makeCa('terminal-ca');
  makeCa('rogue-ca');
  issue('gateway', 'gateway-ca', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  issue('MO-DEV-01', 'terminal-ca', 'extendedKeyUsage=clientAuth\n');
  issue('rogue-terminal', 'rogue-ca', 'extendedKeyUsage=clientAuth\n');
  embedded = openEmbedded(files.freshFile(), testClock());
  server = await startReferenceServer(embedded, {
    port: 0,
    tls: {
      certFile: file('gateway.pem'),
      keyFile: file('gateway.key'),
      clientCaFile: file('terminal-ca.pem'),
    },
  });
});

afterAll(async () => {
  await server.close();
  await embedded.close();
  files.remove();
  rmSync(dir, { recursive: true, force: true });
});

async function reach(tls: { certFile?: string; keyFile?: string; caFile?: string }) {
  const client = createHttpBackend({ baseUrl: server.url, ...fastRetries, tls });
  if (!client.ok) throw new Error(JSON.stringify(client.error));
  try {
    return await client.value.findBooking({ booking: { reference: 'SAMP-0001' } });
  } finally {
    await client.value.close();
  }
}

describe('mutual TLS', () => {
  it('reaches the gateway with the terminal certificate and the gateway CA', async () => {
    expect(server.url.startsWith('https://')).toBe(true);
    const result = await reach({
      certFile: file('MO-DEV-01.pem'),
      keyFile: file('MO-DEV-01.key'),
      caFile: file('gateway-ca.pem'),
    });
    expect(result).toMatchObject({ ok: true, value: { reference: 'SAMP-0001' } });
  });

  it('is refused without a client certificate, or with one the gateway does not trust', async () => {
    expect(await reach({ caFile: file('gateway-ca.pem') })).toMatchObject({
      ok: false,
      error: { kind: 'unreachable' },
    });
    const rogue = await reach({
      certFile: file('rogue-terminal.pem'),
      keyFile: file('rogue-terminal.key'),
      caFile: file('gateway-ca.pem'),
    });
    expect(rogue).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });

  it('refuses a gateway whose certificate is not signed by the configured CA', async () => {
    const result = await reach({
      certFile: file('MO-DEV-01.pem'),
      keyFile: file('MO-DEV-01.key'),
      caFile: file('rogue-ca.pem'),
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });

  it('says which TLS file it cannot read', () => {
    const client = createHttpBackend({
      baseUrl: server.url,
      ...fastRetries,
      tls: { caFile: file('missing.pem') },
    });
    expect(client).toMatchObject({
      ok: false,
      error: { code: 'tls-file-unreadable', file: file('missing.pem') },
    });
  });
});
