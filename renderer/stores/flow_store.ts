import { create } from 'zustand';
import type { ServiceId } from '../../electron/rpc/service_ids.js';

export type Screen =
  | { name: 'attract' }
  | { name: 'language' }
  | { name: 'home' }
  | { name: 'service'; service: ServiceId };

interface FlowState {
  screen: Screen;
  go(screen: Screen): void;
  reset(): void;
}

/** Where the resident is in the kiosk's screens. */
export const useFlowStore = create<FlowState>((set) => ({
  screen: { name: 'attract' },
  go: (screen) => set({ screen }),
  reset: () => set({ screen: { name: 'attract' } }),
}));
