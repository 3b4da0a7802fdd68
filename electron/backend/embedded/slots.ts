import type Database from 'better-sqlite3';
import {
  dayMs,
  macauDate,
  macauIso,
  macauMidnight,
  macauWeekday,
  minuteMs,
} from '../../../lib/macau_time.js';
import type { Slot } from '../contract/bookings.js';
import type { Centre } from '../contract/catalogue.js';

/**
 * Appointment slots of the embedded backend: every centre with counter hours (`09:00-17:45`) gets 15-minute slots
 * on weekdays, three places each, for the coming eight weeks. Each open tops the horizon up (INSERT OR IGNORE on
 * a deterministic id), so a kiosk left running for months still offers slots; a self-service-only centre
 * (`24h`) has none. Public holidays are not modelled.
 */

export const slotMinutes = 15;
export const slotCapacity = 3;
export const horizonDays = 56;

/** Minutes after midnight of the first and last counter time, or undefined for a centre without counters. */
export function counterWindow(counterHours: string): { open: number; close: number } | undefined {
  const match = /(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})/.exec(counterHours);
  if (!match) return undefined;
  const [, oh, om, ch, cm] = match.map(Number) as [number, number, number, number, number];
  const open = oh * 60 + om;
  const close = ch * 60 + cm;
  return close > open ? { open, close } : undefined;
}

export function slotId(centreId: string, startsAt: number): string {
  return `${centreId}/${macauIso(startsAt).slice(0, 16)}`;
}

export function topUpSlots(db: Database.Database, centres: readonly Centre[], now: number): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO slots (id, centre_id, starts_at, ends_at, capacity) VALUES (?, ?, ?, ?, ?)',
  );
  const today = macauMidnight(macauDate(now));
  for (const centre of centres) {
    const window = counterWindow(centre.counterHours);
    if (!window) continue;
    for (let day = 0; day <= horizonDays; day++) {
      const midnight = today + day * dayMs;
      const weekday = macauWeekday(midnight);
      if (weekday === 0 || weekday === 6) continue;
      for (let m = window.open; m + slotMinutes <= window.close; m += slotMinutes) {
        const start = midnight + m * minuteMs;
        insert.run(slotId(centre.id, start), centre.id, start, start + slotMinutes * minuteMs, slotCapacity);
      }
    }
  }
}

export interface SlotRow {
  id: string;
  centre_id: string;
  starts_at: number;
  ends_at: number;
  capacity: number;
  booked: number;
}

export function slotOfRow(row: SlotRow): Slot {
  return {
    slotId: row.id,
    centreId: row.centre_id,
    start: macauIso(row.starts_at),
    end: macauIso(row.ends_at),
    capacity: row.capacity,
    free: row.capacity - row.booked,
  };
}

export function findSlot(db: Database.Database, id: string): SlotRow | undefined {
  return db.prepare('SELECT * FROM slots WHERE id = ?').get(id) as SlotRow | undefined;
}

/** Future slots with a free place at a centre, from `from` (epoch ms) on, earliest first. */
export function freeSlots(
  db: Database.Database,
  centreId: string,
  from: number,
  until: number,
  limit: number,
): SlotRow[] {
  return db
    .prepare(
      `SELECT * FROM slots WHERE centre_id = ? AND starts_at >= ? AND starts_at < ? AND booked < capacity
       ORDER BY starts_at LIMIT ?`,
    )
    .all(centreId, from, until, limit) as SlotRow[];
}
