import i18next, { type i18n as I18n } from 'i18next';
import { err, ok, type Result } from '../../lib/result.js';
import type { Prompt, SpokenValue } from '../rpc/guidance_contract.js';
import { type Language, languages } from '../rpc/languages.js';
import {
  fallbackNamespaces,
  type SpeechNamespace,
  speechNamespaces,
  speechResources,
} from './speech_resources.js';

/**
 * The words audio guidance speaks, all from the locale files (speech_resources.ts): a bare message key is looked up
 * in `speech` first (where the spoken words differ from the screen's: "Press Enter" instead of "Touch the screen"),
 * then `a11y`, then `common`; a flow's words by `namespace:key` — so a screen's title is spoken exactly as it is
 * shown unless speech.json says otherwise. Plurals and `{{placeholders}}` work as on screen (i18next in the main
 * process too).
 */
const namespaces = [...fallbackNamespaces];
const resources = speechResources;

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
      ns: [...speechNamespaces],
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
  staticKeys(select: (namespace: SpeechNamespace, key: string) => boolean): string[] {
    const keys = new Set<string>();
    const fallback: readonly string[] = fallbackNamespaces;
    const walk = (namespace: SpeechNamespace, tree: unknown, prefix: string) => {
      if (typeof tree === 'string') {
        const key = prefix.replace(/_(one|other)$/, '');
        const named = fallback.includes(namespace) ? key : `${namespace}:${key}`;
        if (!tree.includes('{{') && select(namespace, key)) keys.add(named);
        return;
      }
      if (typeof tree !== 'object' || tree === null) return;
      for (const [name, child] of Object.entries(tree))
        walk(namespace, child, prefix ? `${prefix}.${name}` : name);
    };
    for (const namespace of speechNamespaces) walk(namespace, resources.en[namespace], '');
    return [...keys].sort();
  }

  #value(value: SpokenValue, language: Language): Result<string | number, CatalogueError> {
    if (typeof value === 'number' || typeof value === 'string') return ok(value);
    if ('text' in value) return ok(value.text[language]);
    if (!this.has(value.key)) return err({ code: 'unknown-message', key: value.key });
    return ok(this.#i18n.t(value.key, { ns: [...namespaces], lng: language }));
  }
}
