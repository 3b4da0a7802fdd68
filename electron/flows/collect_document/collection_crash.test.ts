import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionKiosk } from '../../../test/fixtures/collection/collection_kiosk.js';
import { runUntilKilled } from '../../../test/support/killed_child.js';
import type { Backend } from '../../backend/contract/backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';

/**
 * A power cut between `dispensed` and `confirmed`: the kiosk (a child process running the real collection flow) is
 * killed after the resident took the card, before the backend heard of it or after it did but before its reply
 * was journalled. The next start settles it exactly once: the collection is confirmed with the key first used,
 * the card is not ready any more, and a further start asks nothing.
 */
const child = join(import.meta.dirname, '../../../test/fixtures/collection/collection_crash_child.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'balcao-collection-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function restart(journalPath: string, backendPath: string) {
  let backend: Backend | undefined;
  const kiosk = await collectionKiosk(journalPath, (clock) => {
    const opened = openEmbeddedBackend({
      path: backendPath,
      seed: seedCatalogue(),
      now: () => clock.now(),
      terminal: { id: 'MO-DEV-01', centreId: 'china-plaza' },
    });
    if (!opened.ok) throw new Error('backend');
    backend = opened.value;
    return opened.value;
  });
  const report = await kiosk.app.journal.recovered;
  const ready = await backend?.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' });
  const transaction = kiosk.app.journal.transactions.get(1);
  await kiosk.close();
  return { report, ready, transaction };
}

describe('collect my document across a power cut', () => {
  for (const point of ['before-confirm', 'reply-lost'] as const) {
    it(`${point}: the next start confirms the collection once, and the one after asks nothing`, async () => {
      const journalPath = join(dir, 'journal.sqlite');
      const backendPath = join(dir, 'backend.sqlite');
      runUntilKilled(child, [journalPath, backendPath, point]);
      const first = await restart(journalPath, backendPath);
      expect(first.report.confirmed).toEqual([1]);
      expect(first.transaction).toMatchObject({
        kind: 'collection',
        state: 'confirmed',
        subject: 'C-SAMPLE-MO-1',
      });
      expect(first.ready).toEqual({ ok: true, value: { documents: [] } });
      const second = await restart(journalPath, backendPath);
      expect(second.report).toEqual({ confirmed: [], voided: [], needsStaff: [], deferred: [] });
    }, 60_000);
  }
});
