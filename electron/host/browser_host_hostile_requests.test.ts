import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rawExchange,
  snapshotFromFreshClient,
  startTestHost,
  type TestHost,
} from '../../test/support/browser_host_fixture.js';
import { redactPersonalData } from '../logging/redaction.js';

/**
 * The class "a hostile request line or header must never end the host": each row goes over a raw TCP socket (no
 * HTTP client to tidy it up) to the real host, and must get its status and a closed connection; after every row
 * a well-behaved client still gets RPC answers.
 */

interface Row {
  name: string;
  /** Builds the request bytes; `host` is `127.0.0.1:<port>`, `token` the host's token. */
  request: (host: string, token: string) => string;
  status: number;
}

const crlf = '\r\n';
const origin = (host: string) => `http://${host}`;

function upgrade(target: string, headers: Record<string, string | undefined>): string {
  const lines = [`GET ${target} HTTP/1.1`];
  const all: Record<string, string | undefined> = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
  };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) lines.push(`${name}: ${value}`);
  return lines.join(crlf) + crlf + crlf;
}

function plain(requestLine: string, headers: Record<string, string>): string {
  const lines = [requestLine, ...Object.entries(headers).map(([n, v]) => `${n}: ${v}`)];
  return lines.join(crlf) + crlf + crlf;
}

const rows: Row[] = [
  // Unparsable targets: the upgrade that used to throw out of the handler and end the process.
  {
    name: 'upgrade to http://[',
    request: (h) => upgrade('http://[', { Host: h, Origin: origin(h) }),
    status: 400,
  },
  { name: 'GET http://[', request: (h) => plain('GET http://[ HTTP/1.1', { Host: h }), status: 400 },
  { name: 'upgrade to http://[::1', request: (h) => upgrade('http://[::1', { Host: h }), status: 400 },
  {
    name: 'upgrade to /%',
    request: (h, t) => upgrade(`/rpc%?token=${t}`, { Host: h, Origin: origin(h) }),
    status: 404,
  },
  {
    name: 'request line with a control byte',
    request: (h) => plain('GET /\x01 HTTP/1.1', { Host: h }),
    status: 400,
  },
  {
    name: 'not HTTP at all',
    request: () => `\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03${crlf}${crlf}`,
    status: 400,
  },
  // Absolute-form, authority-form and asterisk-form targets: never sent by a browser to an origin server.
  {
    name: 'upgrade to an absolute-form URL of this host',
    request: (h, t) => upgrade(`http://${h}/rpc?token=${t}`, { Host: h, Origin: origin(h) }),
    status: 400,
  },
  {
    name: 'upgrade to an absolute-form URL of another host',
    request: (h, t) => upgrade(`http://evil.example/rpc?token=${t}`, { Host: h, Origin: origin(h) }),
    status: 400,
  },
  { name: 'GET absolute-form', request: (h) => plain(`GET http://${h}/ HTTP/1.1`, { Host: h }), status: 400 },
  { name: 'GET *', request: (h) => plain('GET * HTTP/1.1', { Host: h }), status: 400 },
  { name: 'OPTIONS *', request: (h) => plain('OPTIONS * HTTP/1.1', { Host: h }), status: 400 },
  {
    name: 'CONNECT tunnel',
    request: (h) => plain('CONNECT 127.0.0.1:22 HTTP/1.1', { Host: h }),
    status: 405,
  },
  {
    name: 'upgrade to a scheme-relative path',
    request: (h, t) => upgrade(`//evil.example/rpc?token=${t}`, { Host: h, Origin: origin(h) }),
    status: 404,
  },
  // Huge headers and request lines.
  {
    name: 'a 20 kB header',
    request: (h) => plain('GET / HTTP/1.1', { Host: h, 'X-Fill': 'a'.repeat(20_000) }),
    status: 431,
  },
  {
    name: 'a 20 kB upgrade target',
    request: (h) => upgrade(`/rpc?token=${'a'.repeat(20_000)}`, { Host: h }),
    status: 431,
  },
  {
    name: '3000 headers',
    request: (h) =>
      plain('GET / HTTP/1.1', {
        Host: h,
        ...Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`X-${i}`, 'v'])),
      }),
    status: 431,
  },
  {
    name: 'request smuggling framing',
    request: (h) =>
      `${plain('POST / HTTP/1.1', { Host: h, 'Content-Length': '4', 'Transfer-Encoding': 'chunked' }).slice(0, -2)}\r\n0\r\n\r\n`,
    status: 400,
  },
  // Wrong or missing token.
  {
    name: 'upgrade without a token',
    request: (h) => upgrade('/rpc', { Host: h, Origin: origin(h) }),
    status: 401,
  },
  {
    name: 'upgrade with an empty token',
    request: (h) => upgrade('/rpc?token=', { Host: h, Origin: origin(h) }),
    status: 401,
  },
  {
    name: 'upgrade with a wrong token',
    request: (h) => upgrade(`/rpc?token=${'A'.repeat(32)}`, { Host: h, Origin: origin(h) }),
    status: 401,
  },
  {
    name: 'upgrade with the token and one more character',
    request: (h, t) => upgrade(`/rpc?token=${t}x`, { Host: h, Origin: origin(h) }),
    status: 401,
  },
  {
    name: 'upgrade with a token of multibyte characters',
    request: (h) => upgrade(`/rpc?token=${'%E6%AB%83'.repeat(11)}`, { Host: h, Origin: origin(h) }),
    status: 401,
  },
  // Wrong origin.
  { name: 'upgrade without Origin', request: (h, t) => upgrade(`/rpc?token=${t}`, { Host: h }), status: 403 },
  {
    name: 'upgrade from another origin',
    request: (h, t) => upgrade(`/rpc?token=${t}`, { Host: h, Origin: 'http://evil.example' }),
    status: 403,
  },
  {
    name: 'upgrade from a look-alike origin',
    request: (h, t) => upgrade(`/rpc?token=${t}`, { Host: h, Origin: `${origin(h)}.evil.example` }),
    status: 403,
  },
  {
    name: 'upgrade from a null origin',
    request: (h, t) => upgrade(`/rpc?token=${t}`, { Host: h, Origin: 'null' }),
    status: 403,
  },
  // Wrong Host (DNS rebinding).
  {
    name: 'upgrade with another Host',
    request: (h, t) => upgrade(`/rpc?token=${t}`, { Host: 'evil.example', Origin: origin(h) }),
    status: 400,
  },
  {
    name: 'upgrade without Host',
    request: (h, t) => upgrade(`/rpc?token=${t}`, { Origin: origin(h) }),
    status: 400,
  },
  {
    name: 'GET / with another Host',
    request: () => plain('GET / HTTP/1.1', { Host: 'evil.example' }),
    status: 400,
  },
  {
    name: 'GET / with localhost as Host',
    request: (h) => plain('GET / HTTP/1.1', { Host: h.replace('127.0.0.1', 'localhost') }),
    status: 400,
  },
  { name: 'HTTP/1.0 GET without Host', request: () => 'GET / HTTP/1.0\r\n\r\n', status: 400 },
  // Upgrades the WebSocket library refuses after admission.
  {
    name: 'upgrade to another path',
    request: (h, t) => upgrade(`/other?token=${t}`, { Host: h, Origin: origin(h) }),
    status: 404,
  },
  {
    name: 'upgrade without Sec-WebSocket-Key',
    request: (h, t) =>
      upgrade(`/rpc?token=${t}`, { Host: h, Origin: origin(h), 'Sec-WebSocket-Key': undefined }),
    status: 400,
  },
  {
    name: 'upgrade with WebSocket version 7',
    request: (h, t) =>
      upgrade(`/rpc?token=${t}`, { Host: h, Origin: origin(h), 'Sec-WebSocket-Version': '7' }),
    status: 400,
  },
];

