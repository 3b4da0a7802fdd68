/**
 * Macau keeps UTC+8 all year (no daylight saving), so local times are plain arithmetic on epoch milliseconds. The
 * embedded backend stores epoch milliseconds and writes ISO 8601 with the `+08:00` offset on the wire; the flows
 * print and compare times the same way.
 */

const offsetMs = 8 * 3_600_000;
export const minuteMs = 60_000;
export const dayMs = 86_400_000;

/** `2026-03-02T09:00:00+08:00` */
export function macauIso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + offsetMs).toISOString().slice(0, 19)}+08:00`;
}

/** `2026-03-02` */
export function macauDate(ms: number): string {
  return new Date(ms + offsetMs).toISOString().slice(0, 10);
}

/** Epoch milliseconds of 00:00 in Macau on a `YYYY-MM-DD` day. */
export function macauMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

/** 0 = Sunday … 6 = Saturday, in Macau. */
export function macauWeekday(ms: number): number {
  return new Date(ms + offsetMs).getUTCDay();
}

/** `HH:MM` in Macau. */
export function macauClockTime(ms: number): string {
  return new Date(ms + offsetMs).toISOString().slice(11, 16);
}
