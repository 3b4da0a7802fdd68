import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../../lib/result.js';
import type { Backend } from '../../backend/contract/backend.js';
import type { BackendError } from '../../backend/contract/errors.js';
import type { SlotStock } from '../../backend/contract/publications.js';
import type { AuditLog } from '../../journal/audit_log.js';

/**
 * What staff do to the vending unit's slots in maintenance, each an audited action: assign a publication to a
 * slot (with the count put in), count a slot (the stock found), refill it (items added), empty it. The backend
 * holds the stock; the kiosk's audit log says who changed it, from what to what.
 */

export type SlotAction =
  | { kind: 'assign'; slot: string; publicationId: string; stock: number }
  | { kind: 'count'; slot: string; stock: number }
  | { kind: 'refill'; slot: string; added: number }
  | { kind: 'empty'; slot: string };

export type SlotActionError =
  | { code: 'unknown-slot'; slot: string }
  /** Counting or refilling a slot that holds no publication: assign one first. */
  | { code: 'slot-unassigned'; slot: string }
  | { code: 'backend'; error: BackendError }
  | { code: 'audit-failed' };

export async function applySlotAction(
  deps: { backend: Backend; audit: AuditLog; terminalId: string },
  staffId: string,
  action: SlotAction,
): Promise<Result<SlotStock, SlotActionError>> {
  const current = await deps.backend.publications({ terminalId: deps.terminalId });
  if (!current.ok) return err({ code: 'backend', error: current.error });
  const before = current.value.slots.find((s) => s.slot === action.slot);
  const stockBefore = before?.stock ?? 0;
  let publicationId: string | null;
  let stock: number;
  switch (action.kind) {
    case 'assign':
      publicationId = action.publicationId;
      stock = action.stock;
      break;
    case 'count':
    case 'refill': {
      if (!before) return err({ code: 'unknown-slot', slot: action.slot });
      if (before.publicationId === null) return err({ code: 'slot-unassigned', slot: action.slot });
      publicationId = before.publicationId;
      stock = action.kind === 'count' ? action.stock : stockBefore + action.added;
      break;
    }
    case 'empty':
      publicationId = null;
      stock = 0;
      break;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
  const set = await deps.backend.setVendingSlot({
    idempotencyKey: randomUUID(),
    terminalId: deps.terminalId,
    staffId,
    slot: action.slot,
    publicationId,
    stock,
  });
  if (!set.ok) return err({ code: 'backend', error: set.error });
  const audited = deps.audit.append(
    { staffId },
    {
      kind: 'vending-slot-set',
      slot: action.slot,
      action: action.kind,
      publicationId: set.value.publicationId,
      stockBefore,
      stock: set.value.stock,
    },
  );
  if (!audited.ok) return err({ code: 'audit-failed' });
  return ok(set.value);
}
