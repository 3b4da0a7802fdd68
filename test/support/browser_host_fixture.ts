import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { parseConfig } from '../../electron/config/config_loader.js';
import type { BrowserHost } from '../../electron/host/browser_host.js';
import { startBrowserHost } from '../../electron/host/browser_host.js';
import { openJournal } from '../../electron/journal/journal_database.js';
import { createKioskApp, type KioskApp } from '../../electron/kiosk_app.js';
import { ManagerDeviceHub } from '../../electron/services/manager_device_hub.js';
import { recordingLogger } from './recording_logger.js';

export interface TestHost {
  app: KioskApp;
  host: BrowserHost;
  origin: string;
  /** What the kiosk and its host logged (and what they must never log). */
  logger: ReturnType<typeof recordingLogger>;
  close(): Promise<void>;
}

/** The real browser-mode host on a free loopback port, over a production-mode kiosk with a simulated scanner. */
export async function startTestHost(): Promise<TestHost> {
  const root = mkdtempSync(join(tmpdir(), 'balcao-renderer-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  const parsed = parseConfig({
    terminal: { id: 'MO-TEST-01' },
    site: { kind: 'macau', centreId: 'x', name: { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'A', en: 'A' } },
    mode: 'production',
    services: ['check-in'],
    devices: [{ id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' }],
    // Production requires it; only the boot reads the file, and this fixture builds the app without booting.
    documents: { signingKeyFile: 'terminal.pem' },
  });
  if (!parsed.ok) throw new Error('bad test config');
  const journal = openJournal(':memory:');
  if (!journal.ok) throw new Error('journal');
  const logger = recordingLogger();
  const app = createKioskApp(parsed.value, new ManagerDeviceHub(parsed.value.devices), journal.value, {
    logger,
  });
  const host = await startBrowserHost(app, { rendererRoot: root, logger });
  return {
    app,
    host,
    origin: `http://127.0.0.1:${host.port}`,
    logger,
    async close() {
      await host.close();
      await app.close();
    },
  };
}

/** A well-behaved client: the `ws` library, with the right origin unless told otherwise. */
export function connectClient(host: BrowserHost, token = host.token, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${token}`, {
      origin: origin ?? `http://127.0.0.1:${host.port}`,
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

/** Sends one frame (an object, or raw text) and waits for the response frame (events are skipped). */
export function request(ws: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
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

/** Proves the host still serves: a fresh client opens a socket and gets a kiosk snapshot. */
export async function snapshotFromFreshClient(host: BrowserHost): Promise<Record<string, unknown>> {
  const ws = await connectClient(host);
  try {
    return await request(ws, { id: 1, method: 'kiosk.snapshot', params: {} });
  } finally {
    ws.close();
  }
}

export interface RawExchange {
  /** The status code of the first response line, or null when the host answered nothing. */
  status: number | null;
  /** Everything the host sent back. */
  received: Buffer;
  /** True when the host closed the connection within the wait. */
  closed: boolean;
}

/**
 * Writes raw bytes on a plain TCP socket (no HTTP client to tidy them up) and collects the answer until the host
 * closes the connection or `waitMs` passes.
 */
export function rawExchange(port: number, bytes: string | Buffer, waitMs = 2000): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = netConnect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      const received = Buffer.concat(chunks);
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received.toString('latin1'));
      resolve({ status: match ? Number(match[1]) : null, received, closed });
      socket.destroy();
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.write(bytes);
  });
}
