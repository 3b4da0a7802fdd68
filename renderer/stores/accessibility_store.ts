import { create } from 'zustand';

interface AccessibilityState {
  highContrast: boolean;
  largeText: boolean;
  panelOpen: boolean;
  toggleHighContrast(): void;
  toggleLargeText(): void;
  setPanelOpen(open: boolean): void;
  reset(): void;
}

/** One resident's display preferences: they end with the session, the next resident starts from the default. */
export const useAccessibilityStore = create<AccessibilityState>((set) => ({
  highContrast: false,
  largeText: false,
  panelOpen: false,
  toggleHighContrast: () => set((s) => ({ highContrast: !s.highContrast })),
  toggleLargeText: () => set((s) => ({ largeText: !s.largeText })),
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  reset: () => set({ highContrast: false, largeText: false, panelOpen: false }),
}));
