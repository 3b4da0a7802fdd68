import type { ResponseFrame } from '../../electron/rpc/wire.js';
import { asResult, type RpcClient, type RpcEvent } from './rpc_client.js';

const callTimeoutMs = 15_000;

/**
 * RPC over the browser-mode host's loopback WebSocket. The per-boot token comes in the URL fragment once; it is
 * kept in sessionStorage (so a reload still connects) and wiped from the address bar. Reconnects with backoff:
 * while disconnected, calls fail fast with `unavailable` and the app shows the out-of-service screen.
 */
export function createWebSocketRpcClient(location: Location, storage: Storage): RpcClient {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    storage.setItem('balcao.token', fromHash);
    history.replaceState(null, '', location.pathname);
  }
  const token = storage.getItem('balcao.token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc?token=${encodeURIComponent(token)}`;

  const pending = new Map<number, (frame: ResponseFrame | undefined) => void>();
  const eventListeners = new Set<(event: RpcEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let socket: WebSocket | null = null;
  let connected = false;
  let nextId = 1;
  let backoffMs = 250;

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      backoffMs = 250;
      setConnected(true);
    };
    ws.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as ResponseFrame | RpcEvent;
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
      setConnected(false);
      setTimeout(connect, backoffMs);
      backoffMs = Math.min(backoffMs * 2, 5000);
    };
  };
  connect();

  return {
    call(method, params) {
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'not connected' } });
      }
      const id = nextId++;
      const ws = socket;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve({ ok: false, error: { code: 'unavailable', message: 'timed out' } });
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
      listener(connected);
      return () => connectionListeners.delete(listener);
    },
  };
}
