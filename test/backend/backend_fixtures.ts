import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../electron/backend/contract/backend.js';
import { openEmbeddedBackend } from '../../electron/backend/embedded/embedded_backend.js';
import { createHttpBackend, type HttpBackendOptions } from '../../electron/backend/http/http_backend.js';
import { seedCatalogue } from '../../electron/backend/seed/seed_catalogue.js';
import {
  type FetchHandler,
  type ReferenceServer,
  startReferenceServer,
} from '../../electron/backend/server/reference_server.js';

/**
 * What the backend tests stand on: a movable clock, a seeded embedded backend copied from one template file per
 * test file (seeding hashes PINs with scrypt, which is slow on purpose), and the same backend served by the
 * reference server on a real socket and reached through the HTTP client.
 */

/** Monday 2 March 2026, 10:07 in Macau: sample booking SAMP-0001 is in its check-in window. */
export const suiteStart = Date.parse('2026-03-02T10:07:00+08:00');

export interface TestClock {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function testClock(start = suiteStart): TestClock {
  let ms = start;
  return {
    now: () => ms,
    set: (to) => {
      ms = to;
    },
    advance: (by) => {
      ms += by;
    },
  };
}

export interface BackendFiles {
  /** A fresh copy of the seeded template. */
  freshFile(): string;
  remove(): void;
}

export function seededTemplate(start = suiteStart): BackendFiles {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-backend-'));
  const template = join(dir, 'template.sqlite');
  const opened = openEmbeddedBackend({ path: template, seed: seedCatalogue(), now: () => start });
  if (!opened.ok) throw new Error(`template: ${JSON.stringify(opened.error)}`);
  void opened.value.close();
  let n = 0;
  return {
    freshFile() {
      const file = join(dir, `backend-${++n}.sqlite`);
      copyFileSync(template, file);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function openEmbedded(file: string, clock: TestClock): Backend {
  const opened = openEmbeddedBackend({ path: file, seed: seedCatalogue(), now: clock.now });
  if (!opened.ok) throw new Error(`open: ${JSON.stringify(opened.error)}`);
  return opened.value;
}

export const fastRetries: Pick<HttpBackendOptions, 'timeoutMs' | 'retries' | 'circuit'> = {
  timeoutMs: 2000,
  retries: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  circuit: { failureThreshold: 5, cooldownMs: 1000 },
};

export interface ServedBackend {
  embedded: Backend;
  server: ReferenceServer;
  client: Backend;
  close(): Promise<void>;
}

/** The embedded backend behind the reference server, and an HTTP client of it. */
export async function servedBackend(
  file: string,
  clock: TestClock,
  options: { wrap?: (fetch: FetchHandler) => FetchHandler; client?: Partial<HttpBackendOptions> } = {},
): Promise<ServedBackend> {
  const embedded = openEmbedded(file, clock);
  const server = await startReferenceServer(embedded, { port: 0, wrap: options.wrap });
  const client = createHttpBackend({ baseUrl: server.url, ...fastRetries, ...options.client });
  if (!client.ok) throw new Error('client');
  return {
    embedded,
    server,
    client: client.value,
    async close() {
      await client.value.close();
      await server.close();
      await embedded.close();
    },
  };
}
