/**
 * Opens the kiosk's journal: one SQLite file (better-sqlite3), WAL so a crash mid-write loses at most the
 * transaction in flight, foreign keys on, then every registered migration.
 */
import Database from 'better-sqlite3';
import { journalMigrations } from './journal_migrations.js';
import { type Migration, type MigrationError, runMigrations } from './migrations.js';

export type JournalOpenError = { code: 'cannot-open'; detail: string } | MigrationError;
export type JournalOpenResult =
  | { ok: true; value: Database.Database }
  | { ok: false; error: JournalOpenError };

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
  } catch (error) {
    return {
      ok: false,
      error: { code: 'cannot-open', detail: error instanceof Error ? error.message : String(error) },
    };
  }
  const migrated = runMigrations(db, migrations);
  if (!migrated.ok) {
    db.close();
    return migrated;
  }
  return { ok: true, value: db };
}
