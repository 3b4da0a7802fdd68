import type { Result } from '../../lib/result.js';

/**
 * A service's typed error as the contract carries it: its code only. The renderer and the staff screens branch
 * on codes, and details such as a printer id or a job's state stay in the main process, so the mapping happens
 * here, at the edge (in the handler builders), and nowhere else.
 */
export function outcomeOf<T, E extends { code: string }>(
  result: Result<T, E>,
): { ok: true } | { ok: false; error: E['code'] } {
  return result.ok ? { ok: true } : { ok: false, error: result.error.code };
}

/** As `outcomeOf`, with the success's fields kept (e.g. the job id of a printed sample). */
export function outcomeWith<T extends object, E extends { code: string }>(
  result: Result<T, E>,
): ({ ok: true } & T) | { ok: false; error: E['code'] } {
  return result.ok ? { ok: true, ...result.value } : { ok: false, error: result.error.code };
}