describe('the browser host refuses hostile requests and keeps serving', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => t.close());

  it.each(rows)('$name → $status, connection closed', async ({ request, status }) => {
    const answer = await rawExchange(t.host.port, request(`127.0.0.1:${t.host.port}`, t.host.token));
    expect(answer.status).toBe(status);
    expect(answer.closed).toBe(true);
    expect(await snapshotFromFreshClient(t.host)).toMatchObject({ id: 1, ok: true });
  });

  it('a client that resets its connection in the middle of a refusal does not end the host', async () => {
    const { connect } = await import('node:net');
    for (let i = 0; i < 20; i++) {
      const socket = connect(t.host.port, '127.0.0.1');
      socket.on('error', () => {});
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(upgrade('http://[', { Host: `127.0.0.1:${t.host.port}` }));
      socket.resetAndDestroy();
    }
    expect(await snapshotFromFreshClient(t.host)).toMatchObject({ id: 1, ok: true });
  });

  it('answers a good request on the raw socket, so the table above is not refusing everything', async () => {
    const host = `127.0.0.1:${t.host.port}`;
    expect((await rawExchange(t.host.port, plain('GET / HTTP/1.1', { Host: host }), 300)).status).toBe(200);
    const handshake = await rawExchange(
      t.host.port,
      upgrade(`/rpc?token=${t.host.token}`, { Host: host, Origin: origin(host) }),
      300,
    );
    expect(handshake.status).toBe(101);
  });

  it('logs refusals and parse errors by reason and code, never the token', () => {
    const reasons = new Set([
      ...t.logger.of('host-connection-refused').map((fields) => fields.reason),
      ...t.logger.of('host-request-unparsable').map((fields) => fields.code),
    ]);
    for (const expected of [
      'bad-target',
      'wrong-host',
      'wrong-origin',
      'missing-token',
      'wrong-token',
      'HPE_HEADER_OVERFLOW',
    ])
      expect(reasons).toContain(expected);
    expect(JSON.stringify(t.logger.lines)).not.toContain(t.host.token);
    // Nothing in them looks personal to the logger's redaction, so the real log keeps every field (the peer too).
    for (const { fields } of t.logger.lines) expect(redactPersonalData(fields)).toEqual(fields);
  });
});
