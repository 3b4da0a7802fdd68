import { describe, expect, it } from 'vitest';
import { languages } from '../../electron/rpc/languages.js';
import { applyAnnouncement } from '../../renderer/flows/locker_apply/apply_announcement.js';
import { pointPrompts } from '../../renderer/flows/locker_apply/point_step.js';
import { lockerApplyViews, sampleLockerPoint } from '../support/locker_apply_views.js';
import { unspeakablePrompts } from '../support/unspeakable_prompts.js';

/**
 * Every key the Smart Locker application screens speak (their announcements, and each point's button as the keypad
 * reaches it) exists in the main process's catalogue, in the four languages, with its values filled.
 */
describe('the keys the Smart Locker application screens speak', () => {
  it('every step, slip and problem, in the four languages', () => {
    for (const language of languages)
      for (const view of lockerApplyViews)
        expect(unspeakablePrompts(applyAnnouncement(view, language)), `${view.step} ${language}`).toEqual([]);
  });

  it('each point, free or full, near or here', () => {
    for (const prompts of [
      pointPrompts(sampleLockerPoint('near', 1), '1.7 km'),
      pointPrompts(sampleLockerPoint('here', 3, 0), null),
      pointPrompts(sampleLockerPoint('far', 0), '1.7 km'),
    ])
      expect(unspeakablePrompts(prompts)).toEqual([]);
  });
});
