import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { KioskApp } from '../kiosk_app.js';
import { eventFrame, handleRequestFrame, maxRequestBytes } from '../rpc/frame_handler.js';
import { securityHeaders } from './content_security_policy.js';
import { readStaticFile } from './static_files.js';

export interface BrowserHost {
  /** The URL to open: the per-boot token travels in the fragment, which is never sent over HTTP. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  rendererRoot: string;
  /** 0 picks a free port. The host listens on loopback only. */
  port?: number;
}

function tokensEqual(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode: serves the built renderer and carries the RPC contract over a loopback WebSocket. A socket must
 * come from the renderer's own origin and present the per-boot token, so neither another local process's page
 * nor a page on the network can drive the kiosk.
 */
export async function startBrowserHost(app: KioskApp, options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';

  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = await readStaticFile(options.rendererRoot, req.url ?? '/');
    const headers = securityHeaders(origin.replace(/^http/, 'ws'));
    if (!file.ok) {
      res.writeHead(file.status, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': file.contentType, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxRequestBytes });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const allowed =
      url.pathname === '/rpc' &&
      req.headers.origin === origin &&
      tokensEqual(token, url.searchParams.get('token'));
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', async (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        raw = null;
      }
      const response = await handleRequestFrame(app.router, raw);
      if (response && ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
    });
  });
  const unsubscribe = app.bus.subscribe((event, payload) => {
    const text = JSON.stringify(eventFrame(event, payload));
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
