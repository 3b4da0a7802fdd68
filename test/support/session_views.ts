import type { SessionView } from '../../electron/rpc/session_contract.js';

type ActiveSessionView = Extract<SessionView, { phase: 'active' }>;

/** A running session as the main process reports it, English on the services step, changed where a test says. */
export function activeSession(overrides: Partial<ActiveSessionView> = {}): ActiveSessionView {
  return {
    phase: 'active',
    sessionId: 's1',
    language: 'en',
    accessibility: {
      highContrast: false,
      largeText: false,
      audio: { on: false, volume: 7, rate: 100, voice: 'auto' },
    },
    flow: { service: 'home', step: 'services' },
    warning: null,
    extensionsLeft: 10,
    ...overrides,
  };
}
