import { err, ok, type Result } from '../../lib/result.js';
import type { ActionOutcome } from '../rpc/method_spec.js';

/**
 * A service's typed error as the contract carries it: its code only. The renderer and the staff screens branch
 * on codes, and details such as a printer id or a job's state stay in the main process, so the mapping happens
 * here, at the edge (in the handler builders), and nowhere else.
 */
export function outcomeOf<T, E extends { code: string }>(result: Result<T, E>): Result<void, E['code']> {
  return result.ok ? ok() : err(result.error.code);
}

/** As `outcomeOf`, with the success's fields kept (e.g. the job id of a printed sample). */
export function outcomeWith<T extends object, E extends { code: string }>(
  result: Result<T, E>,
): ActionOutcome<T, E['code']> {
  return result.ok ? { ok: true, ...result.value } : err(result.error.code);
}
