import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err } from '../../../lib/result.js';
import { openResolverBench, type ResolverBench } from '../../../test/support/resolver_bench.js';
import type { Backend } from '../../backend/contract/backend.js';
import type { TransactionJournal } from '../../journal/transaction_journal.js';
import { beginPickup, lockerPickupResolver, type RecordPickupRequest } from './pickup_journal.js';

/**
 * Recovery of a pickup, one case per place a station can die: the transaction is written as the flow writes it
 * (beginPickup), then the resolver is asked what became of it, against the embedded backend's LA-SAMPLE-1.
 */
describe('locker pickup resolver', () => {
  const request: RecordPickupRequest = {
    applicationId: 'LA-SAMPLE-1',
    pointId: 'locker-china-plaza',
    compartment: 'A01',
    terminalId: 'MO-DEV-01',
  };
  let backend: Backend;
  let journal: TransactionJournal;
  let bench: ResolverBench;

  beforeEach(() => {
    bench = openResolverBench();
    ({ backend, journal } = bench);
  });
  afterEach(() => bench.close());

  const status = async () => {
    const found = await backend.findPickup({ applicationId: 'LA-SAMPLE-1' });
    return found.ok ? found.value.status : 'none';
  };

  it('door commanded, pickup not recorded: records it with the committed key, once', async () => {
    const begun = beginPickup(journal, 'session-1', request);
    if (!begun) throw new Error('begun');
    const resolver = lockerPickupResolver(backend);
    const tx = journal.get(begun.tx);
    if (!tx) throw new Error('tx');
    expect(await resolver.resolve(tx)).toBe('confirmed');
    expect(await status()).toBe('picked-up');
    // Asked again (a second crash before recovery's answer was journalled): the backend replays its answer.
    expect(await resolver.resolve(tx)).toBe('confirmed');
  });

  it('a transaction that never reached the door is voided, and the code stays good', async () => {
    const started = journal.start('locker-pickup', 'session-1');
    if (!started.ok) throw new Error('start');
    journal.advance(started.value.id, 'identified');
    journal.advance(started.value.id, 'reserved');
    const tx = journal.get(started.value.id);
    if (!tx) throw new Error('tx');
    expect(await lockerPickupResolver(backend).resolve(tx)).toBe('voided');
    expect(await status()).toBe('waiting');
  });

  it('someone else recorded it: staff decide, never success', async () => {
    const begun = beginPickup(journal, 'session-1', request);
    if (!begun) throw new Error('begun');
    await backend.recordPickup({ ...request, idempotencyKey: 'another-station-key-0001' });
    const tx = journal.get(begun.tx);
    if (!tx) throw new Error('tx');
    expect(await lockerPickupResolver(backend).resolve(tx)).toBe('needs-staff');
  });

  it('the backend does not answer: the resolver throws, so recovery asks again later', async () => {
    const begun = beginPickup(journal, 'session-1', request);
    if (!begun) throw new Error('begun');
    const silent = {
      recordPickup: async () => err({ kind: 'timeout' as const, afterMs: 8000 }),
    };
    const tx = journal.get(begun.tx);
    if (!tx) throw new Error('tx');
    await expect(lockerPickupResolver(silent).resolve(tx)).rejects.toThrow(/did not answer/);
  });
});
