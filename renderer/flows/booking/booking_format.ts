import type { Language } from '../../../electron/rpc/languages.js';
import type { LocalisedText } from '../../../electron/rpc/localised_text_schema.js';
import { htmlLang } from '../../i18n/i18n.js';
import { useSessionStore } from '../../stores/session_store.js';

/**
 * Dates, times, money and names as the booking screens show them, in the session's language: Intl in that
 * language's locale, on Macau's clock whatever the machine's zone (Hengqin keeps the same time). Fees are
 * integer avos shown in patacas (MOP) as each locale writes money.
 */

const timeZone = 'Asia/Macau';

export interface BookingFormat {
  language: Language;
  /** A catalogue name in the session's language. */
  name(text: LocalisedText): string;
  /** `2023-11-20` → "Monday 20 November 2023" (or its local form). */
  date(calendarDate: string): string;
  /** The short form for a grid of days: "Mon 20 Nov". */
  day(calendarDate: string): string;
  /** An instant's date, long form. */
  dateOf(instant: string): string;
  /** An instant's time of day, 24-hour: "09:15". */
  time(instant: string): string;
  /** Avos as patacas: "MOP 240.00", "240,00 MOP"… */
  money(avos: number): string;
  /** A time to come relative to now: "in 2 hours", "2 小時後". */
  fromNow(instant: string, now?: number): string;
}

/** Noon in Macau on a calendar day: a stable instant to format a day with. */
const noonOf = (calendarDate: string) => new Date(`${calendarDate}T12:00:00+08:00`);

export function bookingFormat(language: Language): BookingFormat {
  const locale = htmlLang[language];
  const longDate = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  const shortDay = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'MOP',
    currencyDisplay: 'code',
  });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    language,
    name: (text) => text[language],
    date: (d) => longDate.format(noonOf(d)),
    day: (d) => shortDay.format(noonOf(d)),
    dateOf: (instant) => longDate.format(new Date(instant)),
    time: (instant) => time.format(new Date(instant)),
    money: (avos) => money.format(avos / 100),
    fromNow(instant, now = Date.now()) {
      const minutes = Math.round((Date.parse(instant) - now) / 60_000);
      if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
      const hours = Math.round(minutes / 60);
      if (Math.abs(hours) < 48) return relative.format(hours, 'hour');
      return relative.format(Math.round(hours / 24), 'day');
    },
  };
}

/**
 * One set of formatters per language for the whole renderer: building Intl formatters costs milliseconds on a
 * kiosk's CPU, and every step component that mounted built its own five (on each tap to the next step).
 */
const formats = new Map<Language, BookingFormat>();

export function useBookingFormat(): BookingFormat {
  const language = useSessionStore((s) => (s.view.phase === 'active' ? s.view.language : 'zh-Hant'));
  let format = formats.get(language);
  if (!format) {
    format = bookingFormat(language);
    formats.set(language, format);
  }
  return format;
}
