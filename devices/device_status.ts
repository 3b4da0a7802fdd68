import { z } from 'zod';

/**
 * The state of every device kind, as the main process publishes it and the renderer shows it.
 * One discriminated union per kind: the renderer never sees bytes, only these.
 * Drivers turn every fault into one of these states instead of throwing.
 */

export const deviceKinds = [
  'barcode-scanner',
  'ticket-printer',
  'document-printer',
  'document-reader',
  'id-card-reader',
  'locker-controller',
  'document-dispenser',
  'tactile-keypad',
  'vending-unit',
] as const;
export const DeviceKindSchema = z.enum(deviceKinds);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

const disconnected = z.object({ state: z.literal('disconnected') });
const ready = z.object({ state: z.literal('ready') });
const busy = z.object({ state: z.literal('busy') });
/** A fault the driver recognised but that has no state of its own; `code` is stable, `detail` is for staff. */
const error = z.object({ state: z.literal('error'), code: z.string(), detail: z.string().optional() });

export const ScannerStateSchema = z.discriminatedUnion('state', [ready, disconnected, error]);
export const PrinterStateSchema = z.discriminatedUnion('state', [
  ready,
  busy,
  z.object({ state: z.literal('paper-low') }),
  z.object({ state: z.literal('no-paper') }),
  z.object({ state: z.literal('cover-open') }),
  disconnected,
  error,
]);
export const ReaderStateSchema = z.discriminatedUnion('state', [
  ready,
  busy,
  z.object({ state: z.literal('card-present') }),
  disconnected,
  error,
]);
export const LockerStateSchema = z.discriminatedUnion('state', [ready, busy, disconnected, error]);
/** A card dispenser: `card-at-gate` waits for the resident to take it; `low` still dispenses; `empty`/`jam` cannot. */
export const DispenserStateSchema = z.discriminatedUnion('state', [
  ready,
  busy,
  z.object({ state: z.literal('card-at-gate') }),
  z.object({ state: z.literal('low') }),
  z.object({ state: z.literal('empty') }),
  z.object({ state: z.literal('jam') }),
  disconnected,
  error,
]);
export const KeypadStateSchema = z.discriminatedUnion('state', [ready, disconnected, error]);
/** A publications vending unit: `busy` while a spiral turns; a jammed slot is the sale's concern, not a state. */
export const VendingStateSchema = z.discriminatedUnion('state', [ready, busy, disconnected, error]);

export type ScannerState = z.infer<typeof ScannerStateSchema>;
export type PrinterState = z.infer<typeof PrinterStateSchema>;
export type ReaderState = z.infer<typeof ReaderStateSchema>;
export type LockerState = z.infer<typeof LockerStateSchema>;
export type DispenserState = z.infer<typeof DispenserStateSchema>;
export type KeypadState = z.infer<typeof KeypadStateSchema>;
export type VendingState = z.infer<typeof VendingStateSchema>;

export const DeviceStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('barcode-scanner'), id: z.string(), status: ScannerStateSchema }),
  z.object({ kind: z.literal('ticket-printer'), id: z.string(), status: PrinterStateSchema }),
  z.object({ kind: z.literal('document-printer'), id: z.string(), status: PrinterStateSchema }),
  z.object({ kind: z.literal('document-reader'), id: z.string(), status: ReaderStateSchema }),
  z.object({ kind: z.literal('id-card-reader'), id: z.string(), status: ReaderStateSchema }),
  z.object({ kind: z.literal('locker-controller'), id: z.string(), status: LockerStateSchema }),
  z.object({ kind: z.literal('document-dispenser'), id: z.string(), status: DispenserStateSchema }),
  z.object({ kind: z.literal('tactile-keypad'), id: z.string(), status: KeypadStateSchema }),
  z.object({ kind: z.literal('vending-unit'), id: z.string(), status: VendingStateSchema }),
]);
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/** Whether a device in this status can serve a resident right now (paper-low still prints, a low stacker dispenses). */
export function isUsable(status: DeviceStatus['status']): boolean {
  switch (status.state) {
    case 'ready':
    case 'busy':
    case 'paper-low':
    case 'card-present':
    case 'card-at-gate':
    case 'low':
      return true;
    case 'no-paper':
    case 'cover-open':
    case 'empty':
    case 'jam':
    case 'disconnected':
    case 'error':
      return false;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
