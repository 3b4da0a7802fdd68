import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectClient,
  request,
  startTestHost,
  type TestHost,
} from '../../test/support/browser_host_fixture.js';

/** The token with its last character changed: a near miss (never the token itself, whatever it ends with). */
const wrongToken = (token: string) => `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;

describe('browser-mode host', () => {
  let t: TestHost;

  beforeEach(async () => {
    t = await startTestHost();
  });
  afterEach(async () => t.close());

  it('listens on loopback and puts the token in the URL fragment, which is never sent to a server', () => {
    expect(t.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${t.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${t.host.port}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/a%00.js',
    ]) {
      const res = await fetch(`${t.origin}${path}`);
      const body = await res.text();
      expect(body).not.toContain('root:');
      expect(body).not.toContain('"name"');
    }
    expect((await fetch(`${t.origin}/missing.js`)).status).toBe(404);
    expect((await fetch(`${t.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a WebSocket without the token or with a wrong one (401), or from another origin (403)', async () => {
    await expect(connectClient(t.host, '')).rejects.toThrow('HTTP 401');
    await expect(connectClient(t.host, wrongToken(t.host.token))).rejects.toThrow('HTTP 401');
    await expect(connectClient(t.host, t.host.token, 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('logs each refusal with the address and the reason, never the token', async () => {
    const wrong = wrongToken(t.host.token);
    await expect(connectClient(t.host, '')).rejects.toThrow();
    await expect(connectClient(t.host, wrong)).rejects.toThrow();
    expect(t.logger.of('host-connection-refused')).toEqual([
      { peer: '127.0.0.1', status: 401, reason: 'missing-token', upgrade: true },
      { peer: '127.0.0.1', status: 401, reason: 'wrong-token', upgrade: true },
    ]);
    const logged = JSON.stringify(t.logger.lines);
    expect(logged).not.toContain(t.host.token);
    expect(logged).not.toContain(wrong);
  });

  it('tells a page whether its token is refused (GET /rpc without an upgrade), for the "not connected" screen', async () => {
    const probe = (token: string, headers: Record<string, string> = {}) =>
      fetch(`${t.origin}/rpc?token=${encodeURIComponent(token)}`, { headers }).then((r) => r.status);
    expect(await probe(t.host.token)).toBe(204);
    expect(await probe('')).toBe(401);
    expect(await probe('x'.repeat(32))).toBe(401);
    expect(await probe(t.host.token, { origin: 'http://evil.example' })).toBe(403);
  });

  it('carries RPC calls and pushes events to the renderer', async () => {
    const ws = await connectClient(t.host);
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
});
