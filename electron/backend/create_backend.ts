import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../../lib/result.js';
import type { BackendConfig } from './backend_config.js';
import type { BackendReporter } from './backend_report.js';
import type { Backend } from './contract/backend.js';
import { type EmbeddedOpenError, openEmbeddedBackend } from './embedded/embedded_backend.js';
import { createHttpBackend, type HttpBackendSetupError } from './http/http_backend.js';
import { seedCatalogue } from './seed/seed_catalogue.js';
import type { SeedCatalogue } from './seed/seed_schema.js';

/**
 * The one place a kiosk (or a CLI command) gets its backend from the configuration: the embedded one beside the
 * journal by default, or the HTTP client of a gateway.
 */

export interface BackendContext {
  /** The journal's path: the embedded backend's file goes beside it (never in it). */
  journalPath: string;
  /** The kiosk's own terminal, so the embedded backend knows where it stands. */
  terminal?: { id: string; centreId: string };
  now?: () => number;
  seed?: () => SeedCatalogue;
  /** The embedded file's opening, the http client's circuit and unanswered calls (the kiosk logs them). */
  report?: BackendReporter;
}

export type BackendSetupError =
  | ({ kind: 'embedded'; path: string } & EmbeddedOpenError)
  | ({ kind: 'http' } & HttpBackendSetupError);

export function embeddedBackendPath(
  config: Extract<BackendConfig, { kind: 'embedded' }>,
  journalPath: string,
): string {
  if (config.path !== undefined) return config.path;
  return journalPath === ':memory:' ? ':memory:' : join(dirname(journalPath), 'backend.sqlite');
}

export function createBackend(
  config: BackendConfig,
  context: BackendContext,
): Result<Backend, BackendSetupError> {
  switch (config.kind) {
    case 'embedded': {
      const path = embeddedBackendPath(config, context.journalPath);
      const opened = openEmbeddedBackend({
        path,
        seed: (context.seed ?? seedCatalogue)(),
        now: context.now,
        terminal: context.terminal,
        report: context.report,
      });
      return opened.ok ? opened : err({ kind: 'embedded', path, ...opened.error });
    }
    case 'http': {
      const created = createHttpBackend(config, {
        now: context.now,
        report: context.report,
      });
      return created.ok ? ok(created.value) : err({ kind: 'http', ...created.error });
    }
  }
}

export function formatBackendSetupError(error: BackendSetupError): string {
  switch (error.kind) {
    case 'embedded':
      return error.code === 'cannot-open'
        ? `the embedded backend ${error.path} cannot be opened (${error.detail})`
        : `the embedded backend ${error.path} was written by a newer version (tables v${error.version})`;
    case 'http':
      return `the backend TLS file ${error.file} cannot be read (${error.detail})`;
  }
}
