import type { Result } from '../../lib/result.js';
import type { PcmAudio } from './wav.js';

/**
 * A text-to-speech engine behind the one interface the speech service uses, so a site can swap espeak-ng for
 * another offline engine (or a recorded-prompt set) without touching anything else. An engine is given the text
 * already in the language of its voice; it never sees message keys, settings or the session.
 */

/** The four voices audio guidance speaks: Cantonese, Mandarin, European Portuguese, English. */
export const engineVoices = ['yue', 'cmn', 'pt', 'en'] as const;
export type EngineVoice = (typeof engineVoices)[number];

export type SpeechEngineError =
  /** The engine's program is not installed. */
  | { code: 'engine-missing'; detail: string }
  | { code: 'engine-failed'; detail: string }
  | { code: 'timeout'; detail: string }
  | { code: 'bad-audio'; detail: string };

export interface SpeechEngine {
  /** Part of every cache key, so audio of one engine is never served for another. */
  readonly name: string;
  /** `ratePercent`: 100 is the engine's normal speed; 50–200. */
  render(text: string, voice: EngineVoice, ratePercent: number): Promise<Result<PcmAudio, SpeechEngineError>>;
}
