import type { MethodName } from '../../electron/rpc/contract.js';
import type { RpcClient, RpcEvent } from '../../renderer/rpc/rpc_client.js';

/**
 * An RPC client for component tests that fails on any call the test did not expect (VotingWorks' strict mock):
 * a component that starts calling something new breaks its test instead of passing silently.
 */
export function strictRpcClient(expected: Partial<Record<MethodName, unknown>>) {
  const calls: { method: MethodName; params: unknown }[] = [];
  const eventListeners = new Set<(event: RpcEvent) => void>();
  const client: RpcClient = {
    async call(method, params) {
      calls.push({ method, params });
      if (!(method in expected)) throw new Error(`unexpected RPC call ${method}`);
      return { ok: true, value: expected[method] as never };
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      listener('connected');
      return () => {};
    },
  };
  return {
    client,
    calls,
    emit(event: RpcEvent) {
      for (const listener of eventListeners) listener(event);
    },
  };
}
