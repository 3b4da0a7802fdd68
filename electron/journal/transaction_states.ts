/**
 * A resident transaction's states, and which moves each kind of transaction may make:
 *
 *   started → identified → reserved → dispensed | printed → confirmed
 *      └──────────┴───────────┴──────────────┴──────────────→ voided
 *
 * - `identified`: the resident (or the thing they bring: a booking QR, a pickup code) is known.
 * - `reserved`: the backend has answered the call that commits something (a booking, a document set aside, a
 *   proof number, a locker application).
 * - `dispensed` / `printed`: the thing left the kiosk (a door opened, a document printed).
 * - `confirmed`: the backend was told and agreed; `voided`: the transaction ended without issuing.
 *
 * Each kind says whether it identifies the resident and what it hands over. Where the paper is a convenience
 * (the booking exists whether or not its slip prints) a transaction may confirm straight from `reserved`.
 */

export const transactionKinds = [
  'booking',
  'check-in',
  'collection',
  'identity-proof',
  'locker-pickup',
  'locker-apply',
  'publication-sale',
] as const;
export type TransactionKind = (typeof transactionKinds)[number];

export const transactionStates = [
  'started',
  'identified',
  'reserved',
  'dispensed',
  'printed',
  'confirmed',
  'voided',
] as const;
export type TransactionState = (typeof transactionStates)[number];
/** The states a flow moves to with `advance` (voiding has its own call, with a reason). */
export type ForwardState = Exclude<TransactionState, 'started' | 'voided'>;

export const finalStates: readonly TransactionState[] = ['confirmed', 'voided'];

interface KindShape {
  /** False for a sale that needs no identity: `started → reserved`. */
  identifies: boolean;
  handsOver: 'dispensed' | 'printed';
  /** True when the kind may confirm without handing anything over (`reserved → confirmed`). */
  handOverOptional: boolean;
}

const shapes: Record<TransactionKind, KindShape> = {
  booking: { identifies: true, handsOver: 'printed', handOverOptional: true },
  'check-in': { identifies: true, handsOver: 'printed', handOverOptional: true },
  collection: { identifies: true, handsOver: 'dispensed', handOverOptional: false },
  'identity-proof': { identifies: true, handsOver: 'printed', handOverOptional: false },
  'locker-pickup': { identifies: true, handsOver: 'dispensed', handOverOptional: false },
  'locker-apply': { identifies: true, handsOver: 'printed', handOverOptional: true },
  'publication-sale': { identifies: false, handsOver: 'dispensed', handOverOptional: false },
};

/** The states a transaction of `kind` may move to from `from` with `advance`. */
export function nextStates(kind: TransactionKind, from: TransactionState): ForwardState[] {
  const shape = shapes[kind];
  switch (from) {
    case 'started':
      return shape.identifies ? ['identified'] : ['reserved'];
    case 'identified':
      return shape.identifies ? ['reserved'] : [];
    case 'reserved':
      return shape.handOverOptional ? [shape.handsOver, 'confirmed'] : [shape.handsOver];
    case 'dispensed':
    case 'printed':
      return from === shape.handsOver ? ['confirmed'] : [];
    case 'confirmed':
    case 'voided':
      return [];
    default: {
      const unreachable: never = from;
      return unreachable;
    }
  }
}

export function isFinal(state: TransactionState): boolean {
  return finalStates.includes(state);
}
