import { describe, expect, it } from 'vitest';
import { badgeRefusals, type StaffSignInFlowView } from '../../electron/rpc/flows/staff_sign_in_contract.js';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { languages } from '../../electron/rpc/languages.js';
import { SpeechCatalogue } from '../../electron/speech/speech_catalogue.js';
import { staffSignInAnnouncement } from '../../renderer/flows/staff_sign_in/staff_sign_in_announcement.js';

/**
 * Staff sign-in spoken: every step, refusal and problem has words in the main process's catalogue in the four
 * languages (a key it does not know is refused and the staff member would hear silence), and neither the staff
 * member's name nor id is ever among what is said.
 */
const catalogue = new SpeechCatalogue();
const staff = { service: 'staff-sign-in' as const, staffName: 'LEONG Ka Wai 梁家偉', staffId: 'S0002' };

const views: StaffSignInFlowView[] = [
  { service: 'staff-sign-in', step: 'badge', refused: null },
  ...badgeRefusals.map(
    (refused): StaffSignInFlowView => ({ service: 'staff-sign-in', step: 'badge', refused }),
  ),
  { ...staff, step: 'pin', attemptsLeft: 3, problem: null },
  { ...staff, step: 'pin', attemptsLeft: 1, problem: 'wrong-pin' },
  { ...staff, step: 'pin', attemptsLeft: 2, problem: 'unavailable' },
  { ...staff, step: 'checking' },
  { ...staff, step: 'locked', until: '2026-12-02T07:30:00.000Z' },
  { ...staff, step: 'waiting', transactions: 2 },
];

function spokenTexts(prompts: Prompt[]): { missing: string[]; texts: string[] } {
  const missing: string[] = [];
  const texts: string[] = [];
  for (const language of languages)
    for (const prompt of prompts) {
      const text = catalogue.text(prompt, language);
      if (text.ok) texts.push(String(text.value));
      else missing.push(`${language}:${prompt.key}`);
    }
  return { missing, texts };
}

describe('staff sign-in, spoken', () => {
  it.each(views.map((view) => [`${view.step} ${JSON.stringify(view)}`, view] as const))('%s', (_, view) => {
    const prompts = staffSignInAnnouncement(view, view.step === 'locked' ? '15:30:00' : null);
    const { missing, texts } = spokenTexts(prompts);
    expect(missing).toEqual([]);
    for (const text of texts) {
      expect(text).not.toContain('LEONG');
      expect(text).not.toContain('S0002');
    }
  });

  it('says what changed: the refusal, the wrong PIN and the attempts left, the lock’s end, the transactions', () => {
    const keys = (view: StaffSignInFlowView, until: string | null = null) =>
      staffSignInAnnouncement(view, until).map((p) => p.key);
    expect(keys({ service: 'staff-sign-in', step: 'badge', refused: 'expired' })).toEqual([
      'staff-sign-in:title.badge',
      'staff-sign-in:badge.refused.expired',
      'staff-sign-in:badge.prompt',
      'staff-sign-in:keys.badge',
    ]);
    expect(
      staffSignInAnnouncement({ ...staff, step: 'pin', attemptsLeft: 1, problem: 'wrong-pin' }, null),
    ).toEqual([
      { key: 'staff-sign-in:title.pin' },
      { key: 'staff-sign-in:pin.problem.wrong-pin' },
      { key: 'staff-sign-in:pin.attemptsLeft', values: { count: 1 } },
      { key: 'staff-sign-in:keys.pin' },
    ]);
    expect(
      spokenTexts(staffSignInAnnouncement({ ...staff, step: 'locked', until: 'x' }, '15:30:00')).texts,
    ).toContain('Too many wrong PINs. This badge can try again at 15:30:00.');
  });
});
