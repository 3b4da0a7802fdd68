import { useTranslation } from 'react-i18next';
import type { PartialTextView } from '../../../electron/rpc/flows/publications_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { formatMoney } from '../../../electron/rpc/money.js';

/**
 * A publication's title or text exists in the languages the real publication has (the codes are bilingual Chinese
 * and Portuguese, few have English): the resident's language first, then the nearest one, so a Simplified Chinese
 * session reads Traditional Chinese before Portuguese, and an English one reads Portuguese before Chinese.
 */
const fallbacks: Record<Language, readonly Language[]> = {
  'zh-Hant': ['zh-Hant', 'zh-Hans', 'en', 'pt'],
  'zh-Hans': ['zh-Hans', 'zh-Hant', 'en', 'pt'],
  pt: ['pt', 'en', 'zh-Hant', 'zh-Hans'],
  en: ['en', 'pt', 'zh-Hant', 'zh-Hans'],
};

export function textIn(text: PartialTextView, language: Language): { text: string; lang: Language } {
  for (const l of fallbacks[language]) {
    const found = text[l];
    if (found) return { text: found, lang: l };
  }
  return { text: '', lang: language };
}

/** The session's language, a text in it (with the language it is really in, for `lang=`), and money in it. */
export function usePublicationFormat() {
  const { i18n } = useTranslation('publications');
  const language = i18n.language as Language;
  return {
    language,
    text: (text: PartialTextView) => textIn(text, language),
    money: (avos: number) => formatMoney(avos, language),
  };
}

/** What a screen reader and the speech should call the text's language (`zh-Hant` → `zh-Hant-MO`). */
export function htmlLangOf(language: Language): string {
  switch (language) {
    case 'zh-Hant':
      return 'zh-Hant-MO';
    case 'zh-Hans':
      return 'zh-Hans';
    case 'pt':
      return 'pt-MO';
    case 'en':
      return 'en-MO';
    default: {
      const unreachable: never = language;
      return unreachable;
    }
  }
}
