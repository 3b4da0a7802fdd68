import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal } from './journal_database.js';
import type { Migration } from './migrations.js';

const table = (id: number, name: string, sql: string): Migration => ({ id, name, up: (db) => db.exec(sql) });

describe('journal database and migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens in WAL with foreign keys and secure delete on, and every table in place', () => {
    const opened = openJournal(join(dir, 'j.db'));
    if (!opened.ok) throw new Error(opened.error.code);
    const db = opened.value;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    expect(tables).toEqual([
      'audit_head',
      'audit_log',
      'heartbeat_queue',
      'print_job_events',
      'print_jobs',
      'printer_counters',
      'schema_migrations',
      'signing_key_registrations',
      'staff_alerts',
      'staff_lockouts',
      'transaction_events',
      'transactions',
      'typed_code_lockouts',
    ]);
    expect(() =>
      db.prepare("INSERT INTO print_job_events (job_id, at, to_status) VALUES (999, 'x', 'queued')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('applies each migration once, in id order, and lets later files add tables', () => {
    const path = join(dir, 'j.db');
    const first = [table(2, 'b', 'CREATE TABLE b (x INTEGER)'), table(1, 'a', 'CREATE TABLE a (x INTEGER)')];
    const opened = openJournal(path, first);
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all()).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    opened.value.close();
    const again = openJournal(path, [...first, table(3, 'c', 'CREATE TABLE c (x INTEGER)')]);
    if (!again.ok) throw new Error(again.error.code);
    expect(
      (again.value.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n,
    ).toBe(3);
    again.value.close();
  });

  it('refuses duplicate ids, renamed migrations and a database from newer code', () => {
    const path = join(dir, 'j.db');
    expect(openJournal(path, [table(1, 'a', 'SELECT 1'), table(1, 'b', 'SELECT 1')])).toEqual({
      ok: false,
      error: { code: 'duplicate-migration-id', id: 1 },
    });
    const opened = openJournal(path, [table(1, 'a', 'SELECT 1'), table(2, 'b', 'SELECT 1')]);
    if (opened.ok) opened.value.close();
    expect(openJournal(path, [table(1, 'renamed', 'SELECT 1'), table(2, 'b', 'SELECT 1')])).toEqual({
      ok: false,
      error: { code: 'migration-renamed', id: 1, applied: 'a', inCode: 'renamed' },
    });
    expect(openJournal(path, [table(1, 'a', 'SELECT 1')])).toEqual({
      ok: false,
      error: { code: 'database-newer-than-code', appliedIds: [2] },
    });
  });

  it('a failing migration leaves nothing half-applied', () => {
    const path = join(dir, 'j.db');
    const broken = openJournal(path, [
      {
        id: 1,
        name: 'half',
        up: (db) => db.exec('CREATE TABLE half (x INTEGER); CREATE TABLE half (y INTEGER);'),
      },
    ]);
    expect(broken).toEqual({
      ok: false,
      error: { code: 'migration-failed', id: 1, detail: 'table half already exists' },
    });
    const reopened = openJournal(path, [table(1, 'half', 'CREATE TABLE half (x INTEGER)')]);
    if (!reopened.ok) throw new Error(reopened.error.code);
    expect(reopened.value.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
    reopened.value.close();
  });
});
