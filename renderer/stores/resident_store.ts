import { create, type StoreApi, type UseBoundStore } from 'zustand';

/** A store's data: every field that is not a function. */
export type DataOf<State> = {
  // biome-ignore lint/complexity/noBannedTypes: any function is an action, whatever its signature
  [K in keyof State as State[K] extends Function ? never : K]: State[K];
};
type ActionsOf<State> = Omit<State, keyof DataOf<State>>;

/** Every resident store's way back to its initial state, registered when the store is created. */
const resets: (() => void)[] = [];

/**
 * A zustand store that holds one resident's data or choices (their session view, their print jobs, an open
 * panel). It is created with its initial data and goes back to exactly that when the session ends: creating a
 * store this way is what registers it, so no store can be left out of a central list. (The terminal's own store,
 * kiosk_store, uses zustand's `create` directly; resident_store.test.ts checks that no other store does.)
 */
export function createResidentStore<State extends object>(
  initial: DataOf<State>,
  actions: (set: StoreApi<State>['setState'], get: StoreApi<State>['getState']) => ActionsOf<State>,
): UseBoundStore<StoreApi<State>> {
  const store = create<State>()((set, get) => ({ ...initial, ...actions(set, get) }) as State);
  resets.push(() => store.setState({ ...store.getState(), ...initial }, true));
  return store;
}

/** Drops everything the last resident left in the renderer: every resident store back to its initial data. */
export function resetResidentStores(): void {
  for (const reset of resets) reset();
}
