import type Database from 'better-sqlite3';
import type { Backend } from './backend/contract/backend.js';
import { createBackend, formatBackendSetupError } from './backend/create_backend.js';
import { formatConfigError, loadConfigFile } from './config/config_loader.js';
import type { KioskConfig } from './config/config_schema.js';
import { formatJournalError, openKioskJournal } from './journal/kiosk_journal.js';
import type { TerminalSigningKey } from './printed/verification/document_signing.js';
import { readTerminalKey } from './printed/verification/terminal_key_file.js';

/** Exit statuses a supervisor can tell from a crash (sysexits): a bad configuration, an unusable journal. */
export const exitConfigError = 78;
export const exitJournalError = 74;

export type Boot =
  | {
      ok: true;
      config: KioskConfig;
      journal: Database.Database;
      /** The government services (embedded by default); closed by the kiosk app on exit. */
      backend: Backend;
      signingKey: TerminalSigningKey;
      /** True when no key file is configured and documents are signed with a key made for this run only. */
      ephemeralKey: boolean;
    }
  | { ok: false; message: string; exitCode: number };

/**
 * Everything the kiosk needs before it can serve — configuration, journal, backend, signing key — or the one message that
 * says why it cannot start. Both hosts (Electron and browser mode) boot through here.
 */
export function prepareBoot(configPath: string): Boot {
  const loaded = loadConfigFile(configPath);
  if (!loaded.ok) return { ok: false, message: formatConfigError(loaded.error), exitCode: exitConfigError };
  const config = loaded.config;
  const key = readTerminalKey(config.terminal.id, config.documents.signingKeyFile);
  if (!key.ok)
    return { ok: false, message: `Balcão cannot start: ${key.message}.`, exitCode: exitConfigError };
  const journal = openKioskJournal(config.journal.path);
  if (!journal.ok) {
    return {
      ok: false,
      message: formatJournalError(config.journal.path, journal.error),
      exitCode: exitJournalError,
    };
  }
  const backend = createBackend(config.backend, {
    journalPath: config.journal.path,
    terminal: { id: config.terminal.id, centreId: config.site.centreId },
  });
  if (!backend.ok) {
    journal.value.close();
    const message = `Balcão cannot start: ${formatBackendSetupError(backend.error)}.`;
    return {
      ok: false,
      message,
      exitCode: backend.error.kind === 'http' ? exitConfigError : exitJournalError,
    };
  }
  return {
    ok: true,
    config,
    journal: journal.value,
    backend: backend.value,
    signingKey: key.key,
    ephemeralKey: key.ephemeral,
  };
}
