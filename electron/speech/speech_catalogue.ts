import i18next, { type i18n as I18n } from 'i18next';
import { err, ok, type Result } from '../../lib/result.js';
import enA11y from '../../locales/en/a11y.json' with { type: 'json' };
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import enSpeech from '../../locales/en/speech.json' with { type: 'json' };
import ptA11y from '../../locales/pt/a11y.json' with { type: 'json' };
import ptCommon from '../../locales/pt/common.json' with { type: 'json' };
import ptSpeech from '../../locales/pt/speech.json' with { type: 'json' };
import hansA11y from '../../locales/zh-Hans/a11y.json' with { type: 'json' };
import hansCommon from '../../locales/zh-Hans/common.json' with { type: 'json' };
import hansSpeech from '../../locales/zh-Hans/speech.json' with { type: 'json' };
import hantA11y from '../../locales/zh-Hant/a11y.json' with { type: 'json' };
import hantCommon from '../../locales/zh-Hant/common.json' with { type: 'json' };
import hantSpeech from '../../locales/zh-Hant/speech.json' with { type: 'json' };
import type { Prompt, SpokenValue } from '../rpc/guidance_contract.js';
import { type Language, languages } from '../rpc/languages.js';

/**
 * The words audio guidance speaks, all from the locale files: a message key is looked up in `speech` first (where
 * the spoken words differ from the screen's: "Press Enter" instead of "Touch the screen"), then `a11y`, then the
 * screen's own `common` — so a screen's title is spoken exactly as it is shown unless speech.json says otherwise.
 * Plurals and `{{placeholders}}` work as on screen (i18next in the main process too).
 */
const namespaces = ['speech', 'a11y', 'common'] as const;

const resources = {
  'zh-Hant': { speech: hantSpeech, a11y: hantA11y, common: hantCommon },
  'zh-Hans': { speech: hansSpeech, a11y: hansA11y, common: hansCommon },
  pt: { speech: ptSpeech, a11y: ptA11y, common: ptCommon },
  en: { speech: enSpeech, a11y: enA11y, common: enCommon },
};

export type CatalogueError = { code: 'unknown-message'; key: string };

export class SpeechCatalogue {
  readonly #i18n: I18n;

  constructor() {
    this.#i18n = i18next.createInstance();
    void this.#i18n.init({
      resources,
      lng: 'en',
      fallbackLng: false,
      supportedLngs: [...languages],
      ns: [...namespaces],
      defaultNS: 'speech',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  }

  /** Whether `key` names a message (with `count`, a plural family `key_one`/`key_other` counts too). */
  has(key: string, count?: number): boolean {
    return this.#i18n.exists(key, {
      ns: [...namespaces],
      lng: 'en',
      ...(count === undefined ? {} : { count }),
    });
  }

  /** The text of `prompt` in `language`, with its values filled in that language. */
  text(prompt: Prompt, language: Language): Result<string, CatalogueError> {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(prompt.values ?? {})) {
      const filled = this.#value(value, language);
      if (!filled.ok) return filled;
      values[name] = filled.value;
    }
    const count = typeof values.count === 'number' ? values.count : undefined;
    if (!this.has(prompt.key, count)) return err({ code: 'unknown-message', key: prompt.key });
    return ok(this.#i18n.t(prompt.key, { ns: [...namespaces], lng: language, ...values }));
  }

  /**
   * Every message key without placeholders that `select` keeps: what can be rendered ahead of time, before any
   * resident asks. A plural family counts once, under its base key.
   */
  staticKeys(select: (namespace: (typeof namespaces)[number], key: string) => boolean): string[] {
    const keys = new Set<string>();
    const walk = (namespace: (typeof namespaces)[number], tree: unknown, prefix: string) => {
      if (typeof tree === 'string') {
        const key = prefix.replace(/_(one|other)$/, '');
        if (!tree.includes('{{') && select(namespace, key)) keys.add(key);
        return;
      }
      if (typeof tree !== 'object' || tree === null) return;
      for (const [name, child] of Object.entries(tree))
        walk(namespace, child, prefix ? `${prefix}.${name}` : name);
    };
    for (const namespace of namespaces) walk(namespace, resources.en[namespace], '');
    return [...keys].sort();
  }

  #value(value: SpokenValue, language: Language): Result<string | number, CatalogueError> {
    if (typeof value === 'number' || typeof value === 'string') return ok(value);
    if ('text' in value) return ok(value.text[language]);
    if (!this.has(value.key)) return err({ code: 'unknown-message', key: value.key });
    return ok(this.#i18n.t(value.key, { ns: [...namespaces], lng: language }));
  }
}
