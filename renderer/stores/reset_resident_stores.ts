import { useAccessibilityStore } from './accessibility_store.js';
import { useFlowStore } from './flow_store.js';
import { usePrintStore } from './print_store.js';
import { useSessionStore } from './session_store.js';

/**
 * Drops everything the last resident left in the renderer. Every store that can hold a resident's data or
 * choices must be reset here; the session-end test checks it.
 */
export function resetResidentStores(): void {
  useSessionStore.getState().reset();
  useFlowStore.getState().reset();
  useAccessibilityStore.getState().reset();
  usePrintStore.getState().reset();
}
