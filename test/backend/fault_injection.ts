import type { IncomingMessage } from 'node:http';
import type { FetchHandler } from '../../electron/backend/server/reference_server.js';

/**
 * Faults put in front of the reference server's real routes, at the HTTP level, to test the client's own
 * behaviour: what the network and a sick gateway do to a kiosk.
 */

type Env = { incoming: IncomingMessage };

/** Kills the TCP connection under the request, as a crashed gateway or a cut cable would. */
export function dropConnection(env: unknown): Response {
  (env as Env).incoming.socket.destroy();
  return new Response(null, { status: 204 });
}

/**
 * The first time each distinct request arrives it fails: every odd one is carried out (committed) and then its
 * connection is dropped before the reply, every even one gets a 503 without reaching the backend. Later copies of
 * the same request (a retry) go through. Under this the contract must behave exactly as without it.
 */
export function everyRequestFailsOnce(): (inner: FetchHandler) => FetchHandler {
  const seen = new Set<string>();
  let faults = 0;
  return (inner) => async (request, env) => {
    const body = await request.clone().text();
    const id = `${request.method} ${new URL(request.url).pathname} ${body}`;
    if (seen.has(id)) return inner(request, env);
    seen.add(id);
    faults++;
    if (faults % 2 === 0) return new Response('{"error":"unavailable"}', { status: 503 });
    const committed = await inner(request, env);
    await committed.arrayBuffer();
    return dropConnection(env);
  };
}

/** Replaces the answer of one route (after the backend ran it) with what `answer` returns. */
export function replaceAnswer(
  pathname: string,
  answer: (original: Response) => Response | Promise<Response>,
): (inner: FetchHandler) => FetchHandler {
  return (inner) => async (request, env) => {
    const response = await inner(request, env);
    return new URL(request.url).pathname === pathname ? answer(response) : response;
  };
}
