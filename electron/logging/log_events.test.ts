import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { isLogEventId, logEventIds, logEvents } from './log_events.js';

const docPath = 'docs/log_events.md';
const begin = '<!-- catalogue: generated from electron/logging/log_events.ts -->';
const end = '<!-- end of catalogue -->';

/** The table docs/log_events.md must carry (`UPDATE_DOCS=1 npx vitest run electron/logging` rewrites it). */
function documentedTable(): string {
  const rows = logEventIds.map((id) => {
    const { disposition, level, meaning } = logEvents[id];
    return `| \`${id}\` | ${disposition} | ${level} | ${meaning.replaceAll('|', '\\|')} |`;
  });
  return ['| event | disposition | level | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

describe('the log event catalogue', () => {
  it('declares each id once, in kebab-case, with a one-line meaning and a disposition', () => {
    expect(new Set(logEventIds).size).toBe(logEventIds.length);
    for (const id of logEventIds) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      const { disposition, meaning } = logEvents[id];
      expect(['success', 'failure', 'info']).toContain(disposition);
      expect(meaning, id).toMatch(/^[A-Z"].*[.)]$/);
      expect(meaning, id).not.toContain('\n');
    }
    expect(new Set(logEventIds.map((id) => logEvents[id].meaning)).size).toBe(logEventIds.length);
  });

  it('is documented, row for row, in docs/log_events.md', () => {
    const doc = readFileSync(docPath, 'utf8');
    const start = doc.indexOf(begin);
    const stop = doc.indexOf(end);
    expect(start, `${docPath} lacks its catalogue markers`).toBeGreaterThan(-1);
    const current = doc.slice(start + begin.length, stop).trim();
    if (process.env.UPDATE_DOCS && current !== documentedTable()) {
      writeFileSync(
        docPath,
        `${doc.slice(0, start + begin.length)}\n${documentedTable()}\n${doc.slice(stop)}`,
      );
      return;
    }
    expect(current).toBe(documentedTable());
  });

  it('accepts only declared ids, at compile time and at run time', () => {
    const logger = recordingLogger();
    logger.log('session-started', { sessionId: 's-1' });
    // @ts-expect-error an id that is not in the catalogue does not compile
    logger.log('session-begun', { sessionId: 's-1' });
    expect(isLogEventId('session-started')).toBe(true);
    expect(isLogEventId('session-begun')).toBe(false);
    expect(isLogEventId('toString')).toBe(false);
  });
});
