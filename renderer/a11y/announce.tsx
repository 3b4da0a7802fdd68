import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { type AnnouncementLayer, useAnnouncement } from './announcements.js';

/**
 * `useAnnouncement` as an element, for a screens switch that chooses among step components which do not announce
 * themselves: it stays mounted across steps and speaks again whenever its prompts change.
 */
export function Announce({ prompts, layer = 'screen' }: { prompts: Prompt[]; layer?: AnnouncementLayer }) {
  useAnnouncement(prompts, layer);
  return null;
}
