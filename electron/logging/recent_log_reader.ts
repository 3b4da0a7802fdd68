/**
 * Reads the recent log (recent_log_file.ts) back for staff: every line of every kept file, parsed, filtered by
 * event, device and time, newest first. A line that is not JSON of the logger's shape (a torn last line after a
 * power cut, a file edited by hand) is skipped and counted, never shown as if it were an event.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isLogEventId, type LogDisposition, type LogEventId } from './log_events.js';
import { type RecentLogLocation, recentLogFiles } from './recent_log_file.js';

export interface RecentLogLine {
  /** Epoch milliseconds. */
  time: number;
  event: LogEventId;
  disposition: LogDisposition;
  level: string;
  /** The device the line is about (`deviceId`, or `printerId` for print jobs), if any. */
  deviceId: string | null;
  /** The line's other fields (ids, states, codes), as logged. */
  fields: Record<string, unknown>;
}

export interface RecentLogFilter {
  event?: LogEventId;
  deviceId?: string;
  /** Epoch milliseconds, inclusive. */
  since?: number;
  until?: number;
  /** At most this many lines, newest first. */
  limit?: number;
}

export interface RecentLogRead {
  lines: RecentLogLine[];
  /** Lines that passed the filter, before `limit`. */
  matched: number;
  /** Lines that could not be read as log lines. */
  unreadable: number;
}

const LineSchema = z.looseObject({
  time: z.number(),
  event: z.string(),
  disposition: z.enum(['success', 'failure', 'info']),
  level: z.string(),
});

/** Fields every line has, or that say nothing a staff member filters on. */
const envelopeFields = new Set([
  'time',
  'event',
  'disposition',
  'level',
  'msg',
  'terminal',
  'pid',
  'hostname',
]);

function parseLine(text: string): RecentLogLine | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = LineSchema.safeParse(json);
  if (!parsed.success || !isLogEventId(parsed.data.event)) return undefined;
  const raw = parsed.data as Record<string, unknown>;
  const device = raw.deviceId ?? raw.printerId;
  const fields = Object.fromEntries(Object.entries(raw).filter(([key]) => !envelopeFields.has(key)));
  return {
    time: parsed.data.time,
    event: parsed.data.event,
    disposition: parsed.data.disposition,
    level: parsed.data.level,
    deviceId: typeof device === 'string' ? device : null,
    fields,
  };
}

function matches(line: RecentLogLine, filter: RecentLogFilter): boolean {
  if (filter.event !== undefined && line.event !== filter.event) return false;
  if (filter.deviceId !== undefined && line.deviceId !== filter.deviceId) return false;
  if (filter.since !== undefined && line.time < filter.since) return false;
  if (filter.until !== undefined && line.time > filter.until) return false;
  return true;
}

/** The raw text of the kept files, oldest first (for the support bundle); missing files are skipped. */
export function recentLogTexts(
  config: Pick<RecentLogLocation, 'path' | 'files'>,
): { file: string; text: string }[] {
  return recentLogFiles(config).flatMap((file) => {
    try {
      return [{ file, text: readFileSync(file, 'utf8') }];
    } catch {
      return [];
    }
  });
}

export function readRecentLog(
  config: Pick<RecentLogLocation, 'path' | 'files'>,
  filter: RecentLogFilter = {},
): RecentLogRead {
  const found: RecentLogLine[] = [];
  let unreadable = 0;
  for (const { text } of recentLogTexts(config)) {
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      const line = parseLine(raw);
      if (line === undefined) unreadable += 1;
      else if (matches(line, filter)) found.push(line);
    }
  }
  found.reverse();
  return { lines: found.slice(0, filter.limit ?? found.length), matched: found.length, unreadable };
}
