import type { Backend } from '../../electron/backend/contract/backend.js';
import { openEmbeddedBackend } from '../../electron/backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../electron/backend/seed/seed_catalogue.js';
import { AuditLog } from '../../electron/journal/audit_log.js';
import { openJournal } from '../../electron/journal/journal_database.js';
import { StaffAlertStore } from '../../electron/journal/staff_alerts.js';
import { TransactionJournal } from '../../electron/journal/transaction_journal.js';
import { FakeClock } from './fake_clock.js';
import { recordingLogger } from './recording_logger.js';

/**
 * What a transaction resolver's test needs: the embedded backend (seeded, in memory) and a transaction journal of an
 * earlier run (in memory), on one fake clock. A test writes a transaction as its flow leaves it, then asks the
 * resolver what became of it.
 */
export interface ResolverBench {
  backend: Backend;
  journal: TransactionJournal;
  clock: FakeClock;
  close(): Promise<void>;
}

export function openResolverBench(): ResolverBench {
  const clock = new FakeClock(Date.now());
  const opened = openEmbeddedBackend({ path: ':memory:', seed: seedCatalogue(), now: () => clock.now() });
  const db = openJournal(':memory:');
  if (!opened.ok || !db.ok) throw new Error('resolver bench: backend or journal did not open');
  const audit = new AuditLog(db.value, clock);
  const alerts = new StaffAlertStore(db.value, { clock, audit, logger: recordingLogger() });
  const journal = new TransactionJournal(db.value, { clock, audit, alerts, bootId: 'earlier-run' });
  const backend = opened.value;
  return {
    backend,
    journal,
    clock,
    async close() {
      db.value.close();
      await backend.close();
    },
  };
}
