import type { SessionView } from '../../electron/rpc/session_contract.js';
import { createResidentStore } from './resident_store.js';

interface SessionState {
  /** The session as the main process reports it: language, display settings, flow step, idle warning. */
  view: SessionView;
  /** performance.now() at which the idle warning's countdown reaches zero (local, immune to clock skew). */
  warningDeadline: number | null;
  setView(view: SessionView): void;
}

export const useSessionStore = createResidentStore<SessionState>(
  { view: { phase: 'attract' }, warningDeadline: null },
  (set) => ({
    setView: (view) =>
      set({
        view,
        warningDeadline:
          view.phase === 'active' && view.warning
            ? performance.now() + view.warning.secondsLeft * 1000
            : null,
      }),
  }),
);
