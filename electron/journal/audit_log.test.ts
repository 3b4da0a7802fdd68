import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake_clock.js';
import { auditRowHash, describeAuditBreak } from './audit_chain.js';
import type { AuditEvent } from './audit_events.js';
import { AuditLog } from './audit_log.js';
import { openJournal } from './journal_database.js';

/** Five rows of the kinds a shift produces. */
function writeShift(audit: AuditLog): void {
  const rows: [Parameters<AuditLog['append']>[0], AuditEvent][] = [
    [
      'system',
      {
        kind: 'configuration-loaded',
        terminalId: 'MO-CP-07',
        mode: 'production',
        configSha256: 'a'.repeat(64),
      },
    ],
    [{ staffId: 'staff-042' }, { kind: 'staff-signed-in', method: 'badge-and-pin' }],
    [{ staffId: 'staff-042' }, { kind: 'print-job-voided', printJobId: 7, reason: 'resident left' }],
    [{ staffId: 'staff-042' }, { kind: 'alert-acknowledged', alertId: 3 }],
    ['system', { kind: 'pickup-code-refused', lockerPointId: 'LP-TAIPA-01', reason: 'bad-signature' }],
  ];
  for (const [actor, event] of rows) {
    const appended = audit.append(actor, event);
    if (!appended.ok) throw new Error(JSON.stringify(appended.error));
  }
}

