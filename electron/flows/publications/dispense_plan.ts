import { err, ok, type Result } from '../../../lib/result.js';
import type { SlotStock } from '../../backend/contract/publications.js';

/**
 * Which slot each item of a basket comes from: the slots holding the publication, fullest first, one item per
 * unit of stock. A basket the slots cannot fill is refused before anyone pays (the backend checks it again).
 */

export interface PlannedItem {
  publicationId: string;
  slot: string;
  unitAvos: number;
}

/** The items in dispensing order, or the publication the slots run short of. */
export type DispensePlan = Result<PlannedItem[], { short: string }>;

export function planDispense(
  lines: readonly { publicationId: string; quantity: number; unitAvos: number }[],
  slots: readonly SlotStock[],
): DispensePlan {
  const left = new Map(slots.map((s) => [s.slot, s.stock]));
  const items: PlannedItem[] = [];
  for (const line of lines) {
    const holding = slots
      .filter((s) => s.publicationId === line.publicationId)
      .sort((a, b) => (left.get(b.slot) ?? 0) - (left.get(a.slot) ?? 0) || a.slot.localeCompare(b.slot));
    for (let n = 0; n < line.quantity; n++) {
      const slot = holding.find((s) => (left.get(s.slot) ?? 0) > 0);
      if (!slot) return err({ short: line.publicationId });
      left.set(slot.slot, (left.get(slot.slot) ?? 0) - 1);
      items.push({ publicationId: line.publicationId, slot: slot.slot, unitAvos: line.unitAvos });
    }
  }
  return ok(items);
}

/** How many of a publication the slots can still give: the basket's upper bound for its quantity. */
export function availableUnits(slots: readonly SlotStock[], publicationId: string): number {
  return slots.filter((s) => s.publicationId === publicationId).reduce((sum, s) => sum + s.stock, 0);
}
