/**
 * Appends to and reads the hash-chained audit log (see audit_chain.ts for the encoding and audit_events.ts for
 * what may be recorded). An append is one IMMEDIATE transaction — read the head, write the row, move the head —
 * so two writers can never chain onto the same row. Callers that record a staff action together with its effect
 * (a void, an acknowledgement) run both in one transaction: the action and its record commit together or not at
 * all.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';
import { findPersonalField } from '../logging/personal_fields.js';
import {
  type AuditHead,
  type AuditRow,
  auditRowHash,
  encodeAuditContent,
  genesisHash,
  verifyAuditChain,
} from './audit_chain.js';
import {
  type AuditActor,
  type AuditEvent,
  AuditEventSchema,
  actorColumn,
  auditSubjectOf,
  StaffIdSchema,
} from './audit_events.js';
import { isoAt, type JournalClock } from './journal_clock.js';

export type AuditAppendError =
  /** A field whose name is personal data: refused before anything is written. */
  | { code: 'personal-data-field'; field: string }
  /** The event does not match its kind's schema; `fields` names the paths, never the values. */
  | { code: 'invalid-event'; fields: string[] }
  | { code: 'invalid-actor' };

/** The paths an issue is about; for an unknown field, the field's own name. */
function issueFields(issue: z.core.$ZodIssue): string[] {
  const at = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [...at, key].join('.'));
  return [at.join('.') || '.'];
}

/** Leaves `recorded`'s transaction (rolling the action back) when its record is refused. */
class RecordRefused {
  constructor(readonly error: AuditAppendError) {}
}

const rowColumns = 'seq, at, kind, actor, subject, content, prev_hash AS prevHash, hash';

export class AuditLog {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Pick<JournalClock, 'now'>,
  ) {}

  append(actor: AuditActor, event: AuditEvent): Result<AuditRow, AuditAppendError> {
    // Checked at run time too: an event built from RPC input or cast in a hurry must not reach the file.
    const personal = findPersonalField(event);
    if (personal) return err({ code: 'personal-data-field', field: personal });
    const parsed = AuditEventSchema.safeParse(event);
    if (!parsed.success)
      return err({ code: 'invalid-event', fields: parsed.error.issues.flatMap(issueFields) });
    if (actor !== 'system' && !StaffIdSchema.safeParse(actor.staffId).success)
      return err({ code: 'invalid-actor' });
    const checked = parsed.data;
    return ok(
      this.db
        .transaction((): AuditRow => {
          const head = this.head();
          const seq = (head?.lastSeq ?? 0) + 1;
          const prevHash = head?.lastHash ?? genesisHash;
          const at = isoAt(this.clock);
          const actorText = actorColumn(actor);
          const content = encodeAuditContent(seq, at, actorText, checked);
          const row: AuditRow = {
            seq,
            at,
            kind: checked.kind,
            actor: actorText,
            subject: auditSubjectOf(checked),
            content,
            prevHash,
            hash: auditRowHash(prevHash, content),
          };
          this.db
            .prepare(
              `INSERT INTO audit_log (seq, at, kind, actor, subject, content, prev_hash, hash)
               VALUES (@seq, @at, @kind, @actor, @subject, @content, @prevHash, @hash)`,
            )
            .run(row);
          if (head) this.db.prepare('UPDATE audit_head SET last_seq = ?, last_hash = ?').run(seq, row.hash);
          else
            this.db
              .prepare('INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, ?, ?)')
              .run(seq, row.hash);
          return row;
        })
        .immediate(),
    );
  }

  /**
   * Runs a staff action and records it in one transaction: both commit or neither does. A failed action records
   * nothing; a refused record (say, a staff reason too long) rolls the action back.
   */
  recorded<T, E>(
    actor: AuditActor,
    action: () => Result<T, E>,
    eventOf: (value: T) => AuditEvent,
  ): Result<T, E | AuditAppendError> {
    try {
      return this.db.transaction((): Result<T, E> => {
        const done = action();
        if (!done.ok) return done;
        const row = this.append(actor, eventOf(done.value));
        if (!row.ok) throw new RecordRefused(row.error);
        return done;
      })();
    } catch (thrown) {
      if (thrown instanceof RecordRefused) return err(thrown.error);
      throw thrown;
    }
  }

  /** The most recent rows, newest first. */
  recent(limit = 100): AuditRow[] {
    return this.db
      .prepare(`SELECT ${rowColumns} FROM audit_log ORDER BY seq DESC LIMIT ?`)
      .all(limit) as AuditRow[];
  }

  /** Every row about one subject (e.g. `print-job:12`), oldest first. */
  about(subject: string): AuditRow[] {
    return this.db
      .prepare(`SELECT ${rowColumns} FROM audit_log WHERE subject = ? ORDER BY seq`)
      .all(subject) as AuditRow[];
  }

  verify(): ReturnType<typeof verifyAuditChain> {
    return verifyAuditLogIn(this.db);
  }

  private head(): AuditHead | undefined {
    return this.db.prepare('SELECT last_seq AS lastSeq, last_hash AS lastHash FROM audit_head').get() as
      | AuditHead
      | undefined;
  }
}

/** Verifies the audit log of an open journal (read-only use is enough: `balcao audit verify`). */
export function verifyAuditLogIn(db: Database.Database): ReturnType<typeof verifyAuditChain> {
  const rows = db.prepare(`SELECT ${rowColumns} FROM audit_log ORDER BY seq`).iterate() as Iterable<AuditRow>;
  const head = db.prepare('SELECT last_seq AS lastSeq, last_hash AS lastHash FROM audit_head').get() as
    | AuditHead
    | undefined;
  return verifyAuditChain(rows, head);
}
