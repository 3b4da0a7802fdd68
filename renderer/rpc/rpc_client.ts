import type {
  EventName,
  EventPayload,
  MethodName,
  MethodParams,
  MethodResult,
} from '../../electron/rpc/contract.js';
import type { ResponseFrame, RpcResult } from '../../electron/rpc/wire.js';
import { err, ok } from '../../lib/result.js';

export type RpcEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/**
 * `disconnected`: the main process cannot be reached right now (starting, or the browser-mode host restarting);
 * the client keeps trying. `refused`: the host answered and will not let this page in (no token or a wrong one,
 * another host name); retrying cannot change that, so the client stops.
 */
export type ConnectionState = 'connected' | 'disconnected' | 'refused';

/** The renderer's only way to the main process. Two implementations: Electron's preload bridge, or WebSocket. */
export interface RpcClient {
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<RpcResult<MethodResult<M>>>;
  onEvent(listener: (event: RpcEvent) => void): () => void;
  /** Connected / lost / refused; after a reconnect the app asks for a fresh snapshot. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** The object the Electron preload exposes as `window.balcao`. */
export interface PreloadBridge {
  invoke(frame: unknown): Promise<unknown>;
  onEvent(listener: (frame: unknown) => void): () => void;
}

export function asResult<T>(frame: ResponseFrame | undefined): RpcResult<T> {
  if (!frame) return err({ code: 'unavailable', message: 'no response' });
  return frame.ok ? ok(frame.value as T) : err(frame.error);
}
