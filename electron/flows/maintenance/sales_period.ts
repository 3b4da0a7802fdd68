import { dayMs, macauMidnight } from '../../../lib/macau_time.js';
import type { SalesPeriod } from '../../rpc/flows/maintenance_choices.js';

/**
 * The calendar days of a Publications sales period, ending today in Macau: the last 7, 30 or 90 days (today
 * included), or since 1 January. Dates are `YYYY-MM-DD`; arithmetic goes through Macau midnights (UTC+8, no
 * daylight saving), so a period is always whole days.
 */

const lengthInDays: Record<Exclude<SalesPeriod, 'year'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

function addDays(date: string, days: number): string {
  return new Date(macauMidnight(date) + days * dayMs + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function salesPeriodDates(period: SalesPeriod, today: string): { from: string; to: string } {
  if (period === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  return { from: addDays(today, 1 - lengthInDays[period]), to: today };
}

/** Every date from `from` to `to`, both included, in order. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}
