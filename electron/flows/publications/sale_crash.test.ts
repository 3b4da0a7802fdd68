import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runUntilKilled } from '../../../test/support/killed_child.js';
import { startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';
import type { Backend } from '../../backend/contract/backend.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';

/**
 * A power cut between paid and dispensed: a child process paying for two copies and dispensing them is killed
 * while the second copy's spiral turns. The next start of the kiosk app (its journal services and the flows'
 * resolvers, as production wires them) settles the sale once: the first copy is a sale, the second is recorded as
 * a failed dispense and refunded with the sale's own keys; the start after that asks nothing.
 */
const child = join(import.meta.dirname, '../../../test/fixtures/publications/sale_crash_child.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'balcao-sale-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function restart(journalPath: string, backendPath: string) {
  let backend: Backend | undefined;
  const kiosk = await startKioskAppFixture(
    {
      terminal: { id: 'MO-DEV-01' },
      services: ['collect-document'],
      devices: [
        { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
        { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
      ],
    },
    {
      clockStart: Date.now(),
      journalPath,
      backend: (clock) => {
        const opened = openEmbeddedBackend({
          path: backendPath,
          seed: seedCatalogue(),
          now: () => clock.now(),
        });
        if (!opened.ok) throw new Error('backend');
        backend = opened.value;
        return opened.value;
      },
    },
  );
  const report = await kiosk.app.journal.recovered;
  const transaction = kiosk.app.journal.transactions.get(1);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const sales = await backend?.publicationSales({ from: today, to: today, terminalId: 'MO-DEV-01' });
  await kiosk.close();
  return { report, transaction, sales };
}

describe('a publication sale across a power cut', () => {
  it('the next start records the dropped copy, refunds the other once, and the one after asks nothing', async () => {
    const journalPath = join(dir, 'journal.sqlite');
    const backendPath = join(dir, 'backend.sqlite');
    runUntilKilled(child, [journalPath, backendPath]);
    const first = await restart(journalPath, backendPath);
    expect(first.report.confirmed).toEqual([1]);
    expect(first.transaction).toMatchObject({ kind: 'publication-sale', state: 'confirmed' });
    expect(first.sales).toMatchObject({
      ok: true,
      value: {
        machine: [
          {
            publicationId: 'PUB-BASIC-LAW',
            units: 1,
            revenueAvos: 3000,
            refundedUnits: 1,
            refundedAvos: 3000,
            failedDispenses: 1,
          },
        ],
      },
    });
    const second = await restart(journalPath, backendPath);
    expect(second.report).toEqual({ confirmed: [], voided: [], needsStaff: [], deferred: [] });
    expect(second.sales).toEqual(first.sales);
  }, 60_000);
});
