/**
 * The one way an expected failure is returned in Balcão: `Result<T, E>` is `{ ok: true, value }` or
 * `{ ok: false, error }`. Plain objects (no classes, no methods), so a result crosses JSON, the RPC transports and
 * zod unchanged. Exceptions stay for bugs.
 *
 * Long chains of "do this, stop at the first failure" read top to bottom with `resultBlock`, as VotingWorks'
 * VxSuite does: `take(r)` returns the value of an ok result and leaves the block with the error of a failed one.
 */

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export function ok(): Ok<void>;
export function ok<T>(value: T): Ok<T>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** Both arms of a result, for the few places that must branch on a union they did not build. */
export function isOk<T, E>(result: Result<T, E>): result is Ok<T> {
  return result.ok;
}

/** A new value on success; the same error otherwise. */
export function mapResult<T, U, E>(result: Result<T, E>, f: (value: T) => U): Result<U, E> {
  return result.ok ? ok(f(result.value)) : result;
}

/** A new error on failure; the same value otherwise. */
export function mapError<T, E, F>(result: Result<T, E>, f: (error: E) => F): Result<T, F> {
  return result.ok ? result : err(f(result.error));
}

/** Carries a failed result out of a `resultBlock` body; never seen outside it. */
class LeaveBlock<E> {
  constructor(readonly error: E) {}
}

/** Returns the value of an ok result, or leaves the enclosing `resultBlock` with the failure. */
export type Take<E> = <T>(result: Result<T, E>) => T;

/**
 * Runs `body` with a `take` that unwraps results; the first failed result becomes the block's result. Anything
 * else thrown (a bug) passes through unchanged.
 *
 *     const read = await resultBlock<Document, ReadError>(async (take) => {
 *       const com = take(await readFile(EF_COM));
 *       const dg1 = take(await readFile(DG1));
 *       return ok({ com, dg1 });
 *     });
 */
export async function resultBlock<T, E>(
  body: (take: Take<E>) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  const take: Take<E> = (result) => {
    if (result.ok) return result.value;
    throw new LeaveBlock(result.error);
  };
  try {
    return await body(take);
  } catch (thrown) {
    if (thrown instanceof LeaveBlock) return err(thrown.error as E);
    throw thrown;
  }
}

/** `resultBlock` for synchronous bodies. */
export function resultBlockSync<T, E>(body: (take: Take<E>) => Result<T, E>): Result<T, E> {
  const take: Take<E> = (result) => {
    if (result.ok) return result.value;
    throw new LeaveBlock(result.error);
  };
  try {
    return body(take);
  } catch (thrown) {
    if (thrown instanceof LeaveBlock) return err(thrown.error as E);
    throw thrown;
  }
}
