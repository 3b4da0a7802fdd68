import { createResidentStore } from './resident_store.js';

interface AccessibilityPanelState {
  open: boolean;
  setOpen(open: boolean): void;
}

/**
 * Whether the accessibility panel is open. The settings themselves (high contrast, large text) belong to the
 * session in the main process, so a reload keeps them; only the open panel is the renderer's own.
 */
export const useAccessibilityPanel = createResidentStore<AccessibilityPanelState>({ open: false }, (set) => ({
  setOpen: (open) => set({ open }),
}));
