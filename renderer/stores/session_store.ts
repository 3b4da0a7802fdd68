import { create } from 'zustand';
import type { SessionView } from '../../electron/rpc/contract.js';

interface SessionState {
  view: SessionView;
  /** performance.now() at which the idle warning's countdown reaches zero (local, immune to clock skew). */
  warningDeadline: number | null;
  setView(view: SessionView): void;
  reset(): void;
}

/** The resident's session as the main process reports it. Reset wipes it with every other resident store. */
export const useSessionStore = create<SessionState>((set) => ({
  view: { phase: 'attract' },
  warningDeadline: null,
  setView: (view) =>
    set({
      view,
      warningDeadline:
        view.phase === 'active' && view.warning ? performance.now() + view.warning.secondsLeft * 1000 : null,
    }),
  reset: () => set({ view: { phase: 'attract' }, warningDeadline: null }),
}));
