/**
 * The current state of one printer and the listeners that want to hear when it changes. Only real changes are
 * pushed: polling the same state again is silent, so the UI is not flooded.
 */
import type { PrinterState } from '../device_status.js';

function sameState(a: PrinterState, b: PrinterState): boolean {
  if (a.state !== b.state) return false;
  if (a.state === 'error' && b.state === 'error') return a.code === b.code && a.detail === b.detail;
  return true;
}

export class StatusListeners {
  private readonly listeners = new Set<(state: PrinterState) => void>();

  constructor(private state: PrinterState) {}

  get current(): PrinterState {
    return this.state;
  }

  add(listener: (state: PrinterState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  set(next: PrinterState): void {
    if (sameState(this.state, next)) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next);
  }
}
