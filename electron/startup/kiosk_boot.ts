import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../lib/result.js';
import type { BackendReporter } from '../backend/backend_report.js';
import type { Backend } from '../backend/contract/backend.js';
import { type BackendSetupError, createBackend, formatBackendSetupError } from '../backend/create_backend.js';
import type { SeedCatalogue } from '../backend/seed/seed_schema.js';
import { formatConfigError, loadConfigFile } from '../config/config_loader.js';
import type { KioskConfig } from '../config/config_schema.js';
import { type CscaTrustStore, loadCscaTrustStore } from '../flows/identify/csca_trust_store.js';
import { formatJournalError, openKioskJournal } from '../journal/kiosk_journal.js';
import type { TerminalSigningKey } from '../printed/verification/document_signing.js';
import { readTerminalKey } from '../printed/verification/terminal_key_file.js';
import { exitStatus } from './exit_status.js';

export interface BootedKiosk {
  config: KioskConfig;
  journal: Database.Database;
  signingKey: TerminalSigningKey;
  /** True when no key file is configured and documents are signed with a key for this run only (not production). */
  ephemeralKey: boolean;
  /** The CSCA certificates passive authentication trusts (`documents.trustAnchors`), read and checked. */
  trustStore: CscaTrustStore;
}

/** Why the kiosk cannot start: the message for the person at the console, the status for the supervisor. */
export interface BootFailure {
  message: string;
  exitCode: number;
}

/** A host's own rule about a configuration it must not run (a packaged build refuses development mode). */
export type AdmitConfig = (config: KioskConfig) => Result<void, BootFailure>;

/**
 * Everything the kiosk needs before it can serve — configuration, journal, signing key, CSCA trust store — or the
 * one message that says why it cannot start. Checked in that order, and the journal is opened last, so a refused configuration
 * leaves no file behind.
 */
export function prepareBoot(configPath: string, admit?: AdmitConfig): Result<BootedKiosk, BootFailure> {
  const loaded = loadConfigFile(configPath);
  if (!loaded.ok) return err({ message: formatConfigError(loaded.error), exitCode: exitStatus.config });
  const config = loaded.value;
  const admitted = admit?.(config) ?? ok();
  if (!admitted.ok) return admitted;
  const key = readTerminalKey(config.terminal.id, config.documents.signingKeyFile);
  if (!key.ok) return err({ message: `Balcão cannot start: ${key.error}.`, exitCode: exitStatus.config });
  const trustStore = loadCscaTrustStore(config.documents);
  if (!trustStore.ok)
    return err({ message: `Balcão cannot start: ${trustStore.error}.`, exitCode: exitStatus.config });
  const journal = openKioskJournal(config.journal.path);
  if (!journal.ok) {
    return err({
      message: formatJournalError(config.journal.path, journal.error),
      exitCode: exitStatus.ioError,
    });
  }
  return ok({
    config,
    journal: journal.value,
    signingKey: key.value.key,
    ephemeralKey: key.value.ephemeral,
    trustStore: trustStore.value,
  });
}

/**
 * The government services the kiosk calls, as configured: the embedded backend beside the journal (created and
 * seeded on first start) or the http client of a gateway. Opened after the logger exists, so its opening, its
 * circuit and its unanswered calls go to the log through `report`.
 */
export function prepareBackend(
  config: KioskConfig,
  report: BackendReporter,
  seed?: () => SeedCatalogue,
): Result<Backend, BootFailure> {
  const backend = createBackend(config.backend, {
    journalPath: config.journal.path,
    terminal: { id: config.terminal.id, centreId: config.site.centreId },
    report,
    seed,
  });
  if (backend.ok) return backend;
  return err({
    message: `Balcão cannot start: ${formatBackendSetupError(backend.error)}.`,
    exitCode: backendSetupExitStatus(backend.error),
  });
}

/**
 * A TLS file the configuration names is the configuration's problem; a backend file that cannot be opened (or was
 * written by a newer version) is the disk's, as for the journal.
 */
export function backendSetupExitStatus(error: BackendSetupError): number {
  switch (error.kind) {
    case 'http':
      return exitStatus.config;
    case 'embedded':
      return exitStatus.ioError;
  }
}
