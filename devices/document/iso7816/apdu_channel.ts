/**
 * A channel that carries ISO 7816-4 APDUs to a card: a CCID reader on a kiosk, or a simulated card in tests.
 * ICAO 9303 code (BAC, secure messaging, reading data groups) talks only to this interface.
 */

import type { Result } from '../../../lib/result.js';

export type ApduFailure =
  | { code: 'card-removed' }
  | { code: 'no-card' }
  | { code: 'timeout' }
  | { code: 'disconnected' }
  | { code: 'transport'; detail: string };

export type TransmitResult = Result<Uint8Array, ApduFailure>;

export interface ApduChannel {
  /** Send one command APDU; the response includes SW1 SW2 as its last two bytes. */
  transmit(command: Uint8Array): Promise<TransmitResult>;
}

/** The device side of a contact or contactless card, as a simulator hosts it behind a simulated reader. */
export interface SimulatedCard {
  /** Answer to reset (a PC/SC pseudo-ATR for contactless cards). */
  readonly atr: Uint8Array;
  /** Process one command APDU; returns response data followed by SW1 SW2. */
  processApdu(command: Uint8Array): Uint8Array;
  /** Called when the card is powered off or removed: volatile state (session keys) is lost. */
  reset(): void;
}
