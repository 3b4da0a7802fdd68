import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { type Backend, callOf } from '../contract/backend.js';
import { createBackendApp } from './backend_routes.js';

/**
 * The reference server: any `Backend` (the embedded one, for `balcao backend serve`) over the HTTP contract on a
 * real socket. With `tls`, it speaks HTTPS and, when `clientCaFile` is given, asks every client for a certificate
 * signed by that CA (mutual TLS, as a government gateway would).
 */

export type FetchHandler = OpenAPIHono['fetch'];

export interface ReferenceServerOptions {
  port: number;
  host?: string;
  tls?: { certFile: string; keyFile: string; clientCaFile?: string };
  onInternalError?: (error: unknown) => void;
  /** Wraps the app's fetch handler before it is served: how tests put faults in front of the real routes. */
  wrap?: (fetch: FetchHandler) => FetchHandler;
}

export interface ReferenceServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startReferenceServer(
  backend: Backend,
  options: ReferenceServerOptions,
): Promise<ReferenceServer> {
  const app = createBackendApp(callOf(backend), { onInternalError: options.onInternalError });
  const fetch = options.wrap ? options.wrap(app.fetch) : app.fetch;
  const host = options.host ?? '127.0.0.1';
  const tls = options.tls;
  return new Promise((resolve) => {
    const server = serve(
      {
        fetch,
        port: options.port,
        hostname: host,
        ...(tls
          ? {
              createServer: createHttpsServer,
              serverOptions: {
                cert: readFileSync(tls.certFile),
                key: readFileSync(tls.keyFile),
                ...(tls.clientCaFile
                  ? { ca: readFileSync(tls.clientCaFile), requestCert: true, rejectUnauthorized: true }
                  : {}),
              },
            }
          : {}),
      },
      (info: AddressInfo) => {
        const scheme = tls ? 'https' : 'http';
        resolve({
          url: `${scheme}://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
  });
}
