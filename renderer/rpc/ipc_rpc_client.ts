import type { ResponseFrame } from '../../electron/rpc/wire.js';
import { asResult, type PreloadBridge, type RpcClient, type RpcEvent } from './rpc_client.js';

/** RPC over Electron IPC through the preload bridge: always connected while the window lives. */
export function createIpcRpcClient(bridge: PreloadBridge): RpcClient {
  let nextId = 1;
  return {
    async call(method, params) {
      const response = (await bridge.invoke({ id: nextId++, method, params })) as ResponseFrame;
      return asResult(response);
    },
    onEvent(listener) {
      return bridge.onEvent((frame) => listener(frame as RpcEvent));
    },
    onConnection(listener) {
      listener('connected');
      return () => {};
    },
  };
}
