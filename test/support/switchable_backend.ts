import { type Backend, backendFromCall, callOf } from '../../electron/backend/contract/backend.js';
import type { BackendMethodName } from '../../electron/backend/contract/methods.js';
import { err } from '../../lib/result.js';

/**
 * A real backend behind a switch, for the faults a flow must survive:
 * - `up`: every call goes through;
 * - `down`: the circuit is open — nothing is sent, every call is `unreachable` at once;
 * - `silent`: calls are sent but time out unanswered (not carried out);
 * - `replies-lost`: calls are carried out, but their answers are lost (time out).
 * `calls` counts what reached the real backend, by method.
 */
export type BackendMode = 'up' | 'down' | 'silent' | 'replies-lost';

export interface SwitchableBackend extends Backend {
  /** The mode of every call, or of `methods` only (the others go through). */
  setMode(mode: BackendMode, methods?: readonly BackendMethodName[]): void;
  readonly calls: Map<BackendMethodName, number>;
}

export function switchableBackend(inner: Backend): SwitchableBackend {
  const call = callOf(inner);
  const calls = new Map<BackendMethodName, number>();
  const state: { mode: BackendMode; methods: readonly BackendMethodName[] | null } = {
    mode: 'up',
    methods: null,
  };
  const facade = backendFromCall(
    inner.kind,
    async (method, request) => {
      const mode = state.methods === null || state.methods.includes(method) ? state.mode : 'up';
      switch (mode) {
        case 'down':
          return err({ kind: 'unreachable', detail: 'ECONNREFUSED', neverSent: true });
        case 'silent':
          return err({ kind: 'timeout', afterMs: 8000 });
        case 'replies-lost': {
          calls.set(method, (calls.get(method) ?? 0) + 1);
          await call(method, request);
          return err({ kind: 'timeout', afterMs: 8000 });
        }
        case 'up':
          calls.set(method, (calls.get(method) ?? 0) + 1);
          return call(method, request);
      }
    },
    () => inner.close(),
  );
  return {
    ...facade,
    calls,
    setMode(mode, methods) {
      state.mode = mode;
      state.methods = methods ?? null;
    },
  };
}
