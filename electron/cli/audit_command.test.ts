import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balcao } from '../../test/support/run_balcao.js';
import { AuditLog } from '../journal/audit_log.js';
import { openJournal } from '../journal/journal_database.js';

/** Edits the closed journal file directly, triggers dropped first, as someone with the sqlite3 shell would. */
function editFile(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
    DROP TRIGGER audit_log_in_sequence; DROP TRIGGER audit_head_forward; ${sql}`);
  db.close();
}

describe('balcao audit verify', () => {
  let dir: string;
  let journal: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-audit-cli-'));
    journal = join(dir, 'journal.sqlite');
    const opened = openJournal(journal);
    if (!opened.ok) throw new Error(opened.error.code);
    const audit = new AuditLog(opened.value, { now: () => Date.now() });
    for (let job = 1; job <= 6; job++)
      audit.append(
        { staffId: 'staff-042' },
        { kind: 'print-job-voided', printJobId: job, reason: 'resident left' },
      );
    opened.value.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on an intact chain', async () => {
    const result = await balcao('audit', 'verify', '--journal', journal);
    expect(result.status).toBe(0);
    expect(result.out).toMatch(/is intact: 6 rows, last hash [0-9a-f]{64}$/);
  });

  it.each([
    [
      'changed',
      "UPDATE audit_log SET content = replace(content, 'resident left', 'resident stayed') WHERE seq = 4",
      /row 4 was changed/,
    ],
    ['deleted', 'DELETE FROM audit_log WHERE seq = 3', /row 3 is missing/],
    [
      'reordered',
      'UPDATE audit_log SET seq = 100 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 6; UPDATE audit_log SET seq = 6 WHERE seq = 100;',
      /row 5 was changed or moved/,
    ],
    ['cut off the end', 'DELETE FROM audit_log WHERE seq = 6', /recorded end \(row 6\) is not its last row/],
  ])('exits 1 naming the first bad row when a row was %s', async (_what, sql, message) => {
    editFile(journal, sql);
    const result = await balcao('audit', 'verify', '--journal', journal);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(message);
  });

  it('reads the journal path from the configuration, and says plainly what is wrong', async () => {
    const config = JSON.parse(readFileSync('config/balcao.config.json', 'utf8'));
    const configPath = join(dir, 'kiosk.config.json');
    writeFileSync(configPath, JSON.stringify({ ...config, journal: { path: journal } }));
    const fromConfig = await balcao('audit', 'verify', '--config', configPath);
    expect(fromConfig).toMatchObject({ status: 0, out: expect.stringContaining(journal) });
    expect((await balcao('audit', 'verify', '--journal', join(dir, 'none.sqlite'))).status).toBe(66);
    expect((await balcao('audit')).status).toBe(64);
    expect((await balcao('audit', 'verify', '--bogus')).status).toBe(64);
    const notJournal = join(dir, 'other.sqlite');
    new Database(notJournal).close();
    expect((await balcao('audit', 'verify', '--journal', notJournal)).status).toBe(65);
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database, only text long enough to have a header');
    const refused = await balcao('audit', 'verify', '--journal', garbage);
    expect(refused).toMatchObject({ status: 65, err: expect.stringContaining('has no audit log') });
    expect((await balcao('audit', 'verify', 'extra')).status).toBe(64);
    expect((await balcao('audit', 'check')).status).toBe(64);
  });
});
