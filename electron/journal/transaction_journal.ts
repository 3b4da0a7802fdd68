/**
 * The journal of resident transactions: each one a row moving through the states of transaction_states.ts,
 * every move a conditional UPDATE on the expected state in one transaction with its event row, so a move is made
 * once or not at all and an illegal move is refused as a value.
 *
 * Exactly once with the backend: a flow asks `recordCall(tx, 'reserve', request)` for the idempotency key of a
 * state-changing call. The key (the transaction's own key and the operation) is committed with the call's name
 * and its request BEFORE the call is made; the flow then makes the call and records the answer with `advance` or
 * `void`. If the kiosk dies in between, the next start sees the pending call and its owner asks the backend again
 * with the same key and the same request (transaction_recovery.ts): the backend replays its first answer, so
 * nothing is issued twice. (A backend replays only an identical request, which is why the request is kept.)
 *
 * Only ids, states, codes and keys are written; reasons and operation names must be codes (lower-case words),
 * which keeps free text — and whatever a resident typed — out of the file. A call's request is ids too: one with
 * a personal field (a name, a document number, a PIN…: personal_fields.ts) is refused, and it is dropped with the
 * call's answer.
 */
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../lib/result.js';
import { findPersonalField } from '../logging/personal_fields.js';
import type { AuditAppendError, AuditLog } from './audit_log.js';
import { isoAt, type JournalClock } from './journal_clock.js';
import type { StaffAlertStore } from './staff_alerts.js';
import {
  type ForwardState,
  isFinal,
  nextStates,
  type TransactionKind,
  type TransactionState,
} from './transaction_states.js';

