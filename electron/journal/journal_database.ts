/**
 * Opens the kiosk's journal: one SQLite file (better-sqlite3), WAL so a crash mid-write loses at most the
 * transaction in flight, foreign keys on, then every registered migration.
 *
 * Personal data must leave the files, not only the rows. Two SQLite behaviours would keep a dropped document
 * readable by anyone who copies the disk: a row's old bytes stay in the file's free space, and the write-ahead
 * log keeps every page version written since the last checkpoint. So `secure_delete` is on (freed space is
 * zeroed), and every transaction that drops bytes runs through `scrubbingTransaction`, which checkpoints the WAL
 * into the database and truncates it to zero length once the transaction has committed.
 */
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../lib/result.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import { journalMigrations } from './journal_migrations.js';
import { type Migration, type MigrationError, runMigrations } from './migrations.js';

export type JournalOpenError = { code: 'cannot-open'; detail: string } | MigrationError;
export type JournalOpenResult = Result<Database.Database, JournalOpenError>;

export function openJournal(
  path: string,
  migrations: readonly Migration[] = journalMigrations,
): JournalOpenResult {
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    // FULL: a confirmed print is on disk before the next resident is served (the price is a few ms per commit).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Per connection, so set on every open: deleted content is overwritten with zeros, never left in free pages.
    db.pragma('secure_delete = ON');
  } catch (error) {
    return err({ code: 'cannot-open', detail: error instanceof Error ? error.message : String(error) });
  }
  const migrated = runMigrations(db, migrations);
  if (!migrated.ok) {
    db.close();
    return migrated;
  }
  return ok(db);
}

export interface CheckpointOutcome {
  /** False when a reader held the WAL (e.g. `balcao audit verify` running): the next checkpoint finishes it. */
  complete: boolean;
  /** Pages in the WAL, and how many of them reached the database file (-1 for an in-memory journal). */
  walPages: number;
  checkpointedPages: number;
}

/**
 * Copies every committed page from the WAL into the database file and truncates the WAL to zero bytes, so that
 * page versions written before bytes were dropped are gone from disk. A no-op for in-memory journals.
 */
export function checkpointJournal(db: Database.Database): CheckpointOutcome {
  if (db.memory) return { complete: true, walPages: -1, checkpointedPages: -1 };
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as {
    busy: number;
    log: number;
    checkpointed: number;
  }[];
  return {
    complete: row !== undefined && row.busy === 0,
    walPages: row?.log ?? -1,
    checkpointedPages: row?.checkpointed ?? -1,
  };
}

/**
 * Runs `body` in a transaction that drops personal data, then checkpoints once it has committed. Nested inside
 * another transaction, the outermost `scrubbingTransaction` checkpoints (a checkpoint cannot see uncommitted
 * pages), so callers that combine a drop with other writes wrap the whole unit in one. A checkpoint a reader
 * kept from finishing is logged: the bytes stay in the WAL until the next one.
 */
export function scrubbingTransaction<T>(db: Database.Database, logger: KioskLogger, body: () => T): T {
  const result = db.transaction(body)();
  if (db.inTransaction) return result;
  const checkpoint = checkpointJournal(db);
  if (!checkpoint.complete) {
    logger.log('journal-checkpoint-deferred', {
      walPages: checkpoint.walPages,
      checkpointedPages: checkpoint.checkpointedPages,
    });
  }
  return result;
}
