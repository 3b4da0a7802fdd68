import type { LocalisedText } from '../../../electron/rpc/localised_text_schema.js';

/** The session language's text of a catalogue name or address (the four are always present). */
export function inLanguage(text: LocalisedText, language: string): string {
  return text[language as keyof LocalisedText] ?? text.en;
}

/** `850 m`, `1.2 km` (`1,2 km` in Portuguese), as the resident's language writes distances. */
export function formatDistance(metres: number, language: string): string {
  const km = metres >= 1000;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: km ? 'kilometer' : 'meter',
    maximumFractionDigits: km ? 1 : 0,
  }).format(km ? metres / 1000 : Math.round(metres / 10) * 10);
}

/** A calendar date (`2026-12-05`) as the resident's language writes it, in Macau. */
export function formatDay(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Asia/Macau' }).format(
    new Date(`${isoDate}T12:00:00+08:00`),
  );
}
