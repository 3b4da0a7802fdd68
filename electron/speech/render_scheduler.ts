/**
 * One engine render at a time (the kiosk has two cores, and the screen must stay responsive), with a resident's
 * prompt always going before the background rendering ahead: `live` work waits only for the render in progress.
 */
export class RenderScheduler {
  readonly #live: (() => void)[] = [];
  readonly #background: (() => void)[] = [];
  #busy = false;

  run<T>(priority: 'live' | 'background', work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#busy = true;
        work()
          .then(resolve, reject)
          .finally(() => {
            this.#busy = false;
            this.#next();
          });
      };
      (priority === 'live' ? this.#live : this.#background).push(start);
      if (!this.#busy) this.#next();
    });
  }

  /** How many renders wait (both lanes), for the bench and tests. */
  get waiting(): number {
    return this.#live.length + this.#background.length;
  }

  #next(): void {
    if (this.#busy) return;
    const start = this.#live.shift() ?? this.#background.shift();
    start?.();
  }
}
