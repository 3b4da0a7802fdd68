import { randomUUID } from 'node:crypto';
import type { BackendError, Rejection } from '../../electron/backend/contract/errors.js';
import type { Result } from '../../lib/result.js';

/** Reading backend results in tests: the reply, or the backend's refusal, or a clear failure saying what came. */

export const key = () => randomUUID();

export function value<T>(result: Result<T, BackendError>): T {
  if (!result.ok) throw new Error(`expected a reply, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function refusal(result: Result<unknown, BackendError>): Rejection {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  if (result.error.kind !== 'rejected')
    throw new Error(`expected a rejection, got ${JSON.stringify(result.error)}`);
  return result.error.rejection;
}
