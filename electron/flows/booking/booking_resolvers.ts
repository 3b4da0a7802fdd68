import { err, ok, type Result } from '../../../lib/result.js';
import type { Backend } from '../../backend/contract/backend.js';
import type { BackendError } from '../../backend/contract/errors.js';
import { type CallRequest, callKey, type TransactionRecord } from '../../journal/transaction_journal.js';
import type {
  TransactionResolution,
  TransactionResolver,
  TransactionResolvers,
} from '../../journal/transaction_recovery.js';

/**
 * How a booking or check-in transaction that did not finish is settled — at the next start after a crash
 * (transaction_recovery.ts), and by the flow itself when a resident left while a change had no answer. The
 * resident is gone either way, so:
 *
 * - a change whose answer was recorded stands (`reserved`, `printed` → confirmed): the booking exists, the
 *   reschedule or cancellation was made, the queue number was given (a resident who scans again sees it);
 * - a change without a recorded answer is asked again with the same key and the same request, which the backend
 *   answers with its first answer (or carries out now, if the first never arrived):
 *   - a new booking the resident never saw is cancelled again (with a key of its own), so no place is held for a
 *     booking nobody knows the reference of → voided;
 *   - a reschedule, a cancellation or a check-in that went through stands → confirmed (the booking's QR code is
 *     unchanged, and scanning it shows where it stands);
 *   - a refusal → voided (nothing happened);
 * - nothing was asked yet → voided.
 * No answer from the backend throws: the transaction is left as it is and asked about again later.
 */

export const bookingOperations = {
  create: 'create-booking',
  reschedule: 'reschedule-booking',
  cancel: 'cancel-booking',
  /** The cancellation of a booking made for a resident who never saw it. */
  undoCreate: 'undo-create-booking',
  checkIn: 'check-in',
} as const;

export class BackendNotAnswering extends Error {
  override readonly name = 'BackendNotAnswering';
  constructor(readonly error: BackendError['kind']) {
    super(`the backend did not answer (${error})`);
  }
}

type Answer = Result<unknown, BackendError>;

/** An answer becomes confirmed or voided; no answer at all throws (asked again later). */
function decided(answer: Answer, confirmed: TransactionResolution): TransactionResolution {
  if (answer.ok) return confirmed;
  if (answer.error.kind === 'rejected') return 'voided';
  throw new BackendNotAnswering(answer.error.kind);
}

function replay(
  backend: Backend,
  operation: string,
  request: CallRequest,
  idempotencyKey: string,
): Promise<Answer> | null {
  const sent = { ...request, idempotencyKey } as never;
  switch (operation) {
    case bookingOperations.create:
      return backend.createBooking(sent);
    case bookingOperations.reschedule:
      return backend.rescheduleBooking(sent);
    case bookingOperations.cancel:
      return backend.cancelBooking(sent);
    case bookingOperations.checkIn:
      return backend.checkIn(sent);
    default:
      return null;
  }
}

async function undoCreate(
  backend: Backend,
  tx: TransactionRecord,
  created: { value: unknown },
): Promise<Answer> {
  const { reference } = created.value as { reference: string };
  const undone = await backend.cancelBooking({
    idempotencyKey: callKey(tx.idempotencyKey, bookingOperations.undoCreate),
    booking: { reference },
  });
  // Already cancelled (by the resident at a counter, say) is as good.
  if (!undone.ok && undone.error.kind === 'rejected' && undone.error.rejection.code === 'cancelled')
    return ok(undefined);
  return undone.ok ? undone : err(undone.error);
}

export function bookingResolver(backend: Backend): TransactionResolver {
  return {
    async resolve(tx) {
      const pending = tx.pendingCall;
      if (pending === null) {
        return tx.state === 'reserved' || tx.state === 'printed' ? 'confirmed' : 'voided';
      }
      // A call recorded without its request cannot be sent again identically: a person decides.
      if (pending.request === null) return 'needs-staff';
      const answer = replay(backend, pending.operation, pending.request, pending.idempotencyKey);
      if (answer === null) return 'needs-staff';
      const first = await answer;
      if (pending.operation === bookingOperations.create && first.ok) {
        // Made, but its reference never reached the resident: it is cancelled again.
        const undone = await undoCreate(backend, tx, first);
        if (undone.ok) return 'voided';
        if (undone.error.kind === 'rejected') return 'needs-staff';
        throw new BackendNotAnswering(undone.error.kind);
      }
      return decided(first, 'confirmed');
    },
  };
}

/** The resolvers of the booking family's transaction kinds, for `createKioskApp`. */
export function bookingTransactionResolvers(backend: Backend): TransactionResolvers {
  const resolver = bookingResolver(backend);
  return { booking: resolver, 'check-in': resolver };
}