describe('audit log', () => {
  let dir: string;
  let db: Database.Database;
  let audit: AuditLog;
  let clock: FakeClock;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-audit-'));
    const opened = openJournal(join(dir, 'journal.sqlite'));
    if (!opened.ok) throw new Error(opened.error.code);
    db = opened.value;
    clock = new FakeClock();
    audit = new AuditLog(db, clock);
    writeShift(audit);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Edits the file as someone with the sqlite3 shell would: triggers dropped first. */
  const tamper = (sql: string): void => {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.exec('DROP TRIGGER audit_log_in_sequence; DROP TRIGGER audit_head_forward;');
    db.exec(sql);
  };

  it('chains each row to the one before, in canonical JSON, and verifies intact', () => {
    const rows = audit.recent().reverse();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    for (const [i, row] of rows.entries()) {
      expect(row.hash).toBe(auditRowHash(row.prevHash, row.content));
      if (i > 0) expect(row.prevHash).toBe(rows[i - 1]?.hash);
    }
    // RFC 8785: keys sorted, no spaces.
    expect(rows[2]?.content).toBe(
      `{"actor":"staff:staff-042","at":"${new Date(clock.now()).toISOString()}",` +
        '"event":{"kind":"print-job-voided","printJobId":7,"reason":"resident left"},"seq":3}',
    );
    expect(audit.verify()).toEqual({ ok: true, value: { rows: 5, headHash: rows[4]?.hash } });
  });

  it('refuses UPDATE and DELETE at the database level, and rows out of sequence', () => {
    expect(() => db.prepare("UPDATE audit_log SET actor = 'staff:x' WHERE seq = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO audit_log (seq, at, kind, actor, content, prev_hash, hash) VALUES (9, 'x', 'k', 'a', '{}', 'p', 'h')",
        )
        .run(),
    ).toThrow(/in sequence/);
    expect(() => db.prepare('UPDATE audit_head SET last_seq = 2').run()).toThrow(/only moves/);
    expect(() => db.prepare('DELETE FROM audit_head').run()).toThrow(/never deleted/);
    expect(audit.verify().ok).toBe(true);
  });

  it('finds a changed row, even with the triggers dropped', () => {
    tamper(`UPDATE audit_log SET content = replace(content, 'resident left', 'printed fine') WHERE seq = 3`);
    expect(audit.verify()).toEqual({ ok: false, error: { seq: 3, reason: 'hash-mismatch' } });
  });

  it('finds a changed column that the content does not back', () => {
    tamper(`UPDATE audit_log SET actor = 'staff:staff-999' WHERE seq = 2`);
    expect(audit.verify()).toEqual({ ok: false, error: { seq: 2, reason: 'columns-differ-from-content' } });
  });

  it('finds a row rewritten with a fresh hash: the next row no longer follows it', () => {
    const row = audit.recent().find((r) => r.seq === 3);
    const forged = row?.content.replace('resident left', 'printed fine') ?? '';
    tamper(
      `UPDATE audit_log SET content = '${forged}', hash = '${auditRowHash(row?.prevHash ?? '', forged)}' WHERE seq = 3`,
    );
    expect(audit.verify()).toEqual({ ok: false, error: { seq: 4, reason: 'broken-link' } });
  });

  it('finds a deleted row', () => {
    tamper('DELETE FROM audit_log WHERE seq = 2');
    expect(audit.verify()).toEqual({ ok: false, error: { seq: 2, reason: 'missing-row' } });
  });

  it('finds rows cut off the end (the head remembers the last row)', () => {
    tamper('DELETE FROM audit_log WHERE seq >= 4');
    expect(audit.verify()).toEqual({ ok: false, error: { seq: 5, reason: 'head-mismatch' } });
  });

  it('finds reordered rows', () => {
    // Swap rows 2 and 3 whole (every column but the seq they are read in).
    tamper(`
      UPDATE audit_log SET seq = 100 WHERE seq = 2;
      UPDATE audit_log SET seq = 2 WHERE seq = 3;
      UPDATE audit_log SET seq = 3 WHERE seq = 100;
    `);
    expect(audit.verify()).toEqual({ ok: false, error: { seq: 2, reason: 'columns-differ-from-content' } });
  });

  it('finds content rewritten in another (non-canonical) JSON form', () => {
    tamper(`UPDATE audit_log SET content = replace(content, '"seq":4', '"seq": 4') WHERE seq = 4`);
    expect(audit.verify()).toEqual({ ok: false, error: { seq: 4, reason: 'not-canonical' } });
    expect(describeAuditBreak({ seq: 4, reason: 'not-canonical' })).toMatch(/^row 4 was changed/);
  });

  it('refuses an event carrying a field named like personal data, and writes nothing', () => {
    const event = {
      kind: 'print-job-voided',
      printJobId: 8,
      reason: 'wrong name printed',
      holderName: 'CHAN TAI MAN',
    } as unknown as AuditEvent;
    expect(audit.append({ staffId: 'staff-042' }, event)).toEqual({
      ok: false,
      error: { code: 'personal-data-field', field: 'holderName' },
    });
    const nested = { kind: 'alert-acknowledged', alertId: 1, extra: { date_of_birth: '1980-01-01' } };
    expect(audit.append('system', nested as unknown as AuditEvent)).toEqual({
      ok: false,
      error: { code: 'personal-data-field', field: 'extra.date_of_birth' },
    });
    // The logger's names are the journal's too (one list: electron/logging/personal_fields.ts).
    const fromLogs = { kind: 'alert-acknowledged', alertId: 1, scan: [{ qrText: 'BV1:…', dob: '800101' }] };
    expect(audit.append('system', fromLogs as unknown as AuditEvent)).toEqual({
      ok: false,
      error: { code: 'personal-data-field', field: 'scan.0.qrText' },
    });
    // A field the event does not declare is refused even when its name looks harmless.
    const unknown = { kind: 'alert-acknowledged', alertId: 1, note: 'x' };
    expect(audit.append('system', unknown as unknown as AuditEvent)).toEqual({
      ok: false,
      error: { code: 'invalid-event', fields: ['note'] },
    });
    // And the typed API cannot carry one at all.
    // @ts-expect-error holderName is not a field of any audit event
    const typed: AuditEvent = { kind: 'print-job-voided', printJobId: 8, reason: 'r', holderName: 'CHAN' };
    expect(typed.kind).toBe('print-job-voided');
    expect(audit.recent()).toHaveLength(5);
    expect(audit.verify().ok).toBe(true);
  });

  it('rolls a recorded action back when its record is refused', () => {
    db.exec('CREATE TABLE doors (id INTEGER PRIMARY KEY, open INTEGER NOT NULL)');
    db.exec('INSERT INTO doors VALUES (1, 0)');
    const openDoor = () => {
      db.prepare('UPDATE doors SET open = 1 WHERE id = 1').run();
      return { ok: true as const, value: undefined };
    };
    const refused = audit.recorded({ staffId: 'staff-042' }, openDoor, () => ({
      kind: 'locker-door-opened-by-staff',
      lockerPointId: 'LP-1',
      doorId: 'D-04',
      reason: '',
    }));
    expect(refused).toEqual({ ok: false, error: { code: 'invalid-event', fields: ['reason'] } });
    expect(db.prepare('SELECT open FROM doors').get()).toEqual({ open: 0 });
    const done = audit.recorded({ staffId: 'staff-042' }, openDoor, () => ({
      kind: 'locker-door-opened-by-staff',
      lockerPointId: 'LP-1',
      doorId: 'D-04',
      reason: 'jammed parcel',
    }));
    expect(done.ok).toBe(true);
    expect(db.prepare('SELECT open FROM doors').get()).toEqual({ open: 1 });
    expect(audit.about('locker-door:LP-1/D-04')).toHaveLength(1);
  });
});
