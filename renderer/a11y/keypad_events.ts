import type { KeypadKeyEvent } from '../../electron/rpc/guidance_contract.js';

/**
 * The tactile keypad's keys as the main process forwards them (`keypad.key`), for whoever handles them in the
 * renderer: the focus manager, and a screen that takes digits (the PIN pad). Not a store: a key is an event, not
 * state to redraw from.
 */
type Listener = (event: KeypadKeyEvent) => void;
const listeners = new Set<Listener>();

export function onKeypadKey(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitKeypadKey(event: KeypadKeyEvent): void {
  for (const listener of [...listeners]) listener(event);
}
