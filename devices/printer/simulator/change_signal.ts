/**
 * Wake-ups for the simulators' blocking transfers: a bulk IN waiting for a reply, a bulk OUT waiting for buffer
 * space. `wait` resolves `true` when notified and `false` when the timeout passes first.
 */
export class ChangeSignal {
  private waiters = new Set<() => void>();

  wait(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
