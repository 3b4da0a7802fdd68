import { useTranslation } from 'react-i18next';
import type { Language } from '../../../electron/rpc/languages.js';
import { htmlLang } from '../../i18n/i18n.js';

/**
 * Times, sizes and durations on the maintenance screens, through Intl in the staff member's language. Times are
 * Macau time whatever the kiosk's own clock zone, as staff read them against their rota and the audit log.
 */
export function useMaintenanceFormat() {
  const { i18n } = useTranslation();
  const locale = htmlLang[i18n.language as Language] ?? 'en-MO';
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'medium',
    hourCycle: 'h23',
    timeZone: 'Asia/Macau',
  });
  const clock = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Macau',
  });
  const unit = (value: number, name: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, maximumFractionDigits: 1 }).format(value);
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    clock: (iso: string) => clock.format(new Date(iso)),
    bytes(n: number): string {
      if (n >= 1e9) return unit(n / 1e9, 'gigabyte');
      if (n >= 1e6) return unit(n / 1e6, 'megabyte');
      if (n >= 1e3) return unit(n / 1e3, 'kilobyte');
      return unit(n, 'byte');
    },
    duration(seconds: number): string {
      const days = Math.floor(seconds / 86_400);
      const hours = Math.floor((seconds % 86_400) / 3600);
      const minutes = Math.floor((seconds % 3600) / 60);
      const parts = [
        days > 0 ? unit(days, 'day') : null,
        days > 0 || hours > 0 ? unit(hours, 'hour') : null,
        unit(minutes, 'minute'),
      ];
      return parts.filter((p) => p !== null).join(' ');
    },
  };
}
