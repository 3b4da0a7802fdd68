import { useEffect, useId } from 'react';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { createResidentStore } from '../stores/resident_store.js';

/**
 * What each visible screen and overlay would say about itself: where the resident is, what is on it, what the keys
 * do. Screens register their announcement here (`useAnnouncement`); the one `Announcer` (announcer.tsx) speaks the
 * top one — an overlay over its screen, the latest among equals — whenever it appears or changes, when audio
 * guidance is turned on, and when the keypad wakes guidance up. A screen therefore never calls the speech RPC
 * itself, and its component tests need no speech.
 */
export type AnnouncementLayer = 'screen' | 'overlay';

interface Announcement {
  prompts: Prompt[];
  layer: AnnouncementLayer;
  /** Registration order: the latest of one layer is on top. */
  seq: number;
}

interface AnnouncementsState {
  byId: Record<string, Announcement>;
  nextSeq: number;
  set(id: string, prompts: Prompt[], layer: AnnouncementLayer): void;
  remove(id: string): void;
}

export const useAnnouncements = createResidentStore<AnnouncementsState>({ byId: {}, nextSeq: 1 }, (set) => ({
  set: (id, prompts, layer) =>
    set((s) => {
      const existing = s.byId[id];
      const seq = existing?.layer === layer ? existing.seq : s.nextSeq;
      return { byId: { ...s.byId, [id]: { prompts, layer, seq } }, nextSeq: s.nextSeq + 1 };
    }),
  remove: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.byId;
      return { byId: rest };
    }),
}));

/** The announcement to speak now: overlays before screens, the latest first. */
export function currentAnnouncement(state: Pick<AnnouncementsState, 'byId'>): Announcement | undefined {
  const rank = (a: Announcement) => (a.layer === 'overlay' ? 1e9 : 0) + a.seq;
  return Object.values(state.byId).sort((a, b) => rank(b) - rank(a))[0];
}

/**
 * Registers this component's announcement while it is mounted. Call it with prompts built from what the component
 * shows (values included), so a change of content (a countdown reaching 10 s, a print job getting stuck) is spoken.
 */
export function useAnnouncement(prompts: Prompt[], layer: AnnouncementLayer = 'screen'): void {
  const id = useId();
  const serialised = JSON.stringify(prompts);
  useEffect(() => {
    useAnnouncements.getState().set(id, JSON.parse(serialised) as Prompt[], layer);
  }, [id, serialised, layer]);
  useEffect(() => () => useAnnouncements.getState().remove(id), [id]);
}
