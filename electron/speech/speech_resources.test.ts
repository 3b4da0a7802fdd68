import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languages } from '../rpc/languages.js';
import { speechNamespaces, unspokenNamespaces } from './speech_resources.js';

describe('the words audio guidance can speak', () => {
  it('include every namespace of the locale files that a screen shows, in every language', () => {
    for (const language of languages) {
      const files = readdirSync(`locales/${language}`)
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length));
      const shown = files.filter((namespace) => !(namespace in unspokenNamespaces)).sort();
      expect(
        [...speechNamespaces].sort(),
        `every locales/${language}/<namespace>.json a screen shows must be speakable: add a new flow's four ` +
          'imports to electron/speech/speech_resources.ts (and its case to isSpokenAhead in speech_setup.ts)',
      ).toEqual(shown);
    }
  });
});
