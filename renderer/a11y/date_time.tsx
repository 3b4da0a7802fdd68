import { useEffect, useState } from 'react';
import type { Language } from '../../electron/rpc/languages.js';
import { htmlLang } from '../i18n/i18n.js';

/** Macau's wall clock, whatever the kiosk's OS zone (Hengqin keeps the same offset). */
const timeZone = 'Asia/Macau';

const formats = new Map<Language, Intl.DateTimeFormat>();
function formatOf(language: Language): Intl.DateTimeFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(htmlLang[language], {
      weekday: 'long',
      day: 'numeric',
      month: language === 'pt' ? '2-digit' : 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    formats.set(language, format);
  }
  return format;
}

/**
 * The date and time in the resident's language, on every screen of a session (a resident who lost track of time
 * in a queue, or who must be somewhere, sees it without asking). Not a live region: a minute ticking by is not news.
 */
export function DateTimeDisplay({ language }: { language: Language }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="top-bar__time" dateTime={now.toISOString()} data-testid="date-time">
      {formatOf(language).format(now)}
    </time>
  );
}
