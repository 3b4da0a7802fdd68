/**
 * An `ApduChannel` straight onto a `SimulatedCard`, with no reader in between: for testing card-level logic
 * (ICAO 9303 flows, the 7816 transmitter) without the CCID framing. Reader behaviour is tested through
 * `CcidReaderSimulator` instead.
 */

import { err, ok } from '../../../lib/result.js';
import type { ApduChannel, SimulatedCard, TransmitResult } from './apdu_channel.js';

export class SimulatedCardChannel implements ApduChannel {
  private card: SimulatedCard | undefined;

  constructor(card: SimulatedCard) {
    this.card = card;
  }

  /** After this, every command fails as `card-removed`, as it would when the card leaves the reader. */
  removeCard(): void {
    this.card?.reset();
    this.card = undefined;
  }

  async transmit(command: Uint8Array): Promise<TransmitResult> {
    if (this.card === undefined) return err({ code: 'card-removed' });
    return ok(this.card.processApdu(command));
  }
}
