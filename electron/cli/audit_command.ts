import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { formatConfigError, loadConfigFile } from '../config/config_loader.js';
import { describeAuditBreak } from '../journal/audit_chain.js';
import { verifyAuditLogIn } from '../journal/audit_log.js';
import { defaultConfigPath } from './cli_devices.js';
import type { CliCommand, CliIo } from './command.js';

/**
 * `balcao audit verify`: walks the journal's audit log and checks every row against the one before it (see
 * electron/journal/audit_chain.ts). Exit 0 when the chain is intact; 1 naming the first bad row when a row was
 * changed, deleted or reordered. The journal is opened read-only, so it can run beside a working kiosk.
 */
export const auditCommand: CliCommand = {
  name: 'audit',
  usage: 'balcao audit verify [--journal FILE] [--config FILE]',
  summary: 'checks the audit log’s hash chain; names the first changed, deleted or reordered row',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { journal: { type: 'string' }, config: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1 || positionals[0] !== 'verify') {
      io.err(`usage: ${this.usage}`);
      return 64;
    }
    const path = values.journal ?? journalFromConfig(values.config ?? defaultConfigPath, io);
    if (path === undefined) return 78;
    return verify(path, io);
  },
};

function journalFromConfig(configPath: string, io: CliIo): string | undefined {
  const loaded = loadConfigFile(configPath);
  if (loaded.ok) return loaded.config.journal.path;
  io.err(formatConfigError(loaded.error));
  return undefined;
}

function verify(path: string, io: CliIo): number {
  if (!existsSync(path)) {
    io.err(`balcao audit: no journal at ${path}`);
    return 66;
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    io.err(`balcao audit: cannot open ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 66;
  }
  try {
    const hasLog = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")
      .get();
    if (!hasLog) {
      io.err(`balcao audit: ${path} has no audit log (not a Balcão journal, or from before the audit log)`);
      return 65;
    }
    const verified = verifyAuditLogIn(db);
    if (!verified.ok) {
      io.err(`audit log of ${path} is broken: ${describeAuditBreak(verified.error)}`);
      return 1;
    }
    io.out(
      `audit log of ${path} is intact: ${verified.value.rows} rows, last hash ${verified.value.headHash}`,
    );
    return 0;
  } finally {
    db.close();
  }
}
