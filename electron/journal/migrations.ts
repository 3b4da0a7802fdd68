/**
 * Numbered schema migrations for the journal. Each feature owns its tables in its own `*_migration.ts` file and
 * adds its migration to `journal_migrations.ts`; ids are unique and only grow. An applied migration is never
 * edited: its name is recorded, and a different name under the same id stops the kiosk at start (a bug).
 */
import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../lib/result.js';

export interface Migration {
  id: number;
  name: string;
  /** Runs inside the migration's transaction. */
  up(db: Database.Database): void;
}

export type MigrationError =
  | { code: 'duplicate-migration-id'; id: number }
  | { code: 'migration-renamed'; id: number; applied: string; inCode: string }
  | { code: 'database-newer-than-code'; appliedIds: number[] }
  /** The migration threw; its transaction was rolled back and no later migration ran. */
  | { code: 'migration-failed'; id: number; detail: string };

export type MigrationResult = Result<{ applied: number[] }, MigrationError>;

export function runMigrations(db: Database.Database, migrations: readonly Migration[]): MigrationResult {
  const ids = new Set<number>();
  for (const migration of migrations) {
    if (ids.has(migration.id)) return err({ code: 'duplicate-migration-id', id: migration.id });
    ids.add(migration.id);
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const appliedRows = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as {
    id: number;
    name: string;
  }[];
  const unknown = appliedRows.filter((row) => !ids.has(row.id)).map((row) => row.id);
  if (unknown.length > 0) return err({ code: 'database-newer-than-code', appliedIds: unknown });
  const applied = new Map(appliedRows.map((row) => [row.id, row.name]));
  for (const migration of migrations) {
    const name = applied.get(migration.id);
    if (name !== undefined && name !== migration.name) {
      return err({ code: 'migration-renamed', id: migration.id, applied: name, inCode: migration.name });
    }
  }
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  const newlyApplied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
    if (applied.has(migration.id)) continue;
    try {
      db.transaction(() => {
        migration.up(db);
        record.run(migration.id, migration.name, new Date().toISOString());
      })();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return err({ code: 'migration-failed', id: migration.id, detail });
    }
    newlyApplied.push(migration.id);
  }
  return ok({ applied: newlyApplied });
}
