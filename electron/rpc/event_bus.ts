import type { EventName, EventPayload } from './contract.js';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Services publish contract events here; each connected transport forwards them to its renderer. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) listener(event, payload);
  }
}
