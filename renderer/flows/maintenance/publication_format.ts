import { useTranslation } from 'react-i18next';
import type { PublicationTitle } from '../../../electron/rpc/flows/publication_maintenance_views.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { formatMoney } from '../../../electron/rpc/money.js';
import { htmlLang } from '../../i18n/i18n.js';

/** The languages a title falls back through when it has none in the staff member's (a Portuguese-only code). */
const titleFallbacks: Record<Language, Language[]> = {
  'zh-Hant': ['zh-Hant', 'zh-Hans', 'pt', 'en'],
  'zh-Hans': ['zh-Hans', 'zh-Hant', 'en', 'pt'],
  pt: ['pt', 'en', 'zh-Hant', 'zh-Hans'],
  en: ['en', 'pt', 'zh-Hant', 'zh-Hans'],
};

/**
 * Figures of the publications tools in the staff member's language: money as money.ts writes it (the same text as
 * the receipt and the report), counts and shares through Intl, calendar days (`YYYY-MM-DD`, already Macau days) as
 * the locale writes them, and a publication's title in the nearest language it has.
 */
export function usePublicationFormat() {
  const { i18n } = useTranslation();
  const language = (i18n.language in titleFallbacks ? i18n.language : 'en') as Language;
  const locale = htmlLang[language];
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const axisPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  // The dates are calendar days: written in UTC so no time zone moves them to the day before.
  const shortDay = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const day = (date: string) => new Date(`${date}T00:00:00Z`);
  return {
    language,
    money: (avos: number) => formatMoney(avos, language),
    count: (n: number) => count.format(n),
    share: (share: number | null, none: string) => (share === null ? none : percent.format(share)),
    axisPercent: (points: number) => axisPercent.format(points / 100),
    shortDay: (date: string) => shortDay.format(day(date)),
    longDay: (date: string) => longDay.format(day(date)),
    title: (title: PublicationTitle | null, publicationId: string) => {
      if (title === null) return publicationId;
      for (const lang of titleFallbacks[language]) {
        const text = title[lang];
        if (text) return text;
      }
      return publicationId;
    },
  };
}
export type PublicationFormat = ReturnType<typeof usePublicationFormat>;
