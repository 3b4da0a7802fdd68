/**
 * The languages a printed document can carry, the bilingual pairing Macau's government prints (the resident's
 * language with Portuguese, or Chinese with Portuguese when the resident chose Portuguese), the message lookup
 * from locales/<lng>/documents.json, and the date/number formats of each language.
 */

import { z } from 'zod';
import en from '../../locales/en/documents.json' with { type: 'json' };
import pt from '../../locales/pt/documents.json' with { type: 'json' };
import zhHans from '../../locales/zh-Hans/documents.json' with { type: 'json' };
import zhHant from '../../locales/zh-Hant/documents.json' with { type: 'json' };
import type { ChineseScript } from './fonts/font_config.js';

export const documentLanguages = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;
export const DocumentLanguageSchema = z.enum(documentLanguages);
export type DocumentLanguage = z.infer<typeof DocumentLanguageSchema>;

/** A name that comes from the catalogue (service, department, centre) in every language. */
export const LocalisedTextSchema = z.object({
  'zh-Hant': z.string().min(1).max(120),
  'zh-Hans': z.string().min(1).max(120),
  pt: z.string().min(1).max(120),
  en: z.string().min(1).max(120),
});
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;

type Messages = typeof zhHant;
const messages: Record<DocumentLanguage, Messages> = { 'zh-Hant': zhHant, 'zh-Hans': zhHans, pt, en };

export interface LanguagePair {
  primary: DocumentLanguage;
  secondary: DocumentLanguage;
}

export function languagePair(chosen: DocumentLanguage): LanguagePair {
  return { primary: chosen, secondary: chosen === 'pt' ? 'zh-Hant' : 'pt' };
}

/** Simplified Chinese documents use the SC-first font chain; every other pair prints Macau's Traditional forms. */
export function scriptFor(pair: LanguagePair): ChineseScript {
  return pair.primary === 'zh-Hans' ? 'simplified' : 'traditional';
}

/** Dotted key paths into the documents namespace whose value is a string, e.g. `queue.title`. */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = LeafPaths<Messages>;

/** Looks up a message and fills `{{name}}` placeholders. A missing key is a bug (the locale test forbids it). */
export function message(lng: DocumentLanguage, key: MessageKey, values: Record<string, string> = {}): string {
  let node: unknown = messages[lng];
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`documents.${key} missing in ${lng}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

const intlLocale: Record<DocumentLanguage, string> = {
  'zh-Hant': 'zh-Hant-MO',
  'zh-Hans': 'zh-Hans-CN',
  pt: 'pt-PT',
  en: 'en-GB',
};

/** Printed times are Macau's wall clock whatever the kiosk's OS zone is (Hengqin keeps the same offset). */
const timeZone = 'Asia/Macau';

/** Building an Intl formatter costs far more than using one: keep one per language and style. */
function formatters<T>(make: (lng: DocumentLanguage) => T): (lng: DocumentLanguage) => T {
  const made = new Map<DocumentLanguage, T>();
  return (lng) => {
    let formatter = made.get(lng);
    if (formatter === undefined) {
      formatter = make(lng);
      made.set(lng, formatter);
    }
    return formatter;
  };
}

const dateFormat = formatters(
  (lng) =>
    new Intl.DateTimeFormat(intlLocale[lng], {
      ...(lng === 'pt'
        ? { day: '2-digit', month: '2-digit', year: 'numeric' }
        : { day: 'numeric', month: 'long', year: 'numeric' }),
      timeZone,
    }),
);
const timeFormat = formatters(
  (lng) =>
    new Intl.DateTimeFormat(intlLocale[lng], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }),
);
const integerFormat = formatters(
  (lng) => new Intl.NumberFormat(intlLocale[lng], { maximumFractionDigits: 0 }),
);

/** 2025年6月20日 · 20/06/2025 · 20 June 2025. */
export function formatDate(lng: DocumentLanguage, date: Date): string {
  return dateFormat(lng).format(date);
}

/** 24-hour `14:05`. */
export function formatTime(lng: DocumentLanguage, date: Date): string {
  return timeFormat(lng).format(date);
}

export function formatDateTime(lng: DocumentLanguage, date: Date): string {
  return `${formatDate(lng, date)} ${formatTime(lng, date)}`;
}

/** A calendar date with no time of day (birth, expiry): printed as is, no zone shift. */
export function formatCalendarDate(lng: DocumentLanguage, isoDate: string): string {
  return formatDate(lng, new Date(`${isoDate}T12:00:00+08:00`));
}

export function formatInteger(lng: DocumentLanguage, value: number): string {
  return integerFormat(lng).format(value);
}
