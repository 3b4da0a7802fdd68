import type { BackendError } from '../../backend/contract/errors.js';

/** A backend failure as the code a staff screen shows: the rejection's own code, or what went wrong on the way. */
export function backendErrorCode(error: BackendError): string {
  return error.kind === 'rejected' ? error.rejection.code : error.kind;
}
