/**
 * The audit log's hash chain, as pure functions: how a row is encoded and hashed, and how a sequence of rows is
 * checked. `AuditLog` writes with these and `balcao audit verify` reads with them.
 *
 * A row's content is the RFC 8785 canonical JSON (`canonicalize`) of `{ seq, at, actor, event }`, so the same
 * content always has the same bytes. Its hash is SHA-256 over the previous row's hash, a newline and the
 * content; the first row's previous hash is 64 zeros. Changing, deleting or reordering a row therefore breaks the
 * chain at that row, and the head record (last seq and hash, kept beside the log) catches rows cut off the end.
 *
 * What the chain cannot do alone: someone who can write the file may rewrite every row after the one they
 * changed. Sending the head hash off the kiosk (e.g. in the terminal heartbeat) is what anchors it.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { err, ok, type Result } from '../../lib/result.js';
import { type AuditEvent, AuditEventSchema, auditSubjectOf } from './audit_events.js';

export const genesisHash = '0'.repeat(64);

/** A row as stored: the columns are the content's fields again, indexed, and must agree with it. */
export interface AuditRow {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  subject: string | null;
  content: string;
  prevHash: string;
  hash: string;
}

export interface AuditHead {
  lastSeq: number;
  lastHash: string;
}

export type AuditBreakReason =
  /** The row expected at this seq is not there (deleted, or rows moved). */
  | 'missing-row'
  /** The content is not JSON in RFC 8785 canonical form. */
  | 'not-canonical'
  /** The content is not a known event (or carries a field no event has). */
  | 'unknown-event'
  /** A column (seq, at, kind, actor, subject) says something else than the content. */
  | 'columns-differ-from-content'
  /** The row's previous-row hash is not the hash of the row before it. */
  | 'broken-link'
  /** The row's hash is not the hash of its previous-row hash and content. */
  | 'hash-mismatch'
  /** The head record names a last row that is not the last row present (rows cut off the end, or added). */
  | 'head-mismatch';

export interface AuditBreak {
  /** The first bad row's seq (for `head-mismatch`, the seq the head names). */
  seq: number;
  reason: AuditBreakReason;
}

export function encodeAuditContent(seq: number, at: string, actor: string, event: AuditEvent): string {
  const text = canonicalize({ seq, at, actor, event });
  if (text === undefined) throw new Error('audit content has no JSON form');
  return text;
}

export function auditRowHash(prevHash: string, content: string): string {
  return createHash('sha256').update(`${prevHash}\n${content}`, 'utf8').digest('hex');
}

/** Checks rows in seq order against each other and against the head; the first bad row ends the check. */
export function verifyAuditChain(
  rows: Iterable<AuditRow>,
  head: AuditHead | undefined,
): Result<{ rows: number; headHash: string }, AuditBreak> {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  for (const row of rows) {
    const bad = (reason: AuditBreakReason) => err<AuditBreak>({ seq: row.seq, reason });
    if (row.seq !== expectedSeq) return err({ seq: expectedSeq, reason: 'missing-row' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.content);
    } catch {
      return bad('not-canonical');
    }
    if (canonicalize(parsed) !== row.content) return bad('not-canonical');
    const content = parsed as { seq?: unknown; at?: unknown; actor?: unknown; event?: unknown };
    const event = AuditEventSchema.safeParse(content.event);
    if (!event.success) return bad('unknown-event');
    if (
      content.seq !== row.seq ||
      content.at !== row.at ||
      content.actor !== row.actor ||
      event.data.kind !== row.kind ||
      auditSubjectOf(event.data) !== row.subject
    )
      return bad('columns-differ-from-content');
    if (row.prevHash !== prevHash) return bad('broken-link');
    if (auditRowHash(row.prevHash, row.content) !== row.hash) return bad('hash-mismatch');
    prevHash = row.hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  const expectedHead = lastSeq === 0 ? undefined : { lastSeq, lastHash: prevHash };
  if (head?.lastSeq !== expectedHead?.lastSeq || head?.lastHash !== expectedHead?.lastHash)
    return err({ seq: head?.lastSeq ?? lastSeq, reason: 'head-mismatch' });
  return ok({ rows: lastSeq, headHash: prevHash });
}

export function describeAuditBreak(issue: AuditBreak): string {
  switch (issue.reason) {
    case 'missing-row':
      return `row ${issue.seq} is missing (deleted, or rows were moved)`;
    case 'not-canonical':
      return `row ${issue.seq} was changed: its content is not in canonical form`;
    case 'unknown-event':
      return `row ${issue.seq} was changed: its content is not a known audit event`;
    case 'columns-differ-from-content':
      return `row ${issue.seq} was changed or moved: its columns differ from its content`;
    case 'broken-link':
      return `row ${issue.seq} does not follow the row before it (that row, or this link, was changed)`;
    case 'hash-mismatch':
      return `row ${issue.seq} was changed: its hash does not match its content`;
    case 'head-mismatch':
      return `the log's recorded end (row ${issue.seq}) is not its last row: rows were cut off the end or written around the log`;
    default: {
      const unreachable: never = issue.reason;
      return unreachable;
    }
  }
}
