import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, languages } from '../../electron/rpc/languages.js';

/** Every locales/<language>/<namespace>.json file, bundled at build time. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', {
  eager: true,
});

export function localeResources(): Resource {
  const resources: Resource = {};
  for (const [path, module] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] ??= {};
    resources[language][namespace] = module.default;
  }
  return resources;
}

/** BCP 47 tags for Intl and the `lang` attribute (fonts and screen readers pick the right variant from it). */
export const htmlLang: Record<Language, string> = {
  'zh-Hant': 'zh-Hant-MO',
  'zh-Hans': 'zh-Hans',
  pt: 'pt-MO',
  en: 'en-MO',
};

export function createI18n(initial: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: localeResources(),
    lng: initial,
    fallbackLng: false,
    supportedLngs: [...languages],
    ns: ['common', 'a11y'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
