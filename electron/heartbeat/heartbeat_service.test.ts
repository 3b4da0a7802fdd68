import { describe, expect, it } from 'vitest';
import { err } from '../../lib/result.js';
import { FakeClock } from '../../test/support/fake_clock.js';
import { recordingLogger } from '../../test/support/recording_logger.js';
import type { Backend } from '../backend/contract/backend.js';
import type { BackendError } from '../backend/contract/errors.js';
import type { HeartbeatReport } from '../backend/contract/heartbeat.js';
import { openEmbeddedBackend } from '../backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../backend/seed/seed_catalogue.js';
import { openJournal } from '../journal/journal_database.js';
import { HeartbeatQueue } from './heartbeat_queue.js';
import { HeartbeatService, heartbeatDebounceMs } from './heartbeat_service.js';

type Report = Pick<Backend, 'reportHeartbeat'>;

/** A backend whose `reportHeartbeat` answers as the test says: dead (unreachable) until revived. */
function switchableBackend(real: Report) {
  let answer: BackendError | null = { kind: 'unreachable', detail: 'ECONNREFUSED', neverSent: false };
  const received: { key: string; report: HeartbeatReport }[] = [];
  const backend: Report = {
    async reportHeartbeat(request) {
      if (answer) return err(answer);
      received.push({ key: request.idempotencyKey, report: request.report as HeartbeatReport });
      return real.reportHeartbeat(request);
    },
  };
  return {
    backend,
    received,
    set: (next: BackendError | null) => {
      answer = next;
    },
  };
}

function rig(limit = 5) {
  const db = openJournal(':memory:');
  if (!db.ok) throw new Error('journal');
  const clock = new FakeClock();
  const logger = recordingLogger();
  const embedded = openEmbeddedBackend({ path: ':memory:', seed: seedCatalogue(), now: () => clock.now() });
  if (!embedded.ok) throw new Error('backend');
  const remote = switchableBackend(embedded.value);
  const queue = new HeartbeatQueue(db.value, limit, () => clock.now());
  let beat = 0;
  const service = new HeartbeatService({
    backend: remote.backend,
    queue,
    clock,
    logger,
    intervalSeconds: 60,
    build: () => ({
      terminalId: 'MO-TEST-01',
      site: 'macau',
      centreId: 'china-plaza',
      mode: { kind: 'in-service' },
      devices: [{ id: 'scanner', kind: 'barcode-scanner', state: 'ready' }],
      paper: [],
      jobsHeld: 0,
      version: '0.1.0',
      uptimeSeconds: beat++,
      sentAt: new Date(clock.now()).toISOString(),
    }),
  });
  return { service, queue, clock, logger, remote, embedded: embedded.value, db: db.value };
}

/** Lets the service's awaited backend calls run (they resolve as microtasks). */
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the heartbeat under a dead backend', () => {
  it('keeps reports in the journal, bounded, and sends them later in order with their first keys', async () => {
    const r = rig(5);
    r.service.start();
    await flush();
    for (let i = 0; i < 7; i++) {
      r.clock.advance(60_000);
      await flush();
    }
    // 8 reports made (start + 7 beats), 5 kept: the oldest went.
    expect(r.queue.size()).toBe(5);
    expect(r.logger.of('heartbeat-backend-unreachable')).toEqual([{ error: 'unreachable', queued: 1 }]);
    expect(r.logger.of('heartbeat-queue-full').map((f) => f.dropped)).toEqual([1, 1, 1]);
    const waiting = (
      r.db.prepare('SELECT idempotency_key AS key FROM heartbeat_queue ORDER BY id').all() as {
        key: string;
      }[]
    ).map((row) => row.key);

    r.remote.set(null);
    r.clock.advance(60_000);
    await flush();
    await r.service.send();
    expect(r.queue.size()).toBe(0);
    // Sent oldest first: uptime 4..8 (the report of this beat made the queue drop 3), the newest last, each with
    // the key it was queued with.
    expect(r.remote.received.map((x) => x.report.uptimeSeconds)).toEqual([4, 5, 6, 7, 8]);
    expect(r.remote.received.slice(0, 4).map((x) => x.key)).toEqual(waiting.slice(1));
    expect(r.logger.of('heartbeat-queue-full').map((f) => f.dropped)).toEqual([1, 1, 1, 1]);
    expect(r.logger.of('heartbeat-backlog-sent')).toEqual([{ reports: 5 }]);
    // The reference server keeps the latest state of the terminal.
    const terminals = await r.embedded.terminals({});
    expect(terminals).toMatchObject({
      ok: true,
      value: { terminals: [{ terminalId: 'MO-TEST-01', report: { uptimeSeconds: 8 } }] },
    });
  });

  it('survives a restart: what was queued is sent by the next run', async () => {
    const r = rig(10);
    r.service.start();
    await flush();
    r.service.close();
    const again = new HeartbeatService({
      backend: r.remote.backend,
      queue: new HeartbeatQueue(r.db, 10, () => r.clock.now()),
      clock: r.clock,
      logger: r.logger,
      intervalSeconds: 60,
      build: () => ({ ...(r.queue.oldest()?.report as HeartbeatReport), uptimeSeconds: 99 }),
    });
    r.remote.set(null);
    again.start();
    await flush();
    await again.send();
    expect(r.remote.received.map((x) => x.report.uptimeSeconds)).toEqual([0, 99]);
    again.close();
  });

  it('a refused report is dropped and logged, never blocking those behind it; changes are coalesced', async () => {
    const r = rig(10);
    r.remote.set({ kind: 'invalid-request', issues: ['report.devices'] });
    r.service.start();
    await flush();
    expect(r.queue.size()).toBe(0);
    expect(r.logger.of('heartbeat-refused')).toEqual([{ error: 'invalid-request' }]);
    r.remote.set(null);
    r.service.changed();
    r.service.changed();
    r.clock.advance(heartbeatDebounceMs);
    await flush();
    await r.service.send();
    expect(r.remote.received).toHaveLength(1);
    r.service.close();
  });
});
