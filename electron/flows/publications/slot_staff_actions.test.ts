import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/support/fake_clock.js';
import type { Backend } from '../../backend/contract/backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import { AuditLog } from '../../journal/audit_log.js';
import { openJournal } from '../../journal/journal_database.js';
import { applySlotAction } from './slot_staff_actions.js';

let db: Database.Database;
let backend: Backend;
let audit: AuditLog;
const terminalId = 'MO-DEV-01';

beforeEach(() => {
  const journal = openJournal(':memory:');
  if (!journal.ok) throw new Error(journal.error.code);
  db = journal.value;
  audit = new AuditLog(db, new FakeClock());
  const opened = openEmbeddedBackend({ path: ':memory:', seed: seedCatalogue() });
  if (!opened.ok) throw new Error('backend');
  backend = opened.value;
});
afterEach(async () => {
  await backend.close();
  db.close();
});

/** The slot events of the audit log, oldest first, with who did them. */
const events = () =>
  audit
    .recent()
    .filter((row) => row.kind === 'vending-slot-set')
    .reverse()
    .map((row) => {
      const { actor, event } = JSON.parse(row.content) as { actor: string; event: object };
      return { actor, ...event };
    });

describe('staff actions on vending slots', () => {
  it('refills, counts, empties and assigns, each in the audit log with who and from what to what', async () => {
    const deps = { backend, audit, terminalId };
    expect(await applySlotAction(deps, 'S0001', { kind: 'refill', slot: 'C3', added: 2 })).toMatchObject({
      ok: true,
      value: { slot: 'C3', publicationId: 'PUB-MACAO-YEARBOOK', stock: 3 },
    });
    await applySlotAction(deps, 'S0001', { kind: 'count', slot: 'C3', stock: 2 });
    await applySlotAction(deps, 'S0002', { kind: 'empty', slot: 'C3' });
    await applySlotAction(deps, 'S0002', {
      kind: 'assign',
      slot: 'C3',
      publicationId: 'PUB-PENAL-CODE',
      stock: 4,
    });
    expect(events()).toEqual([
      expect.objectContaining({ actor: 'staff:S0001', action: 'refill', stockBefore: 1, stock: 3 }),
      expect.objectContaining({ actor: 'staff:S0001', action: 'count', stockBefore: 3, stock: 2 }),
      expect.objectContaining({ actor: 'staff:S0002', action: 'empty', publicationId: null, stock: 0 }),
      expect.objectContaining({
        action: 'assign',
        publicationId: 'PUB-PENAL-CODE',
        stockBefore: 0,
        stock: 4,
      }),
    ]);
    expect(audit.verify().ok).toBe(true);
  });

  it('refuses to count an empty slot or a slot the unit does not have, and audits nothing', async () => {
    const deps = { backend, audit, terminalId };
    await applySlotAction(deps, 'S0001', { kind: 'empty', slot: 'A1' });
    expect(await applySlotAction(deps, 'S0001', { kind: 'count', slot: 'A1', stock: 3 })).toEqual({
      ok: false,
      error: { code: 'slot-unassigned', slot: 'A1' },
    });
    expect(await applySlotAction(deps, 'S0001', { kind: 'refill', slot: 'F8', added: 3 })).toEqual({
      ok: false,
      error: { code: 'unknown-slot', slot: 'F8' },
    });
    expect(events()).toHaveLength(1);
  });
});
