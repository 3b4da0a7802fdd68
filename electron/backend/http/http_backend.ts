import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { err, ok, type Result } from '../../../lib/result.js';
import type { BackendReporter } from '../backend_report.js';
import { type Backend, backendFromCall } from '../contract/backend.js';
import {
  type BackendError,
  InvalidRequestReplySchema,
  isRetryable,
  RejectedReplySchema,
} from '../contract/errors.js';
import { type BackendMethodName, backendMethods } from '../contract/methods.js';
import { parseReply, parseRequest } from '../contract/validate.js';
import { CircuitBreaker, type CircuitState } from './circuit_breaker.js';

/**
 * The backend over HTTP (undici), for a kiosk pointed at a government gateway or at `balcao backend serve`.
 *
 * - Requests are checked against the contract before they leave, replies when they arrive: an answer outside the
 *   contract (not JSON, a shape the schema refuses, a rejection code the method cannot give, a status the contract
 *   does not use) is `invalid-reply`, never trusted.
 * - Each attempt has its own timeout. A failed attempt (no answer, timeout, 5xx) is tried again with exponential
 *   backoff and full jitter: reads because they have no effect, state changes because they carry their
 *   idempotency key (the backend answers a replay with the first answer, so a lost reply never books twice).
 * - A circuit breaker (circuit_breaker.ts) turns a dead backend into an immediate `unreachable`.
 * - mTLS: the client certificate, its key and the CA that signs the gateway come from the configuration.
 *
 * Errors carry codes and statuses, never the request: it may hold a PIN or a document number.
 */

export interface HttpBackendOptions {
  baseUrl: string;
  /** Per attempt. */
  timeoutMs: number;
  retries: { attempts: number; baseDelayMs: number; maxDelayMs: number };
  circuit: { failureThreshold: number; cooldownMs: number };
  tls?: { certFile?: string; keyFile?: string; caFile?: string };
  /** Largest reply accepted (the whole catalogue is a few MiB). */
  maxReplyBytes?: number;
}

export interface HttpBackendDeps {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Circuit changes, and calls that got no answer after their retries. */
  report?: BackendReporter;
}

export type HttpBackend = Backend & { readonly circuitState: () => CircuitState };

export type HttpBackendSetupError = { code: 'tls-file-unreadable'; file: string; detail: string };

type Attempt =
  | { answered: true; result: Result<unknown, BackendError> }
  | { answered: false; error: BackendError };

function readTlsFiles(
  tls: NonNullable<HttpBackendOptions['tls']>,
): Result<{ cert?: Buffer; key?: Buffer; ca?: Buffer }, HttpBackendSetupError> {
  const out: { cert?: Buffer; key?: Buffer; ca?: Buffer } = {};
  for (const [field, file] of [
    ['cert', tls.certFile],
    ['key', tls.keyFile],
    ['ca', tls.caFile],
  ] as const) {
    if (file === undefined) continue;
    try {
      out[field] = readFileSync(file);
    } catch (error) {
      return err({ code: 'tls-file-unreadable', file, detail: (error as Error).message });
    }
  }
  return ok(out);
}

function jsonOf(text: string): Result<unknown, BackendError> {
  try {
    return ok(JSON.parse(text));
  } catch {
    return err({ kind: 'invalid-reply', detail: 'not JSON' });
  }
}

/** What an HTTP answer means under the contract (routes.ts states the rules). */
function interpret(method: BackendMethodName, status: number, body: string): Attempt {
  if (status >= 500) return { answered: false, error: { kind: 'server-error', status } };
  const answered = (result: Result<unknown, BackendError>): Attempt => ({ answered: true, result });
  if (status !== 200 && status !== 422 && status !== 400) {
    return answered(err({ kind: 'invalid-reply', detail: `${method}: HTTP ${status}` }));
  }
  const json = jsonOf(body);
  if (!json.ok) return answered(json);
  if (status === 200) return answered(parseReply(method, json.value));
  if (status === 400) {
    const parsed = InvalidRequestReplySchema.safeParse(json.value);
    return answered(
      parsed.success
        ? err({ kind: 'invalid-request', issues: parsed.data.issues })
        : err({ kind: 'invalid-reply', detail: `${method}: malformed 400` }),
    );
  }
  const parsed = RejectedReplySchema.safeParse(json.value);
  const allowed: readonly string[] = backendMethods[method].rejections;
  if (!parsed.success || !allowed.includes(parsed.data.rejection.code)) {
    return answered(err({ kind: 'invalid-reply', detail: `${method}: rejection outside the contract` }));
  }
  return answered(err({ kind: 'rejected', rejection: parsed.data.rejection }));
}

