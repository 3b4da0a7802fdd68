import type { ResponseFrame } from '../../electron/rpc/wire.js';
import { err } from '../../lib/result.js';
import { asResult, type ConnectionState, type RpcClient, type RpcEvent } from './rpc_client.js';

const callTimeoutMs = 15_000;
const firstRetryMs = 250;
const maxRetryMs = 5000;

/**
 * RPC over the browser-mode host's loopback WebSocket. The per-boot token comes in the URL fragment once; it is
 * kept in sessionStorage (so a reload still connects) and wiped from the address bar.
 *
 * While disconnected, calls fail fast with `unavailable`, the app shows "restarting", and the client reconnects
 * with backoff (250 ms doubling to 5 s): the host's supervisor restarts it on the same port with the same token,
 * and the first snapshot after the reconnect redraws the screen.
 *
 * A browser hides why a WebSocket handshake failed, so after a socket that never opened the client asks the
 * host with a plain `GET /rpc?token=…`: no answer means the host is down (keep trying); a refusal (400, 401,
 * 403) means this page will never get in — no token, a wrong one, another host name — and the client stops and
 * reports `refused`, for the "not connected" screen.
 */
export function createWebSocketRpcClient(location: Location, storage: Storage): RpcClient {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    storage.setItem('balcao.token', fromHash);
    history.replaceState(null, '', location.pathname);
  }
  const token = storage.getItem('balcao.token') ?? '';
  const endpoint = `//${location.host}/rpc?token=${encodeURIComponent(token)}`;
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}:${endpoint}`;
  const admissionUrl = `${location.protocol}${endpoint}`;

  const pending = new Map<number, (frame: ResponseFrame | undefined) => void>();
  const eventListeners = new Set<(event: RpcEvent) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'disconnected';
  let nextId = 1;
  let retryMs = firstRetryMs;

  const setState = (value: ConnectionState) => {
    if (state === value) return;
    state = value;
    for (const listener of connectionListeners) listener(value);
  };
  const retryLater = () => {
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  function connect() {
    const ws = new WebSocket(socketUrl);
    let opened = false;
    socket = ws;
    ws.onopen = () => {
      opened = true;
      retryMs = firstRetryMs;
      setState('connected');
    };
    ws.onmessage = (message) => {
      const frame = parseFrame(message.data);
      if (frame === null) return;
      if ('event' in frame) {
        for (const listener of eventListeners) listener(frame);
      } else {
        pending.get(frame.id)?.(frame);
        pending.delete(frame.id);
      }
    };
    ws.onclose = () => {
      for (const resolve of pending.values()) resolve(undefined);
      pending.clear();
      setState('disconnected');
      if (opened) return retryLater();
      void admissionRefused(admissionUrl).then((refused) => (refused ? setState('refused') : retryLater()));
    };
  }
  connect();

  return {
    call(method, params) {
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        return Promise.resolve(err({ code: 'unavailable', message: 'not connected' }));
      }
      const id = nextId++;
      const ws = socket;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(err({ code: 'unavailable', message: 'timed out' }));
        }, callTimeoutMs);
        pending.set(id, (frame) => {
          clearTimeout(timer);
          resolve(asResult(frame));
        });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
  };
}

/** True only when the host answered and refused this page; unreachable (the host is down) is not a refusal. */
async function admissionRefused(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    return response.status === 400 || response.status === 401 || response.status === 403;
  } catch {
    return false;
  }
}

/** A frame from the host, or null for anything that is not a JSON object (ignored rather than thrown). */
function parseFrame(data: unknown): ResponseFrame | RpcEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const frame: unknown = JSON.parse(data);
    return typeof frame === 'object' && frame !== null ? (frame as ResponseFrame | RpcEvent) : null;
  } catch {
    return null;
  }
}
