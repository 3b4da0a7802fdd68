/**
 * The simplest `ApduChannel`: hands each command straight to a `SimulatedCard`, as if the card sat on a reader
 * with no transport in between. It honours the eMRTD simulator's presence and delay hooks and counts what a real
 * transport would carry, so tests and the benchmark can model transport time and subtract the card's own time.
 */

import { err, ok } from '../../../../lib/result.js';
import type { ApduChannel, SimulatedCard, TransmitResult } from '../../iso7816/apdu_channel.js';

/** Optional hooks a simulated card may offer (EmrtdChip does). */
export interface CardHooks {
  readonly present?: boolean;
  processingDelayMs?(command: Uint8Array): number;
}

export interface ChannelCounters {
  apdus: number;
  bytesToCard: number;
  bytesFromCard: number;
  /** Wall time spent inside the card's processApdu (the simulator's share of CPU). */
  cardMs: number;
}

export class DirectCardChannel implements ApduChannel {
  readonly counters: ChannelCounters = { apdus: 0, bytesToCard: 0, bytesFromCard: 0, cardMs: 0 };
  readonly #card: SimulatedCard & CardHooks;
  #removed = false;

  constructor(card: SimulatedCard & CardHooks) {
    this.#card = card;
  }

  async transmit(command: Uint8Array): Promise<TransmitResult> {
    if (this.#removed || this.#card.present === false) {
      if (!this.#removed) this.#card.reset();
      this.#removed = true;
      return err({ code: 'card-removed' });
    }
    const delay = this.#card.processingDelayMs?.(command) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const started = performance.now();
    const response = this.#card.processApdu(command);
    this.counters.cardMs += performance.now() - started;
    this.counters.apdus++;
    this.counters.bytesToCard += command.length;
    this.counters.bytesFromCard += response.length;
    return ok(response);
  }
}