/** What a report says of a call that got no answer; undefined for an answer (a refusal, a bad reply). */
function unansweredDetail(
  error: BackendError,
): { error: 'unreachable' | 'timeout' | 'server-error'; detail: string } | undefined {
  switch (error.kind) {
    case 'unreachable':
      return { error: error.kind, detail: error.detail };
    case 'timeout':
      return { error: error.kind, detail: `${error.afterMs} ms` };
    case 'server-error':
      return { error: error.kind, detail: `HTTP ${error.status}` };
    case 'rejected':
    case 'invalid-reply':
    case 'invalid-request':
      return undefined;
  }
}

/**
 * Network failures that happen before any connection exists, so no byte of the request can have reached the
 * backend: refused, no such host (now or for the moment), no route, undici's connect timeout. A reset or a hang-up
 * may come after the request was sent, so those stay "may have acted".
 */
const beforeSendingCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function failsBeforeSending(code: string): boolean {
  return beforeSendingCodes.has(code);
}

export function createHttpBackend(
  options: HttpBackendOptions,
  deps: HttpBackendDeps = {},
): Result<HttpBackend, HttpBackendSetupError> {
  const now = deps.now ?? Date.now;
  const wait = deps.sleep ?? ((ms: number) => sleep(ms));
  const random = deps.random ?? Math.random;
  const tlsFiles = options.tls ? readTlsFiles(options.tls) : ok({});
  if (!tlsFiles.ok) return tlsFiles;
  const dispatcher = new Agent({
    connect: { ...tlsFiles.value, rejectUnauthorized: true },
    keepAliveTimeout: 10_000,
  });
  const report = deps.report ?? (() => {});
  const breaker = new CircuitBreaker({
    ...options.circuit,
    now,
    onChange: (state) => report({ type: 'circuit-changed', state }),
  });
  const base = options.baseUrl.replace(/\/+$/, '');
  const maxReplyBytes = options.maxReplyBytes ?? 32 * 1024 * 1024;

  async function attemptOnce(method: BackendMethodName, body: unknown): Promise<Attempt> {
    const spec = backendMethods[method];
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await request(`${base}${spec.path}`, {
        method: spec.http === 'get' ? 'GET' : 'POST',
        headers: {
          accept: 'application/json',
          ...(spec.http === 'post' ? { 'content-type': 'application/json' } : {}),
        },
        body: spec.http === 'post' ? JSON.stringify(body) : undefined,
        dispatcher,
        signal,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > maxReplyBytes) {
          response.body.destroy();
          return {
            answered: true,
            result: err({ kind: 'invalid-reply', detail: `${method}: reply too large` }),
          };
        }
        chunks.push(chunk as Buffer);
      }
      return interpret(method, response.statusCode, Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      if (signal.aborted) return { answered: false, error: { kind: 'timeout', afterMs: options.timeoutMs } };
      const code = (error as { code?: unknown }).code;
      const detail = typeof code === 'string' ? code : error instanceof Error ? error.name : 'network error';
      return {
        answered: false,
        error: { kind: 'unreachable', detail, neverSent: failsBeforeSending(detail) },
      };
    }
  }

  function backoff(retry: number): number {
    const ceiling = Math.min(options.retries.maxDelayMs, options.retries.baseDelayMs * 2 ** (retry - 1));
    return Math.round(random() * ceiling);
  }

  async function call(method: BackendMethodName, raw: unknown): Promise<Result<unknown, BackendError>> {
    const checked = parseRequest(method, raw);
    if (!checked.ok) return checked;
    let last: BackendError | undefined;
    let mayHaveActed = false;
    let attempts = 0;
    for (let attempt = 0; attempt < Math.max(1, options.retries.attempts); attempt++) {
      if (attempt > 0) await wait(backoff(attempt));
      if (!breaker.allow()) break;
      attempts++;
      const outcome = await attemptOnce(method, checked.value);
      if (outcome.answered) {
        breaker.succeeded();
        return outcome.result;
      }
      breaker.failed();
      // An earlier attempt that may have reached the backend keeps the whole call "may have acted", whatever the
      // later attempts met.
      mayHaveActed ||= !(outcome.error.kind === 'unreachable' && outcome.error.neverSent);
      last =
        outcome.error.kind === 'unreachable' ? { ...outcome.error, neverSent: !mayHaveActed } : outcome.error;
      if (!isRetryable(last)) break;
    }
    if (last === undefined) return err({ kind: 'unreachable', detail: 'circuit open', neverSent: true });
    // Calls refused by an open circuit are not reported one by one: the circuit's opening was.
    reportUnanswered(method, last, attempts);
    return err(last);
  }

  function reportUnanswered(method: BackendMethodName, error: BackendError, attempts: number): void {
    const unanswered = unansweredDetail(error);
    if (unanswered) report({ type: 'call-unanswered', method, attempts, ...unanswered });
  }

  const backend = backendFromCall('http', call, () => dispatcher.close());
  return ok({ ...backend, circuitState: () => breaker.state });
}
