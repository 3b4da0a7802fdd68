/**
 * Time as the journal needs it: timestamps, and timers for its schedules. The kiosk's `Clock`
 * (electron/services/clock.ts) satisfies it, and tests pass their fake clock; the journal imports nothing above
 * itself.
 */
export interface JournalClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): () => void;
}

export function isoAt(clock: Pick<JournalClock, 'now'>): string {
  return new Date(clock.now()).toISOString();
}
