/**
 * A circuit breaker in front of the backend, so a dead backend costs a resident milliseconds, not a timeout per
 * call:
 *
 * - `closed`: calls go through; `failureThreshold` failures in a row (no answer, timeout, 5xx) open it;
 * - `open`: calls are refused at once (the flow shows "not available right now") for `cooldownMs`;
 * - `half-open`: one probe call goes through; its success closes the circuit, its failure opens it again.
 *
 * Time comes from the injected clock, so tests move it instead of sleeping.
 */

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitOptions {
  failureThreshold: number;
  cooldownMs: number;
  now: () => number;
  onChange?: (state: CircuitState) => void;
}

export class CircuitBreaker {
  #state: CircuitState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #probing = false;

  constructor(private readonly options: CircuitOptions) {}

  get state(): CircuitState {
    return this.#state;
  }

  /** Whether a call may go out now; in half-open, only the one probe. */
  allow(): boolean {
    switch (this.#state) {
      case 'closed':
        return true;
      case 'open':
        if (this.options.now() - this.#openedAt < this.options.cooldownMs) return false;
        this.#set('half-open');
        this.#probing = true;
        return true;
      case 'half-open':
        if (this.#probing) return false;
        this.#probing = true;
        return true;
    }
  }

  succeeded(): void {
    this.#failures = 0;
    this.#probing = false;
    this.#set('closed');
  }

  failed(): void {
    this.#failures++;
    this.#probing = false;
    if (this.#state === 'half-open' || this.#failures >= this.options.failureThreshold) {
      this.#openedAt = this.options.now();
      this.#set('open');
    }
  }

  #set(state: CircuitState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.options.onChange?.(state);
  }
}
