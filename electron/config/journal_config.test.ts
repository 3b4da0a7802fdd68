import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config_loader.js';

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;

function journalOf(journal: unknown) {
  const parsed = parseConfig({ ...shipped, journal });
  return parsed.ok
    ? { journal: parsed.value.journal }
    : { problems: parsed.error.code === 'invalid' ? parsed.error.problems : [] };
}

describe('journal configuration', () => {
  it('keeps unresolved print jobs’ bytes 4 hours unless told otherwise', () => {
    expect(journalOf(undefined)).toEqual({
      journal: { path: '.balcao/journal.sqlite', unresolvedPayloadHours: 4 },
    });
    expect(journalOf({ path: '/var/lib/balcao/j.sqlite' })).toEqual({
      journal: { path: '/var/lib/balcao/j.sqlite', unresolvedPayloadHours: 4 },
    });
    expect(journalOf({ unresolvedPayloadHours: 12 })).toEqual({
      journal: { path: '.balcao/journal.sqlite', unresolvedPayloadHours: 12 },
    });
  });

  it('refuses a retention outside 15 minutes to 3 days, and a misspelt setting', () => {
    const tooShort = journalOf({ unresolvedPayloadHours: 0.1 });
    expect(tooShort.problems?.some((p) => p.startsWith('journal.unresolvedPayloadHours:'))).toBe(true);
    const tooLong = journalOf({ unresolvedPayloadHours: 24 * 30 });
    expect(tooLong.problems?.some((p) => p.startsWith('journal.unresolvedPayloadHours:'))).toBe(true);
    const typo = journalOf({ unresolvedPayloadHour: 4 });
    expect(typo.problems?.some((p) => p.includes('unresolvedPayloadHour'))).toBe(true);
  });
});
