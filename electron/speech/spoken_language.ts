import type { AudioSettings } from '../rpc/guidance_contract.js';
import type { Language } from '../rpc/languages.js';
import type { EngineVoice } from './speech_engine.js';

/**
 * Which language the kiosk speaks, and with which voice. Portuguese and English speak as the screen reads. For
 * Chinese the voice decides: Cantonese speaks the Traditional Chinese messages (what Cantonese readers read),
 * Mandarin the Simplified ones — so a Cantonese speaker at a Hengqin kiosk, with the screen in Simplified Chinese,
 * hears the Macau wording in Cantonese rather than Simplified text read with Cantonese sounds.
 */
export function spokenLanguageOf(screen: Language, voice: AudioSettings['voice']): Language {
  if (screen !== 'zh-Hant' && screen !== 'zh-Hans') return screen;
  switch (voice) {
    case 'auto':
      return screen;
    case 'yue':
      return 'zh-Hant';
    case 'cmn':
      return 'zh-Hans';
    default: {
      const unreachable: never = voice;
      return unreachable;
    }
  }
}

export function engineVoiceOf(spoken: Language): EngineVoice {
  switch (spoken) {
    case 'zh-Hant':
      return 'yue';
    case 'zh-Hans':
      return 'cmn';
    case 'pt':
      return 'pt';
    case 'en':
      return 'en';
    default: {
      const unreachable: never = spoken;
      return unreachable;
    }
  }
}
