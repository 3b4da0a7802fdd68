import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { err, ok, type Result } from '../../lib/result.js';

/**
 * Who may talk to the browser-mode host, decided before anything else reads the request. Every function here is
 * total: a hostile request line or header becomes a refusal value, never an exception (an exception thrown in
 * Node's `upgrade` handler ends the process).
 *
 * The rules, in the order they are checked:
 * 1. The request target is origin-form (`/path?query`). Browsers send nothing else to an origin server;
 *    absolute-form (`http://…`, meant for proxies), authority-form (`CONNECT host:port`), asterisk-form (`*`) and
 *    anything `URL` cannot parse are refused with 400.
 * 2. The Host header names this host exactly (`127.0.0.1:<port>`), which stops DNS rebinding: a page on another
 *    name that resolves to loopback cannot read the renderer or reach the RPC endpoint. 400 otherwise.
 * 3. The RPC endpoint is `/rpc`; an upgrade anywhere else is 404.
 * 4. A WebSocket must come from the renderer's own origin (403), and present the per-boot token (401).
 */

export type RefusalReason =
  | 'bad-target'
  | 'wrong-host'
  | 'unknown-path'
  | 'method-not-allowed'
  | 'wrong-origin'
  | 'missing-token'
  | 'wrong-token';

export type RefusalStatus = 400 | 401 | 403 | 404 | 405;

export interface Refusal {
  status: RefusalStatus;
  reason: RefusalReason;
}

export function refusal(reason: RefusalReason): Refusal {
  return { status: refusalStatus(reason), reason };
}

function refusalStatus(reason: RefusalReason): RefusalStatus {
  switch (reason) {
    case 'bad-target':
    case 'wrong-host':
      return 400;
    case 'missing-token':
    case 'wrong-token':
      return 401;
    case 'wrong-origin':
      return 403;
    case 'unknown-path':
      return 404;
    case 'method-not-allowed':
      return 405;
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}

/** This host as a browser names it: the origin the renderer is served from, and the per-boot token. */
export interface HostIdentity {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  token: string;
}

export const rpcPath = '/rpc';

/** The request target as a URL on this host, or a refusal. Never throws, whatever the bytes. */
export function parseRequestTarget(target: string | undefined, identity: HostIdentity): Result<URL, Refusal> {
  if (target === undefined || !target.startsWith('/')) return err(refusal('bad-target'));
  let url: URL;
  try {
    // Concatenation, not `new URL(target, base)`: a target such as `//evil.example/` must stay a path here.
    url = new URL(identity.origin + target);
  } catch {
    // Not seen with Node 20's parser in front (it refuses the bytes first), kept because a throw here is fatal.
    return err(refusal('bad-target'));
  }
  if (url.origin !== identity.origin) return err(refusal('bad-target'));
  return ok(url);
}

/** The Host header must name this host exactly (DNS-rebinding defence). */
export function checkHostHeader(headers: IncomingHttpHeaders, identity: HostIdentity): Result<void, Refusal> {
  return headers.host === new URL(identity.origin).host ? ok() : err(refusal('wrong-host'));
}

/** Target and Host: the checks every request passes, HTTP or upgrade. */
export function admitRequest(
  target: string | undefined,
  headers: IncomingHttpHeaders,
  identity: HostIdentity,
): Result<URL, Refusal> {
  const url = parseRequestTarget(target, identity);
  if (!url.ok) return url;
  const host = checkHostHeader(headers, identity);
  return host.ok ? url : host;
}

export interface RpcAdmissionOptions {
  /**
   * A WebSocket handshake always carries Origin and must carry ours. The plain GET a page makes to learn why its
   * socket failed is same-origin, and browsers send no Origin on a same-origin GET: there, a foreign Origin is
   * refused and a missing one is allowed (a cross-origin page cannot read the answer without CORS headers anyway).
   */
  originRequired: boolean;
}

/**
 * May this request use the RPC endpoint? Assumes `admitRequest` has passed. The token is compared in constant
 * time and never appears in a refusal.
 */
export function admitRpc(
  url: URL,
  headers: IncomingHttpHeaders,
  identity: HostIdentity,
  options: RpcAdmissionOptions,
): Result<void, Refusal> {
  if (url.pathname !== rpcPath) return err(refusal('unknown-path'));
  const origin = headers.origin;
  if (origin === undefined ? options.originRequired : origin !== identity.origin)
    return err(refusal('wrong-origin'));
  const given = url.searchParams.get('token');
  if (!given) return err(refusal('missing-token'));
  return tokensEqual(identity.token, given) ? ok() : err(refusal('wrong-token'));
}

function tokensEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
