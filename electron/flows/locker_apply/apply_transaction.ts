import type { Backend } from '../../backend/contract/backend.js';
import type { TransactionResolver } from '../../journal/transaction_recovery.js';
import { BackendNotAnswering } from '../booking/booking_resolvers.js';

/**
 * A Smart Locker application in the transaction journal (kind `locker-apply`), driven by the booking family's
 * ResidentTransaction: identified → the key and request committed → applyForLocker → reserved → printed (the slip,
 * optional) → confirmed. A refusal voids it; a call that never left (the backend known down) is voided when the
 * resident leaves: nothing was applied for.
 *
 * The resolver settles what a crash or a resident who left without an answer leaves behind. The application is sent
 * again with the same key and the same request, which the backend answers with its first answer (or carries out
 * now, if the first never arrived):
 * - made → confirmed: the application stands. Unlike a booking, nothing needs the kiosk's paper: the pickup code
 *   reaches the resident through Macao One Account when the item is ready, and the application shows there.
 * - refused → voided (nothing was applied for);
 * - no answer → thrown, asked again later.
 * A transaction with no call pending is confirmed once the backend had answered (`reserved`, `printed`), else voided.
 */

export const applyOperation = 'apply-for-locker';

export type ApplyRequest = {
  serviceId: string;
  residentRef: string;
  pointId: string;
  size: 'small' | 'medium' | 'large';
};

function isApplyRequest(value: unknown): value is ApplyRequest {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (
    ['serviceId', 'residentRef', 'pointId'].every((f) => typeof fields[f] === 'string') &&
    (fields.size === 'small' || fields.size === 'medium' || fields.size === 'large')
  );
}

export function lockerApplyResolver(backend: Pick<Backend, 'applyForLocker'>): TransactionResolver {
  return {
    async resolve(tx) {
      const pending = tx.pendingCall;
      if (pending === null) return tx.state === 'reserved' || tx.state === 'printed' ? 'confirmed' : 'voided';
      if (pending.operation !== applyOperation || !isApplyRequest(pending.request)) return 'needs-staff';
      const answer = await backend.applyForLocker({
        ...pending.request,
        idempotencyKey: pending.idempotencyKey,
      });
      if (answer.ok) return 'confirmed';
      if (answer.error.kind === 'rejected') return 'voided';
      throw new BackendNotAnswering(answer.error.kind);
    },
  };
}
