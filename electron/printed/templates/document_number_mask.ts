/**
 * How much of a document number a printed receipt or certificate shows. Policy is configuration (DSI decides),
 * e.g. first 1 and last 3: `1234567(8)` → `1****67(8)`. Only letters and digits are masked; the punctuation of
 * the number's format stays so the holder recognises it.
 */
import { z } from 'zod';

export const MaskPolicySchema = z.object({
  showFirst: z.number().int().min(0).max(8),
  showLast: z.number().int().min(0).max(8),
});
export type MaskPolicy = z.infer<typeof MaskPolicySchema>;

export const defaultMaskPolicy: MaskPolicy = { showFirst: 1, showLast: 3 };

export function maskDocumentNumber(documentNumber: string, policy: MaskPolicy): string {
  const chars = [...documentNumber];
  const significant = chars.filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
  // A short number never shows more than half of itself, whatever the policy says.
  const maxShown = Math.floor(significant / 2);
  const showLast = Math.min(policy.showLast, maxShown);
  const showFirst = Math.min(policy.showFirst, maxShown - showLast);
  let index = 0;
  return chars
    .map((c) => {
      if (!/[\p{L}\p{N}]/u.test(c)) return c;
      const position = index++;
      return position < showFirst || position >= significant - showLast ? c : '*';
    })
    .join('');
}
