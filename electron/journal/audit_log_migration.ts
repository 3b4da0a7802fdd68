/**
 * The audit log: append-only rows of staff actions and security events, hash-chained (see audit_chain.ts), and
 * the head record of the chain (its last seq and hash), so rows cut off the end are noticed too.
 *
 * Append-only is enforced by the database as well as by the code: triggers refuse any UPDATE or DELETE of a row,
 * an INSERT out of sequence, and a head that does not move one row forward. Triggers can be dropped by whoever
 * holds the file; the hash chain is what still shows such an edit (`balcao audit verify`).
 */
import type { Migration } from './migrations.js';

export const auditLogMigration: Migration = {
  id: 30,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        subject TEXT,
        content TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_subject ON audit_log (subject, kind);

      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_in_sequence BEFORE INSERT ON audit_log
        WHEN NEW.seq IS NOT COALESCE((SELECT last_seq FROM audit_head), 0) + 1
        BEGIN SELECT RAISE(ABORT, 'audit_log rows are appended in sequence'); END;
      CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head
        WHEN NEW.last_seq IS NOT OLD.last_seq + 1
          OR NEW.last_hash IS NOT (SELECT hash FROM audit_log WHERE seq = NEW.last_seq)
        BEGIN SELECT RAISE(ABORT, 'audit_head only moves to the row just appended'); END;
      CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
        BEGIN SELECT RAISE(ABORT, 'audit_head is never deleted'); END;
    `);
  },
};
