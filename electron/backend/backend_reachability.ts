import type { Result } from '../../lib/result.js';
import type { Clock } from '../services/clock.js';
import { type Backend, type BackendCalls, backendFromCall, callOf } from './contract/backend.js';
import { type BackendError, isRetryable } from './contract/errors.js';

/**
 * Whether the government systems answer, as the kiosk has last seen it. The home screen marks the services that
 * need the backend while it is `unreachable` (issue: "the kiosk says so on the services that need it"), so a
 * resident learns it before tapping, not after identifying themselves.
 */
export type Reachability = 'reachable' | 'unreachable';

/**
 * No answer at all (connection, timeout, 5xx): the backend cannot serve a resident now. It is the same set of
 * errors that is worth asking again (`isRetryable`); any other answer — a reply, a rejection, even a reply outside
 * the contract — came from a live backend.
 */
export const showsUnreachable: (error: BackendError) => boolean = isRetryable;

export interface ReachabilityOptions {
  clock: Clock;
  /** A read-only call asked while unreachable, to find out when the backend is back without waiting for a resident. */
  probe: (backend: BackendCalls) => Promise<Result<unknown, BackendError>>;
  probeEveryMs: number;
  onChange: (reachability: Reachability) => void;
}

export interface ObservedBackend {
  /** The same backend: every call goes through unchanged; only its outcome is watched. */
  readonly backend: Backend;
  reachability(): Reachability;
  /** Stops the probe; the backend itself is closed by whoever opened it. */
  dispose(): void;
}

/**
 * Watches every call's outcome (the flows' calls and the heartbeat alike) and, while the backend is unreachable,
 * probes it on the kiosk's clock. It starts `reachable`: a kiosk that has not yet called cannot know better, and
 * the first resident call or heartbeat settles it.
 */
export function observeReachability(inner: Backend, options: ReachabilityOptions): ObservedBackend {
  const call = callOf(inner);
  let state: Reachability = 'reachable';
  let cancelProbe: (() => void) | undefined;
  let disposed = false;

  const settle = (next: Reachability) => {
    if (next === 'unreachable') scheduleProbe();
    if (next === state) return;
    state = next;
    if (next === 'reachable') stopProbe();
    options.onChange(next);
  };
  const observe = (outcome: Result<unknown, BackendError>) => {
    if (disposed) return;
    settle(!outcome.ok && showsUnreachable(outcome.error) ? 'unreachable' : 'reachable');
  };
  function scheduleProbe(): void {
    if (cancelProbe || disposed) return;
    cancelProbe = options.clock.setTimeout(() => {
      cancelProbe = undefined;
      void options.probe(backend).then(observe);
    }, options.probeEveryMs);
  }
  function stopProbe(): void {
    cancelProbe?.();
    cancelProbe = undefined;
  }

  const backend = backendFromCall(
    inner.kind,
    async (method, request) => {
      const outcome = await call(method, request);
      observe(outcome);
      return outcome;
    },
    () => inner.close(),
  );
  return {
    backend,
    reachability: () => state,
    dispose() {
      disposed = true;
      stopProbe();
    },
  };
}
