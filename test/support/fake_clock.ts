import type { Clock } from '../../electron/services/clock.js';

/** A clock that only moves when a test says so; due timers fire in time order as it advances. */
export class FakeClock implements Clock {
  #now: number;
  #timers: { at: number; callback: () => void; id: number }[] = [];
  #nextId = 1;

  /** Starts at 2023-11-14 unless told otherwise (a test that checks certificates made today starts it now). */
  constructor(start = 1_700_000_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): () => void {
    const id = this.#nextId++;
    this.#timers.push({ at: this.#now + ms, callback, id });
    return () => {
      this.#timers = this.#timers.filter((t) => t.id !== id);
    };
  }

  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at);
      const next = this.#timers[0];
      if (!next || next.at > target) break;
      this.#timers.shift();
      this.#now = next.at;
      next.callback();
    }
    this.#now = target;
  }

  get pendingTimers(): number {
    return this.#timers.length;
  }
}
