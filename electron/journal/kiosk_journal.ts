import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type JournalOpenError, type JournalOpenResult, openJournal } from './journal_database.js';

/** Opens the configured journal, creating its folder on a fresh kiosk. ':memory:' is for tests. */
export function openKioskJournal(path: string): JournalOpenResult {
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      return { ok: false, error: { code: 'cannot-open', detail: (error as Error).message } };
    }
  }
  return openJournal(path);
}

export function formatJournalError(path: string, error: JournalOpenError): string {
  const detail = 'detail' in error ? error.detail : JSON.stringify(error);
  return `Balcão cannot start: the journal ${path} cannot be opened (${error.code}: ${detail}).`;
}
