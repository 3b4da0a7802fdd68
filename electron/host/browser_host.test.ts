import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { parseConfig } from '../config/config_loader.js';
import { openJournal } from '../journal/journal_database.js';
import { createKioskApp, type KioskApp } from '../kiosk_app.js';
import { ManagerDeviceHub } from '../services/manager_device_hub.js';
import { type BrowserHost, startBrowserHost } from './browser_host.js';

function journalInMemory() {
  const journal = openJournal(':memory:');
  if (!journal.ok) throw new Error('journal');
  return journal.value;
}

function testConfig(mode: 'production' | 'test') {
  const parsed = parseConfig({
    terminal: { id: 'MO-TEST-01' },
    site: { kind: 'macau', centreId: 'x', name: { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'A', en: 'A' } },
    mode,
    services: ['check-in'],
    devices: [{ id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' }],
    // Production requires it; only the boot reads the file, and this test builds the app without booting.
    documents: { signingKeyFile: 'terminal.pem' },
  });
  if (!parsed.ok) throw new Error('bad test config');
  return parsed.config;
}

function connect(host: BrowserHost, token: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${token}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function request(ws: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    ws.on('message', function onMessage(data) {
      const parsed = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('id' in parsed) {
        ws.off('message', onMessage);
        resolve(parsed);
      }
    });
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

describe('browser-mode host', () => {
  let app: KioskApp;
  let host: BrowserHost;
  let origin: string;

  beforeEach(async () => {
    const root = mkdtempSync(join(tmpdir(), 'balcao-renderer-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(mkdtempSync(join(tmpdir(), 'balcao-outside-')), 'secret.json'), '{}');
    const config = testConfig('production');
    app = createKioskApp(config, new ManagerDeviceHub(config.devices), journalInMemory(), {
      logger: recordingLogger(),
    });
    host = await startBrowserHost(app, { rendererRoot: root });
    origin = `http://127.0.0.1:${host.port}`;
  });
  afterEach(async () => {
    await host.close();
    await app.close();
  });

  it('listens on loopback and puts the token in the URL fragment, which is never sent to a server', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/a%00.js',
    ]) {
      const res = await fetch(`${origin}${path}`);
      const body = await res.text();
      expect(body).not.toContain('root:');
      expect(body).not.toContain('"name"');
    }
    expect((await fetch(`${origin}/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a WebSocket without the token, with a wrong token, or from another origin', async () => {
    await expect(connect(host, '', origin)).rejects.toThrow('HTTP 403');
    await expect(connect(host, `${host.token.slice(0, -1)}x`, origin)).rejects.toThrow('HTTP 403');
    await expect(connect(host, host.token, 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('carries RPC calls and pushes events to the renderer', async () => {
    const ws = await connect(host, host.token, origin);
    const events: unknown[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { event?: string };
      if (frame.event) events.push(frame);
    });
    const started = await request(ws, { id: 1, method: 'session.start', params: { language: 'pt' } });
    expect(started).toMatchObject({ id: 1, ok: true, value: { phase: 'active', language: 'pt' } });
    expect(events).toContainEqual(expect.objectContaining({ event: 'session.changed' }));
    ws.close();
  });

  it('answers malformed frames and refused methods with typed errors', async () => {
    const ws = await connect(host, host.token, origin);
    expect(await request(ws, 'not json')).toMatchObject({
      id: -1,
      ok: false,
      error: { code: 'invalid-params' },
    });
    expect(await request(ws, { id: 2, method: 'session.start' })).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'invalid-params' },
    });
    expect(await request(ws, { id: 3, method: 'dev.setMaintenance', params: { on: true } })).toMatchObject({
      id: 3,
      ok: false,
      error: { code: 'forbidden' },
    });
    ws.close();
  });
});
