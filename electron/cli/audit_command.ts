import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { defaultConfigPath, formatConfigError, loadConfigFile } from '../config/config_loader.js';
import { describeAuditBreak } from '../journal/audit_chain.js';
import { verifyAuditLogIn } from '../journal/audit_log.js';
import { exitStatus } from '../startup/exit_status.js';
import type { CliCommand, CliIo } from './command.js';
import { commandGroup } from './command_group.js';

/**
 * `balcao audit verify`: walks the journal's audit log and checks every row against the one before it (see
 * electron/journal/audit_chain.ts). Exit 0 when the chain is intact; 1 naming the first bad row when a row was
 * changed, deleted or reordered. The journal is opened read-only, so it can run beside a working kiosk.
 */
const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'balcao audit verify [--journal FILE] [--config FILE]',
  summary: 'checks the audit log’s hash chain; names the first changed, deleted or reordered row',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { journal: { type: 'string' }, config: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) {
      io.err(`usage: ${this.usage}`);
      return exitStatus.usage;
    }
    const path = values.journal ?? journalFromConfig(values.config ?? defaultConfigPath, io);
    if (path === undefined) return exitStatus.config;
    return verify(path, io);
  },
};

export const auditCommand = commandGroup('audit', 'the audit log of staff actions and security events', [
  verifyCommand,
]);

function journalFromConfig(configPath: string, io: CliIo): string | undefined {
  const loaded = loadConfigFile(configPath);
  if (loaded.ok) return loaded.value.journal.path;
  io.err(formatConfigError(loaded.error));
  return undefined;
}

function verify(path: string, io: CliIo): number {
  if (!existsSync(path)) {
    io.err(`balcao audit: no journal at ${path}`);
    return exitStatus.noInput;
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    io.err(`balcao audit: cannot open ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return exitStatus.ioError;
  }
  try {
    if (!hasAuditLog(db)) {
      io.err(`balcao audit: ${path} has no audit log (not a Balcão journal, or from before the audit log)`);
      return exitStatus.dataError;
    }
    const verified = verifyAuditLogIn(db);
    if (!verified.ok) {
      io.err(`audit log of ${path} is broken: ${describeAuditBreak(verified.error)}`);
      return exitStatus.checkFailed;
    }
    io.out(
      `audit log of ${path} is intact: ${verified.value.rows} rows, last hash ${verified.value.headHash}`,
    );
    return exitStatus.ok;
  } finally {
    db.close();
  }
}

/** False for a journal without the table, and for a file that is not an SQLite database at all. */
function hasAuditLog(db: Database.Database): boolean {
  try {
    return (
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !==
      undefined
    );
  } catch (error) {
    if (error instanceof Database.SqliteError) return false;
    throw error;
  }
}
