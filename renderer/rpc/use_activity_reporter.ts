import { useEffect } from 'react';
import { useSessionStore } from '../stores/session_store.js';
import type { RpcClient } from './rpc_client.js';

/** Touches restart the main process's idle timer; at most one report a second is enough for a 20 s+ limit. */
export function useActivityReporter(client: RpcClient): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      if (useSessionStore.getState().view.phase !== 'active') return;
      const now = performance.now();
      if (now - last < 1000) return;
      last = now;
      void client.call('session.touch', {});
    };
    window.addEventListener('pointerdown', onActivity, { capture: true, passive: true });
    window.addEventListener('keydown', onActivity, { capture: true, passive: true });
    return () => {
      window.removeEventListener('pointerdown', onActivity, { capture: true });
      window.removeEventListener('keydown', onActivity, { capture: true });
    };
  }, [client]);
}