export interface TransactionRecord {
  id: number;
  kind: TransactionKind;
  state: TransactionState;
  /** The transaction's backend key; each call's key is `callKey(key, operation)`. */
  idempotencyKey: string;
  /** What the transaction is about, as the backend names it (a collection id, a booking reference), once known. */
  subject: string | null;
  /** The state-changing call whose answer is not recorded yet, with the request it was (or is about to be) sent. */
  pendingCall: PendingCall | null;
  sessionId: string | null;
  reason: string | null;
  needsStaffReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The request of a backend call, as JSON: ids and codes only. */
export type CallRequest = { readonly [field: string]: unknown };

export interface PendingCall {
  operation: string;
  idempotencyKey: string;
  /** What was sent, to send the same again; null when the flow recorded none. */
  request: CallRequest | null;
}

export type TransactionError =
  | { code: 'transaction-not-found'; transactionId: number }
  | {
      code: 'illegal-transition';
      transactionId: number;
      kind: TransactionKind;
      from: TransactionState;
      to: TransactionState;
    }
  /** A reason, operation, session id or subject that is not a plain code. */
  | { code: 'not-a-code'; field: 'reason' | 'operation' | 'sessionId' | 'subject' }
  /** A call's request holding a personal field (its path, never its value). */
  | { code: 'personal-field'; field: string };

export type TransactionResult = Result<TransactionRecord, TransactionError>;

const codePattern = /^[a-z0-9][a-z0-9 .:_/-]{0,119}$/;
/** A call's operation is part of its idempotency key, so it is what every backend accepts in a key: `a-z0-9-`. */
const operationPattern = /^[a-z0-9][a-z0-9-]{0,47}$/;
const sessionIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
/** The backend's ids: letters, digits and a little punctuation, never free text. */
const subjectPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
/** The boot id of transactions a flow handed over to recovery (see `handOverToRecovery`). */
const handedOver = 'handed-over';

/**
 * The idempotency key of one call of a transaction: derived, so the flow and recovery compute the same one, and
 * shaped as the backend contract's IdempotencyKey asks (43 characters of A–Z a–z 0–9 - _: SHA-256, base64url),
 * whatever characters the operation's code has.
 */
export function callKey(transactionKey: string, operation: string): string {
  return createHash('sha256').update(`${transactionKey}/${operation}`, 'utf8').digest('base64url');
}

interface RawTransaction {
  id: number;
  kind: TransactionKind;
  state: TransactionState;
  idempotency_key: string;
  subject: string | null;
  pending_call: string | null;
  pending_request: string | null;
  session_id: string | null;
  reason: string | null;
  needs_staff_reason: string | null;
  created_at: string;
  updated_at: string;
}

function toRecord(raw: RawTransaction): TransactionRecord {
  return {
    id: raw.id,
    kind: raw.kind,
    state: raw.state,
    idempotencyKey: raw.idempotency_key,
    subject: raw.subject,
    pendingCall:
      raw.pending_call === null
        ? null
        : {
            operation: raw.pending_call,
            idempotencyKey: callKey(raw.idempotency_key, raw.pending_call),
            request: raw.pending_request === null ? null : (JSON.parse(raw.pending_request) as CallRequest),
          },
    sessionId: raw.session_id,
    reason: raw.reason,
    needsStaffReason: raw.needs_staff_reason,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export interface TransactionJournalOptions {
  clock: Pick<JournalClock, 'now'>;
  audit: AuditLog;
  /** Where a transaction handed to staff is announced. */
  alerts: StaffAlertStore;
  /** This run of the kiosk; transactions of other runs are recovery's. A fresh id by default. */
  bootId?: string;
}

export class TransactionJournal {
  readonly bootId: string;
  readonly #db: Database.Database;
  readonly #clock: Pick<JournalClock, 'now'>;
  readonly #audit: AuditLog;
  readonly #alerts: StaffAlertStore;

  constructor(db: Database.Database, options: TransactionJournalOptions) {
    this.#db = db;
    this.#clock = options.clock;
    this.#audit = options.audit;
    this.#alerts = options.alerts;
    this.bootId = options.bootId ?? randomUUID();
  }

  start(kind: TransactionKind, sessionId: string | null = null): TransactionResult {
    if (sessionId !== null && !sessionIdPattern.test(sessionId))
      return err({ code: 'not-a-code', field: 'sessionId' });
    return this.#db.transaction((): TransactionResult => {
      const at = this.#at();
      const id = Number(
        this.#db
          .prepare(
            `INSERT INTO transactions (kind, state, idempotency_key, session_id, boot_id, created_at, updated_at)
             VALUES (?, 'started', ?, ?, ?, ?, ?)`,
          )
          .run(kind, randomUUID(), sessionId, this.bootId, at, at).lastInsertRowid,
      );
      this.#event(id, null, 'started', { at });
      return ok(this.#mustGet(id));
    })();
  }

  /**
   * Commits the call's name and request and returns its key; make the call only after this returns ok. The same
   * operation of one transaction always has the same key, so asking again after no answer is a replay.
   */
  recordCall(
    id: number,
    operation: string,
    request: CallRequest | null = null,
  ): Result<{ idempotencyKey: string }, TransactionError> {
    if (!operationPattern.test(operation)) return err({ code: 'not-a-code', field: 'operation' });
    const personal = request === null ? undefined : findPersonalField(request);
    if (personal !== undefined) return err({ code: 'personal-field', field: personal });
    const requestJson = request === null ? null : JSON.stringify(request);
    return this.#change(
      id,
      null,
      (current) => !isFinal(current.state),
      (current, at) => {
        this.#db
          .prepare(
            'UPDATE transactions SET pending_call = ?, pending_request = ?, updated_at = ? WHERE id = ?',
          )
          .run(operation, requestJson, at, id);
        this.#event(id, current.state, current.state, { at, call: operation });
        return { idempotencyKey: callKey(current.idempotencyKey, operation) };
      },
    );
  }

  /** What the transaction is about (the backend's id of it), written once, before the first call about it. */
  recordSubject(id: number, subject: string): TransactionResult {
    if (!subjectPattern.test(subject)) return err({ code: 'not-a-code', field: 'subject' });
    const unset = (current: TransactionRecord) => !isFinal(current.state) && current.subject === null;
    return this.#change(id, null, unset, (current, at) => {
      this.#db
        .prepare('UPDATE transactions SET subject = ?, updated_at = ? WHERE id = ?')
        .run(subject, at, id);
      this.#event(id, current.state, current.state, { at, reason: 'subject-recorded' });
      return this.#mustGet(id);
    });
  }

  /**
   * The flow cannot finish this transaction in its session (the backend stopped answering after the document left
   * the kiosk): recovery takes it over as if an earlier run had left it, and asks again until it can settle it.
   */
  handOverToRecovery(id: number): TransactionResult {
    return this.#change(
      id,
      null,
      (current) => !isFinal(current.state),
      (current, at) => {
        this.#db
          .prepare('UPDATE transactions SET boot_id = ?, updated_at = ? WHERE id = ?')
          .run(handedOver, at, id);
        this.#event(id, current.state, current.state, { at, reason: 'handed-over-to-recovery' });
        return this.#mustGet(id);
      },
    );
  }

  /** The flow's next step, refused unless the kind allows it from the current state. */
  advance(id: number, to: ForwardState): TransactionResult {
    return this.#move(id, to, null, (current) => nextStates(current.kind, current.state).includes(to));
  }

  void(id: number, reason: string): TransactionResult {
    return this.#move(id, 'voided', reason, (current) => !isFinal(current.state));
  }

  /** Recovery's or staff's answer for a transaction left unfinished: final from whichever state it was in. */
  settle(id: number, outcome: 'confirmed' | 'voided', reason: string): TransactionResult {
    return this.#move(id, outcome, reason, (current) => !isFinal(current.state));
  }

  /** Staff's decision on a transaction recovery could not settle; recorded in the audit log with who and why. */
  resolveByStaff(
    id: number,
    outcome: 'confirmed' | 'voided',
    staffId: string,
    staffReason: string,
  ): Result<TransactionRecord, TransactionError | AuditAppendError> {
    return this.#audit.recorded(
      { staffId },
      () => this.settle(id, outcome, 'resolved-by-staff'),
      () => ({ kind: 'transaction-resolved-by-staff', transactionId: id, outcome, reason: staffReason }),
    );
  }

  /**
   * Recovery could not settle it: staff decide. The transaction keeps its state, a staff alert is raised in the
   * same database transaction, and recovery skips it from now on.
   */
  handToStaff(id: number, reason: string): TransactionResult {
    if (!codePattern.test(reason)) return err({ code: 'not-a-code', field: 'reason' });
    const held = (current: TransactionRecord) => !isFinal(current.state) && current.needsStaffReason === null;
    return this.#change(id, null, held, (current, at) => {
      this.#db
        .prepare('UPDATE transactions SET needs_staff_reason = ?, updated_at = ? WHERE id = ?')
        .run(reason, at, id);
      this.#event(id, current.state, current.state, { at, reason: `needs-staff: ${reason}` });
      this.#alerts.raise(
        'transaction-needs-staff',
        { code: 'transaction-stopped', transactionId: id, kind: current.kind, state: current.state, reason },
        { transactionId: id },
      );
      return this.#mustGet(id);
    });
  }

  get(id: number): TransactionRecord | undefined {
    const raw = this.#db.prepare('SELECT * FROM transactions WHERE id = ?').get(id) as
      | RawTransaction
      | undefined;
    return raw ? toRecord(raw) : undefined;
  }

  /**
   * Unfinished transactions of earlier runs, and those a flow of this run handed over, that no member of staff
   * holds yet: what recovery resolves.
   */
  unfinishedFromEarlierBoots(): TransactionRecord[] {
    return (
      this.#db
        .prepare(
          `SELECT * FROM transactions WHERE state NOT IN ('confirmed', 'voided') AND boot_id <> ?
             AND needs_staff_reason IS NULL ORDER BY id`,
        )
        .all(this.bootId) as RawTransaction[]
    ).map(toRecord);
  }

  /**
   * Resident transactions of this run still under way (not final, not handed to staff): staff entering maintenance
   * wait for them, so a resident is never cut off mid-transaction.
   */
  inProgress(): TransactionRecord[] {
    return (
      this.#db
        .prepare(
          `SELECT * FROM transactions WHERE state NOT IN ('confirmed', 'voided') AND boot_id = ?
             AND needs_staff_reason IS NULL ORDER BY id`,
        )
        .all(this.bootId) as RawTransaction[]
    ).map(toRecord);
  }

  /**
   * Every unfinished transaction, newest first, with whether it comes from an earlier run (left by a crash or a
   * restart): what staff see in maintenance and may resolve.
   */
  unfinished(limit = 100): (TransactionRecord & { fromEarlierRun: boolean })[] {
    return (
      this.#db
        .prepare(
          `SELECT *, boot_id <> ? AS from_earlier_run FROM transactions WHERE state NOT IN ('confirmed', 'voided')
             ORDER BY id DESC LIMIT ?`,
        )
        .all(this.bootId, limit) as (RawTransaction & { from_earlier_run: number })[]
    ).map((raw) => ({ ...toRecord(raw), fromEarlierRun: raw.from_earlier_run === 1 }));
  }

  events(id: number): { from: string | null; to: string; call: string | null; reason: string | null }[] {
    return this.#db
      .prepare(
        'SELECT from_state AS "from", to_state AS "to", call, reason FROM transaction_events WHERE transaction_id = ? ORDER BY id',
      )
      .all(id) as { from: string | null; to: string; call: string | null; reason: string | null }[];
  }

  #move(
    id: number,
    to: TransactionState,
    reason: string | null,
    allowed: (current: TransactionRecord) => boolean,
  ): TransactionResult {
    if (reason !== null && !codePattern.test(reason)) return err({ code: 'not-a-code', field: 'reason' });
    return this.#change(id, to, allowed, (current, at) => {
      this.#db
        .prepare(
          `UPDATE transactions SET state = ?, pending_call = NULL, pending_request = NULL,
             reason = COALESCE(?, reason), updated_at = ? WHERE id = ? AND state = ?`,
        )
        .run(to, reason, at, id, current.state);
      this.#event(id, current.state, to, { at, reason });
      return this.#mustGet(id);
    });
  }

  /**
   * One change to a transaction, in one database transaction: read it, refuse it as an illegal move unless
   * `allowed` (to `to`, or to the state it is in for a change that is not a move), then `apply` it.
   */
  #change<T>(
    id: number,
    to: TransactionState | null,
    allowed: (current: TransactionRecord) => boolean,
    apply: (current: TransactionRecord, at: string) => T,
  ): Result<T, TransactionError> {
    return this.#db.transaction((): Result<T, TransactionError> => {
      const current = this.get(id);
      if (!current) return err({ code: 'transaction-not-found', transactionId: id });
      if (!allowed(current))
        return err({
          code: 'illegal-transition',
          transactionId: id,
          kind: current.kind,
          from: current.state,
          to: to ?? current.state,
        });
      return ok(apply(current, this.#at()));
    })();
  }

  #event(
    id: number,
    from: TransactionState | null,
    to: TransactionState,
    detail: { at: string; call?: string; reason?: string | null },
  ): void {
    this.#db
      .prepare(
        'INSERT INTO transaction_events (transaction_id, at, from_state, to_state, call, reason) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, detail.at, from, to, detail.call ?? null, detail.reason ?? null);
  }

  #at(): string {
    return isoAt(this.#clock);
  }

  #mustGet(id: number): TransactionRecord {
    const record = this.get(id);
    if (!record) throw new Error(`transaction ${id} vanished inside its own transaction`);
    return record;
  }
}
