import type { LockerState, VendingState } from '../device_status.js';
import type { DeviceConnection } from '../transport/device_connection.js';
import type { HidTransport } from '../transport/hid_transport.js';

/** The states of a relay board's driver (the locker's doors, the vending unit's spirals: the same union). */
export type BoardState = LockerState & VendingState;

/**
 * The published status of a driver over a USBRelay board, shared by the locker and the vending unit: `disconnected`
 * (or `error` when the board could not be opened) from the connection, `busy` while any work it was told of runs,
 * `ready` otherwise. Listeners hear each change once.
 */
export class BoardStatePublisher {
  readonly #listeners = new Set<(state: BoardState) => void>();
  #last: BoardState;
  #active = 0;

  constructor(private readonly connection: DeviceConnection<HidTransport>) {
    this.#last = this.#compute();
    connection.onState(() => this.#publish());
  }

  get current(): BoardState {
    return this.#last;
  }

  onChange(listener: (state: BoardState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs `work` with the board shown `busy` (overlapping work counts once each). */
  async whileBusy<T>(work: () => Promise<T>): Promise<T> {
    this.#active += 1;
    this.#publish();
    try {
      return await work();
    } finally {
      this.#active -= 1;
      this.#publish();
    }
  }

  #compute(): BoardState {
    if (this.connection.state === 'disconnected') {
      const failure = this.connection.failure;
      return failure.code === 'io'
        ? { state: 'error', code: 'open-failed', detail: failure.detail }
        : { state: 'disconnected' };
    }
    return this.#active > 0 ? { state: 'busy' } : { state: 'ready' };
  }

  #publish(): void {
    const next = this.#compute();
    if (JSON.stringify(next) === JSON.stringify(this.#last)) return;
    this.#last = next;
    for (const listener of [...this.#listeners]) listener(next);
  }
}
