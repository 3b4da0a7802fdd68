import type { BackendMethodName } from './contract/methods.js';
import type { CircuitState } from './http/circuit_breaker.js';

/**
 * What a backend tells whoever runs it (the kiosk's log: electron/logging/backend_log.ts), as facts, never a
 * request or a reply: those may hold a PIN or a document number.
 */
export type BackendReport =
  | {
      type: 'embedded-opened';
      path: string;
      /** True when the file was new: tables made, catalogue, residents, staff and sample state written. */
      seeded: boolean;
      /** True when the seed catalogue had changed since the file was written, and replaced the stored one. */
      catalogueReplaced: boolean;
    }
  | { type: 'circuit-changed'; state: CircuitState }
  | {
      type: 'call-unanswered';
      method: BackendMethodName;
      /** The last attempt's failure: no connection, no answer in time, or a 5xx. */
      error: 'unreachable' | 'timeout' | 'server-error';
      /** Requests sent before giving up (fewer than configured when the circuit opened meanwhile). */
      attempts: number;
      /** A network code (`ECONNREFUSED`) or an HTTP status. */
      detail: string;
    };

export type BackendReporter = (report: BackendReport) => void;
