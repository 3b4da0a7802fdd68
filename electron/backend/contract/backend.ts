import type { z } from 'zod';
import type { Result } from '../../../lib/result.js';
import type { BackendError } from './errors.js';
import { type BackendMethodName, type BackendMethods, backendMethodNames } from './methods.js';

/**
 * The one interface the kiosk's flows call, whatever stands behind it: the embedded SQLite backend, a government
 * gateway over HTTP, or the reference server. One method per entry of the contract table (methods.ts), each
 * taking the request its schema accepts and resolving to the reply or a typed `BackendError`: never throwing for
 * anything the network or the backend can do.
 */

export type BackendRequest<M extends BackendMethodName> = z.input<BackendMethods[M]['request']>;
export type BackendReply<M extends BackendMethodName> = z.output<BackendMethods[M]['reply']>;
export type BackendResult<M extends BackendMethodName> = Result<BackendReply<M>, BackendError>;

export type BackendCalls = {
  [M in BackendMethodName]: (request: BackendRequest<M>) => Promise<BackendResult<M>>;
};

export interface Backend extends BackendCalls {
  /** Which implementation this is, for logs and the maintenance screen. */
  readonly kind: 'embedded' | 'http';
  /** Releases the database or the connection pool. Calls after close are bugs. */
  close(): Promise<void>;
}

/** Calls one method by name with an unchecked request: what implementations share. */
export type CallBackend = (
  method: BackendMethodName,
  request: unknown,
) => Promise<Result<unknown, BackendError>>;

/**
 * Builds the typed `Backend` facade over one generic `call`. The implementations validate requests and replies
 * against the contract inside `call`, which is what makes this one cast sound.
 */
export function backendFromCall(
  kind: Backend['kind'],
  call: CallBackend,
  close: () => Promise<void>,
): Backend {
  const calls = Object.fromEntries(
    backendMethodNames.map((method) => [method, (request: unknown) => call(method, request)]),
  ) as unknown as BackendCalls;
  return { ...calls, kind, close };
}

/** The generic `call` of a typed `Backend`: how the reference server serves whichever backend it is given. */
export function callOf(backend: Backend): CallBackend {
  return (method, request) =>
    (backend[method] as (request: unknown) => Promise<Result<unknown, BackendError>>)(request);
}
