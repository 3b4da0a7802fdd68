import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err } from '../../../lib/result.js';
import { openResolverBench, type ResolverBench } from '../../../test/support/resolver_bench.js';
import type { Backend } from '../../backend/contract/backend.js';
import type { TransactionJournal } from '../../journal/transaction_journal.js';
import { type ApplyRequest, applyOperation, lockerApplyResolver } from './apply_transaction.js';

/**
 * Recovery of a Smart Locker application, one case per place a kiosk can die or a resident can leave: the
 * transaction is written as the flow writes it (identified, then the key and request committed), then the resolver is
 * asked what became of it, against the embedded backend.
 */
describe('locker apply resolver', () => {
  const request: ApplyRequest = {
    serviceId: 'dsi-criminal-record-certificate',
    residentRef: 'R-0001',
    pointId: 'locker-china-plaza',
    size: 'small',
  };
  let backend: Backend;
  let journal: TransactionJournal;
  let bench: ResolverBench;
  /** R-0001's applications beyond the seed's sample ones. */
  let seeded = new Set<string>();
  const all = async () => {
    const found = await backend.lockerApplications({ residentRef: 'R-0001' });
    return found.ok ? found.value.applications : [];
  };
  const made = async () => (await all()).filter((a) => !seeded.has(a.applicationId));

  beforeEach(async () => {
    bench = openResolverBench();
    ({ backend, journal } = bench);
    seeded = new Set((await all()).map((a) => a.applicationId));
  });
  afterEach(() => bench.close());

  /** A transaction as the flow leaves it once the call is committed: what a crash mid-call leaves behind. */
  function committed(call: ApplyRequest = request) {
    const started = journal.start('locker-apply', 'session-1');
    if (!started.ok) throw new Error('start');
    journal.advance(started.value.id, 'identified');
    const recorded = journal.recordCall(started.value.id, applyOperation, call);
    if (!recorded.ok) throw new Error('call');
    const tx = journal.get(started.value.id);
    if (!tx) throw new Error('tx');
    return { tx, key: recorded.value.idempotencyKey };
  }

  it('the call never arrived: sent now with the committed key, confirmed; asked again, still one application', async () => {
    const { tx } = committed();
    const resolver = lockerApplyResolver(backend);
    expect(await resolver.resolve(tx)).toBe('confirmed');
    expect(await resolver.resolve(tx)).toBe('confirmed');
    expect(await made()).toHaveLength(1);
  });

  it('the call arrived, its answer was lost: the same key replays it, no second application', async () => {
    const { tx, key } = committed();
    expect((await backend.applyForLocker({ ...request, idempotencyKey: key })).ok).toBe(true);
    expect(await lockerApplyResolver(backend).resolve(tx)).toBe('confirmed');
    expect(await made()).toHaveLength(1);
  });

  it('refused (the point is unknown): voided, nothing applied for', async () => {
    const { tx } = committed({ ...request, pointId: 'locker-nowhere' });
    expect(await lockerApplyResolver(backend).resolve(tx)).toBe('voided');
    expect(await made()).toEqual([]);
  });

  it('no answer at all: thrown, so recovery asks again later', async () => {
    const { tx } = committed();
    const silent: Pick<Backend, 'applyForLocker'> = {
      applyForLocker: async () => err({ kind: 'timeout', afterMs: 8000 }),
    };
    await expect(lockerApplyResolver(silent).resolve(tx)).rejects.toThrow(/did not answer/);
  });

  it('a request the kiosk cannot send again as it was goes to staff; nothing pending is voided', async () => {
    const { tx } = committed();
    const damaged = {
      ...tx,
      pendingCall: tx.pendingCall && { ...tx.pendingCall, request: { serviceId: 1 } },
    };
    expect(await lockerApplyResolver(backend).resolve(damaged)).toBe('needs-staff');
    expect(await lockerApplyResolver(backend).resolve({ ...tx, pendingCall: null })).toBe('voided');
    expect(await lockerApplyResolver(backend).resolve({ ...tx, pendingCall: null, state: 'reserved' })).toBe(
      'confirmed',
    );
  });
});
