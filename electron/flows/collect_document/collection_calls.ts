import type { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import type { Backend } from '../../backend/contract/backend.js';
import type { NotCollectedReasonSchema } from '../../backend/contract/collection.js';
import type { BackendError } from '../../backend/contract/errors.js';
import type { TransactionJournal } from '../../journal/transaction_journal.js';

/**
 * The two backend calls that end a collection, journalled the same way by the flow and by recovery, so a call made
 * again after a crash carries the key it was first made with (the backend then answers it once):
 *
 * - `confirm`: the document left the kiosk and the resident has it. The call's key is committed the moment the
 *   flow knows the document was taken, so a pending `confirm` after a crash means exactly that.
 * - `not-collected-<reason>`: it was taken back (retracted, jammed, a door that failed, cancelled); the reason is
 *   part of the operation's name because a repeated call must be the same request.
 */

export type NotCollectedReason = z.infer<typeof NotCollectedReasonSchema>;
export const notCollectedReasons: readonly NotCollectedReason[] = [
  'not-taken',
  'dispenser-jam',
  'dispenser-empty',
  'door-failed',
  'cancelled',
];

export const confirmOperation = 'confirm';
export function notCollectedOperation(reason: NotCollectedReason): string {
  return `not-collected-${reason}`;
}
export function notCollectedReasonOf(operation: string): NotCollectedReason | undefined {
  return notCollectedReasons.find((reason) => notCollectedOperation(reason) === operation);
}

export type CollectionBackend = Pick<Backend, 'confirmCollection' | 'reportNotCollected'>;

export interface CollectionCallContext {
  backend: CollectionBackend;
  transactions: TransactionJournal;
  terminalId: string;
}

/** How a call ended, for the journal: answered (ok or refused) or perhaps acted on without an answer. */
export type CallEnd<T> =
  | { answered: true; value: Result<T, BackendError> }
  | { answered: false; error: BackendError };

/** A refusal is an answer; anything else (unreachable, timeout, a broken reply) is not, and is asked again later. */
function ended<T>(result: Result<T, BackendError>): CallEnd<T> {
  if (result.ok || result.error.kind === 'rejected') return { answered: true, value: result };
  return { answered: false, error: result.error };
}

/** `confirmCollection` with a key already committed (by the flow, or recorded before a crash). */
export async function callConfirm(
  backend: CollectionBackend,
  idempotencyKey: string,
  collectionId: string,
  terminalId: string,
): Promise<CallEnd<unknown>> {
  return ended(await backend.confirmCollection({ idempotencyKey, collectionId, terminalId }));
}

/** `reportNotCollected` with a key already committed. */
export async function callNotCollected(
  backend: CollectionBackend,
  idempotencyKey: string,
  collectionId: string,
  terminalId: string,
  reason: NotCollectedReason,
): Promise<CallEnd<unknown>> {
  return ended(await backend.reportNotCollected({ idempotencyKey, collectionId, terminalId, reason }));
}

/** The key of `operation` for transaction `id`, committed before the call; an error is a journal fault. */
function keyFor(context: CollectionCallContext, id: number, operation: string): Result<string, string> {
  const recorded = context.transactions.recordCall(id, operation);
  return recorded.ok ? ok(recorded.value.idempotencyKey) : err(recorded.error.code);
}

export async function confirmCollection(
  context: CollectionCallContext,
  id: number,
  collectionId: string,
): Promise<Result<CallEnd<unknown>, string>> {
  const key = keyFor(context, id, confirmOperation);
  if (!key.ok) return key;
  return ok(await callConfirm(context.backend, key.value, collectionId, context.terminalId));
}

export async function reportNotCollected(
  context: CollectionCallContext,
  id: number,
  collectionId: string,
  reason: NotCollectedReason,
): Promise<Result<CallEnd<unknown>, string>> {
  const key = keyFor(context, id, notCollectedOperation(reason));
  if (!key.ok) return key;
  return ok(await callNotCollected(context.backend, key.value, collectionId, context.terminalId, reason));
}
