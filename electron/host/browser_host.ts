import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { KioskApp } from '../kiosk_app.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import { eventFrame, maxRequestBytes } from '../rpc/frame_handler.js';
import { securityHeaders } from './content_security_policy.js';
import { generateHostToken, isHostToken } from './host_token.js';
import {
  admitRequest,
  admitRpc,
  type HostIdentity,
  type Refusal,
  refusal,
  rpcPath,
} from './request_admission.js';
import { serveRpcSocket } from './rpc_socket.js';
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
  /** Refusals and protocol errors are logged here: addresses, reasons and codes, never the token or a payload. */
  logger: KioskLogger;
  /** The supervisor's token, so pages opened before a restart still get in (see host_token.ts). */
  token?: string;
}

/**
 * Browser mode: serves the built renderer and carries the RPC contract over a loopback WebSocket. A socket must
 * come from the renderer's own origin and present the per-boot token, so neither another local process's page
 * nor a page on the network can drive the kiosk (request_admission.ts has the rules).
 *
 * Nothing a client sends may end the process: every request target and header goes through total admission
 * functions, Node's parse errors (`clientError`) and CONNECT tunnels are answered and closed, raw upgrade sockets
 * get an error listener before anything else, and each RPC socket handles its own protocol errors
 * (rpc_socket.ts). A bug in a handler is logged and costs one connection, not the kiosk.
 *
 * `GET /rpc?token=…` without an upgrade answers 204 or the refusal status: a browser's WebSocket API hides the
 * handshake's status, so the page asks this way whether it was refused (show "not connected") or the host is
 * down (keep retrying).
 */
export async function startBrowserHost(app: KioskApp, options: BrowserHostOptions): Promise<BrowserHost> {
  const { logger } = options;
  const token = options.token ?? generateHostToken();
  if (!isHostToken(token))
    throw new Error('startBrowserHost: a malformed token (check it with takeHostToken)');
  const identity: HostIdentity = { origin: '', token };

  const logRefusal = (req: IncomingMessage, { status, reason }: Refusal, upgrade: boolean) =>
    logger.log('host-connection-refused', { peer: peerOf(req), status, reason, upgrade });
  const refuseHttp = (req: IncomingMessage, res: ServerResponse, refused: Refusal) => {
    logRefusal(req, refused, false);
    res.writeHead(refused.status, { ...refusalHeaders(refused.status), 'Content-Length': '0' }).end();
  };

  const serveHttp = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const admitted = admitRequest(req.url, req.headers, identity);
    if (!admitted.ok) return refuseHttp(req, res, admitted.error);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = admitted.value;
    if (url.pathname === rpcPath) {
      const rpc = admitRpc(url, req.headers, identity, { originRequired: false });
      if (!rpc.ok) return refuseHttp(req, res, rpc.error);
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    const file = await readStaticFile(options.rendererRoot, url.pathname);
    const headers = securityHeaders(identity.origin.replace(/^http/, 'ws'));
    if (!file.ok) {
      res.writeHead(file.error.status, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': file.value.contentType, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : file.value.body);
  };

  const server: Server = createServer((req, res) => {
    serveHttp(req, res).catch((error: unknown) => {
      logger.log('host-request-failed', { peer: peerOf(req), upgrade: false, err: error });
      if (!res.headersSent) res.writeHead(500, { Connection: 'close' });
      res.end();
    });
  });

  // A request Node's parser rejects (bad request line, header too large, smuggling-shaped framing) or a request
  // that times out: answered as Node would by default, and logged by its code (the bytes may be anything).
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const code = error.code ?? 'unknown';
    const peer = (socket as Socket).remoteAddress ?? 'unknown';
    if (code !== 'ECONNRESET') logger.log('host-request-unparsable', { peer, code });
    refuseSocket(
      socket,
      code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400,
    );
  });

  // CONNECT asks for a tunnel; Node would drop it without an answer.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    const refused = refusal('method-not-allowed');
    logRefusal(req, refused, false);
    refuseSocket(socket, refused.status);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxRequestBytes, perMessageDeflate: false });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own listener from an upgrade socket: a reset would otherwise be an uncaught error.
    socket.on('error', () => socket.destroy());
    try {
      const admitted = admitRequest(req.url, req.headers, identity);
      const rpc = admitted.ok
        ? admitRpc(admitted.value, req.headers, identity, { originRequired: true })
        : admitted;
      if (!rpc.ok) {
        logRefusal(req, rpc.error, true);
        refuseSocket(socket, rpc.error.status);
        return;
      }
      const peer = peerOf(req);
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        logger.log('host-socket-connected', { peer });
        ws.on('close', (code) => {
          sockets.delete(ws);
          logger.log('host-socket-closed', { peer, code });
        });
        serveRpcSocket(ws, app.router, logger, peer);
      });
    } catch (error) {
      logger.log('host-request-failed', { peer: peerOf(req), upgrade: true, err: error });
      socket.destroy();
    }
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
  identity.origin = `http://127.0.0.1:${port}`;

  return {
    url: `${identity.origin}/#token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The client's IP, logged as `peer`: a loopback diagnostic, not personal data. Not as `remoteAddress`, which the
 * logger's redaction would hide along with every field named like a resident's address.
 */
function peerOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function refusalHeaders(status: number): Record<string, string> {
  // 401 must name a scheme (RFC 9110); Bearer never makes a browser open a login dialog.
  return status === 401
    ? { Connection: 'close', 'WWW-Authenticate': 'Bearer realm="balcao"' }
    : { Connection: 'close' };
}

/** A raw response on a socket Node no longer manages (upgrade, CONNECT, parse error), then the socket closes. */
function refuseSocket(socket: Duplex, status: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const headers = Object.entries({ ...refusalHeaders(status), 'Content-Length': '0' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${headers}\r\n`);
}
