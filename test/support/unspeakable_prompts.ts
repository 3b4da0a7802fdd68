import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { languages } from '../../electron/rpc/languages.js';
import { SpeechCatalogue } from '../../electron/speech/speech_catalogue.js';

const catalogue = new SpeechCatalogue();

/**
 * The prompts audio guidance could not say, as `<language>:<key>`: a key missing from the main process's speech
 * catalogue in one of the four languages, or a value it needs left out. Spoken-keys tests expect none.
 */
export function unspeakablePrompts(prompts: readonly Prompt[]): string[] {
  return languages.flatMap((language) =>
    prompts.flatMap((prompt) => (catalogue.text(prompt, language).ok ? [] : [`${language}:${prompt.key}`])),
  );
}
