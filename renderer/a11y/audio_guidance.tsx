import { memo, useEffect, useMemo, useRef } from 'react';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import type { RpcClient } from '../rpc/rpc_client.js';
import { useSessionStore } from '../stores/session_store.js';
import { currentAnnouncement, useAnnouncements } from './announcements.js';
import { FocusManager } from './focus_manager.js';
import { onKeypadKey } from './keypad_events.js';

/** How long after a keypad key, with no session, the attract and out-of-service screens may speak (as main). */
const armedForMs = 60_000;
/** How long a session screen may stay without an announcement before the resident is told it has none. */
const silentScreenMs = 600;
const noGuidance: Prompt[] = [{ key: 'focus.noGuidance' }];

/**
 * The renderer's half of audio guidance and keypad operation, mounted once in the app:
 * - speaks the current screen's announcement (announcements.ts) when it appears or changes, when audio guidance is
 *   turned on, and when a keypad key wakes guidance up — replacing whatever was being said;
 * - hands every other key to the focus manager, which moves through the screen's actions and speaks them.
 * The main process decides whether anything is heard (the session's setting); this only avoids asking in vain.
 */
export const AudioGuidance = memo(function AudioGuidance({ client }: { client: RpcClient }) {
  const audioOn = useSessionStore((s) => s.view.phase === 'active' && s.view.accessibility.audio.on);
  const inSession = useSessionStore((s) => s.view.phase === 'active');
  // A new language is a new announcement, even with the same message keys.
  const language = useSessionStore((s) => (s.view.phase === 'active' ? s.view.language : null));
  const announcement = useAnnouncements(currentAnnouncement);
  const armedUntil = useRef(0);
  const state = useRef({ audioOn, inSession, announcement });
  state.current = { audioOn, inSession, announcement };

  const effects = useMemo(() => {
    const audible = () =>
      state.current.inSession ? state.current.audioOn : performance.now() < armedUntil.current;
    const speak = (prompts: Prompt[]) => {
      if (prompts.length > 0 && audible()) void client.call('speech.say', { prompts, mode: 'replace' });
    };
    const screenPrompts = (): Prompt[] =>
      state.current.announcement?.prompts ?? (state.current.inSession ? noGuidance : []);
    const append = (prompts: Prompt[]) => {
      if (prompts.length > 0 && audible()) void client.call('speech.say', { prompts, mode: 'append' });
    };
    return { speak, append, repeatScreen: () => speak(screenPrompts()) };
  }, [client]);
  const manager = useMemo(() => new FocusManager(document, effects), [effects]);
  // What the current announcement said last, to tell what changed in it while the resident types.
  const said = useRef<{ id: string; prompts: string[] } | null>(null);

  // A new session language changes what is said only for prompts that follow it (the language screen's each name
  // their own language, and must not start again when a language is chosen).
  const followsLanguage = announcement?.prompts.some((prompt) => prompt.language === undefined) ?? false;
  const spokenKey = announcement
    ? `${followsLanguage ? language : ''}/${announcement.layer}/${announcement.seq}/${JSON.stringify(announcement.prompts)}`
    : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: speak again exactly when the announcement, or audio being on, changes
  useEffect(() => {
    if (!audioOn) return;
    if (announcement) {
      const id = `${language}/${announcement.layer}/${announcement.seq}`;
      const prompts = announcement.prompts.map((prompt) => JSON.stringify(prompt));
      const before = said.current;
      said.current = { id, prompts };
      // While the keypad types on the screen's keyboard, a change of the same screen's words (the results found for
      // what was typed) is said after the key, and only what changed: not the whole screen at every key.
      if (before?.id === id && manager.inGrid) {
        effects.append(announcement.prompts.filter((_, i) => !before.prompts.includes(prompts[i] ?? '')));
        return;
      }
      effects.repeatScreen();
      return;
    }
    // A screen that does not announce itself (a flow not yet covered): after a moment — a screen being replaced has
    // none for an instant — say so, and that Help calls a member of staff, rather than leave the resident in silence.
    const timer = setTimeout(() => {
      if (!state.current.announcement) effects.repeatScreen();
    }, silentScreenMs);
    return () => clearTimeout(timer);
  }, [spokenKey, audioOn, effects, manager]);

  useEffect(() => {
    const offKeys = onKeypadKey((event) => {
      if (!state.current.inSession) armedUntil.current = performance.now() + armedForMs;
      if (event.wake) {
        // The first key only wakes guidance: in a session the screen speaks when audio turns on (above).
        if (!state.current.inSession) effects.repeatScreen();
        return;
      }
      manager.press(event.key);
    });
    const onPointer = () => manager.release();
    window.addEventListener('pointerdown', onPointer, { capture: true, passive: true });
    return () => {
      offKeys();
      window.removeEventListener('pointerdown', onPointer, { capture: true });
    };
  }, [effects, manager]);

  return null;
});
