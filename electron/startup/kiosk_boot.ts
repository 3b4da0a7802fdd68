import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../lib/result.js';
import { formatConfigError, loadConfigFile } from '../config/config_loader.js';
import type { KioskConfig } from '../config/config_schema.js';
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
}

/** Why the kiosk cannot start: the message for the person at the console, the status for the supervisor. */
export interface BootFailure {
  message: string;
  exitCode: number;
}

/** A host's own rule about a configuration it must not run (a packaged build refuses development mode). */
export type AdmitConfig = (config: KioskConfig) => Result<void, BootFailure>;

/**
 * Everything the kiosk needs before it can serve — configuration, journal, signing key — or the one message that
 * says why it cannot start. Checked in that order, and the journal is opened last, so a refused configuration
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
  const journal = openKioskJournal(config.journal.path);
  if (!journal.ok) {
    return err({
      message: formatJournalError(config.journal.path, journal.error),
      exitCode: exitStatus.ioError,
    });
  }
  return ok({ config, journal: journal.value, signingKey: key.value.key, ephemeralKey: key.value.ephemeral });
}
