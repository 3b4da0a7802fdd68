import { createServer, type Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendReport } from '../../electron/backend/backend_report.js';
import type { Backend } from '../../electron/backend/contract/backend.js';
import { createHttpBackend } from '../../electron/backend/http/http_backend.js';
import type { FetchHandler } from '../../electron/backend/server/reference_server.js';
import {
  fastRetries,
  type ServedBackend,
  seededTemplate,
  servedBackend,
  type TestClock,
  testClock,
} from './backend_fixtures.js';
import { dropConnection, replaceAnswer } from './fault_injection.js';
import { key, refusal, value } from './result_helpers.js';

/**
 * The HTTP client's own behaviour against the reference server on a real socket, with faults injected in front of
 * the real routes: lost replies after the backend acted, timeouts, 5xx, malformed and out-of-contract answers. The
 * embedded backend behind the server is checked directly, to prove nothing was booked or collected twice.
 */

const files = seededTemplate();
afterAll(() => files.remove());

let clock: TestClock;
let served: ServedBackend | undefined;
beforeEach(() => {
  clock = testClock();
});
afterEach(async () => {
  await served?.close();
  served = undefined;
});

/** Counts the requests that reach the server, then applies `fault` to each. */
function counting(fault: (inner: FetchHandler, n: number) => FetchHandler) {
  const seen = { requests: 0 };
  const wrap = (inner: FetchHandler): FetchHandler => {
    return (request, env) => {
      seen.requests++;
      return fault(inner, seen.requests)(request, env);
    };
  };
  return { seen, wrap };
}

async function serve(wrap?: (fetch: FetchHandler) => FetchHandler, client = {}) {
  served = await servedBackend(files.freshFile(), clock, { wrap, client });
  return served;
}

/** Free slots at China Plaza the week after the tests' Monday. */
async function slotsNextWeek(backend: Backend, serviceId: string) {
  const week = { centreId: 'china-plaza', from: '2026-03-09', to: '2026-03-13' };
  return value(await backend.availability({ serviceId, ...week })).slots;
}

async function bookingRequest(backend: Backend) {
  const catalogue = value(await backend.catalogue({}));
  const service = catalogue.services.find((s) => s.bookable && s.centres.includes('china-plaza'))!;
  const [slot] = await slotsNextWeek(backend, service.id);
  return {
    idempotencyKey: key(),
    serviceId: service.id,
    centreId: 'china-plaza',
    slotId: slot!.slotId,
    residentRef: 'R-0003',
  };
}

describe('a reply lost after the backend acted', () => {
  it('never books twice: every attempt is dropped, the backend holds one booking, the same key finds it', async () => {
    let dropping = true;
    const { seen, wrap } = counting((inner) => async (request, env) => {
      const answer = await inner(request, env);
      if (!dropping || new URL(request.url).pathname !== '/v1/bookings/create') return answer;
      await answer.arrayBuffer();
      return dropConnection(env);
    });
    const { client, embedded } = await serve(wrap);
    const request = await bookingRequest(embedded);
    const before = seen.requests;
    const lost = await client.createBooking(request);
    expect(lost).toMatchObject({ ok: false, error: { kind: 'unreachable', neverSent: false } });
    expect(seen.requests - before).toBe(fastRetries.retries.attempts);
    const bookings = value(await embedded.residentBookings({ residentRef: 'R-0003' })).bookings;
    expect(bookings).toHaveLength(1);
    const slots = await slotsNextWeek(embedded, request.serviceId);
    expect(slots.find((s) => s.slotId === request.slotId)?.free).toBe(2);
    // The journal asks again later with the same key: the answer is the booking that was made.
    dropping = false;
    expect(value(await client.createBooking(request))).toEqual(bookings[0]);
  });

  it('never collects twice: a confirmation whose reply is lost is answered the same when asked again', async () => {
    let dropFirst = true;
    const { wrap } = counting((inner) => async (request, env) => {
      const answer = await inner(request, env);
      if (!dropFirst || new URL(request.url).pathname !== '/v1/collections/confirm') return answer;
      dropFirst = false;
      await answer.arrayBuffer();
      return dropConnection(env);
    });
    const { client, embedded } = await serve(wrap);
    const [document] = value(
      await embedded.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }),
    ).documents;
    const { authorisation } = value(
      await client.checkCollectionPin({
        idempotencyKey: key(),
        residentRef: 'R-0001',
        terminalId: 'MO-DEV-01',
        pin: '123456',
      }),
    );
    const collectionId = document!.collectionId;
    value(
      await client.reserveCollection({
        idempotencyKey: key(),
        collectionId,
        terminalId: 'MO-DEV-01',
        authorisation,
      }),
    );
    const confirm = { idempotencyKey: key(), collectionId, terminalId: 'MO-DEV-01' };
    const confirmed = value(await client.confirmCollection(confirm));
    expect(dropFirst).toBe(false);
    expect(value(await client.confirmCollection(confirm))).toEqual(confirmed);
    expect(refusal(await embedded.confirmCollection({ ...confirm, idempotencyKey: key() }))).toMatchObject({
      code: 'already-used',
    });
  });
});

describe('timeouts', () => {
  it('gives up after its attempts with `timeout`, and the slow backend still acted only once', async () => {
    let finished = 0;
    const { seen, wrap } = counting((inner) => async (request, env) => {
      await sleep(250);
      const answer = await inner(request, env);
      finished++;
      return answer;
    });
    const { client, embedded } = await serve(wrap, { timeoutMs: 80 });
    const request = await bookingRequest(embedded);
    const before = seen.requests;
    const finishedBefore = finished;
    const started = Date.now();
    const result = await client.createBooking(request);
    expect(result).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 80 } });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(seen.requests - before).toBe(3);
    // The server carries out every attempt it received, after the client gave up on each.
    for (let i = 0; i < 200 && finished - finishedBefore < 3; i++) await sleep(25);
    expect(finished - finishedBefore).toBe(3);
    expect(value(await embedded.residentBookings({ residentRef: 'R-0003' })).bookings).toHaveLength(1);
  });
});

describe('5xx', () => {
  it('retries a 503 and succeeds once the backend recovers', async () => {
    const { seen, wrap } = counting(
      (inner, n) => (request, env) => (n <= 2 ? new Response('busy', { status: 503 }) : inner(request, env)),
    );
    const { client } = await serve(wrap);
    expect(value(await client.findBooking({ booking: { reference: 'SAMP-0001' } })).reference).toBe(
      'SAMP-0001',
    );
    expect(seen.requests).toBe(3);
  });

  it('reports `server-error` after its attempts when the backend keeps failing', async () => {
    const { seen, wrap } = counting(() => () => new Response('{"error":"internal"}', { status: 500 }));
    const { client } = await serve(wrap);
    expect(await client.findBooking({ booking: { reference: 'SAMP-0001' } })).toEqual({
      ok: false,
      error: { kind: 'server-error', status: 500 },
    });
    expect(seen.requests).toBe(3);
  });
});

describe('answers outside the contract', () => {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it.each([
    ['malformed JSON', () => new Response('{"reference": "SAMP-', { status: 200 })],
    [
      'a field the contract does not have',
      async (r: Response) => json({ ...(await r.json()), name: 'CHAN TAI MAN' }),
    ],
    ['a wrong type', async (r: Response) => json({ ...(await r.json()), status: 42 })],
    ['a rejection this call cannot give', () => json({ rejection: { code: 'point-full' } }, 422)],
    ['a malformed rejection', () => json({ rejection: { code: 'wrong-pin', attemptsLeft: 'two' } }, 422)],
    [
      'a status the contract does not use',
      () => new Response('', { status: 302, headers: { location: '/' } }),
    ],
  ])('refuses %s as `invalid-reply`, without trying again', async (_name, answer) => {
    const { seen, wrap } = counting((inner) => replaceAnswer('/v1/bookings/find', answer)(inner));
    const { client } = await serve(wrap);
    const result = await client.findBooking({ booking: { reference: 'SAMP-0001' } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-reply' } });
    expect(seen.requests).toBe(1);
  });

  it('refuses a reply larger than it accepts', async () => {
    const { client } = await serve(undefined, { maxReplyBytes: 10_000 });
    expect(await client.catalogue({})).toMatchObject({ ok: false, error: { kind: 'invalid-reply' } });
    expect((await client.findBooking({ booking: { reference: 'SAMP-0001' } })).ok).toBe(true);
  });

  it('checks the request before it leaves: nothing outside the contract reaches the network', async () => {
    const { seen, wrap } = counting((inner) => inner);
    const { client } = await serve(wrap);
    const result = await client.checkIn({
      idempotencyKey: 'short',
      booking: { reference: 'SAMP-0001' },
      centreId: 'china-plaza',
      terminalId: 'MO-DEV-01',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(seen.requests).toBe(0);
  });
});

describe('offline', () => {
  /** A TCP server that accepts connections and never answers: a hung gateway. */
  async function blackHole(): Promise<{ url: string; connections: () => number; close: () => void }> {
    let connections = 0;
    const sockets = new Set<import('node:net').Socket>();
    const server: Server = createServer((socket) => {
      connections++;
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as import('node:net').AddressInfo).port;
    return {
      url: `http://127.0.0.1:${port}`,
      connections: () => connections,
      close: () => {
        for (const s of sockets) s.destroy();
        server.close();
      },
    };
  }

  it('answers `unreachable` at once when the circuit is open, and sends nothing', async () => {
    const hole = await blackHole();
    const client = createHttpBackend({
      baseUrl: hole.url,
      timeoutMs: 60,
      retries: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      circuit: { failureThreshold: 3, cooldownMs: 60_000 },
    });
    if (!client.ok) throw new Error('client');
    const backend = client.value;
    try {
      expect(await backend.catalogue({})).toMatchObject({ ok: false, error: { kind: 'timeout' } });
      expect(await backend.catalogue({})).toMatchObject({ ok: false, error: { kind: 'timeout' } });
      expect(backend.circuitState()).toBe('open');
      const sent = hole.connections();
      const started = performance.now();
      const quick = await backend.createBooking({
        idempotencyKey: key(),
        serviceId: 'dsi-bir-renewal',
        centreId: 'china-plaza',
        slotId: 'china-plaza/2026-03-09T10:00',
        residentRef: 'R-0003',
      });
      expect(performance.now() - started).toBeLessThan(20);
      expect(quick).toEqual({
        ok: false,
        error: { kind: 'unreachable', detail: 'circuit open', neverSent: true },
      });
      expect(hole.connections()).toBe(sent);
    } finally {
      await backend.close();
      hole.close();
    }
  });

  it('recovers: after the cool-down one probe goes through and a success closes the circuit; all of it reported', async () => {
    let down = true;
    const { wrap } = counting(
      (inner) => (request, env) => (down ? new Response('down', { status: 503 }) : inner(request, env)),
    );
    const reports: BackendReport[] = [];
    const backendClock = testClock();
    served = await servedBackend(files.freshFile(), backendClock, { wrap });
    const client = createHttpBackend(
      {
        baseUrl: served.server.url,
        timeoutMs: 1000,
        retries: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
        circuit: { failureThreshold: 2, cooldownMs: 30_000 },
      },
      { now: clock.now, report: (report) => reports.push(report) },
    );
    if (!client.ok) throw new Error('client');
    const backend = client.value;
    const probe = () => backend.findBooking({ booking: { reference: 'SAMP-0001' } });
    try {
      await probe();
      await probe();
      expect(backend.circuitState()).toBe('open');
      down = false;
      expect(await probe()).toMatchObject({ ok: false, error: { neverSent: true } });
      clock.advance(30_000);
      expect((await probe()).ok).toBe(true);
      const unanswered = {
        type: 'call-unanswered',
        method: 'findBooking',
        error: 'server-error',
        attempts: 1,
        detail: 'HTTP 503',
      };
      // Nothing per call while the circuit is open: its opening was reported.
      expect(reports).toEqual([
        unanswered,
        { type: 'circuit-changed', state: 'open' },
        unanswered,
        { type: 'circuit-changed', state: 'half-open' },
        { type: 'circuit-changed', state: 'closed' },
      ]);
    } finally {
      await backend.close();
    }
  });

  it('a dead backend refuses the connection: `unreachable`, never sent, and nothing changed behind it', async () => {
    const { client, embedded, server } = await serve();
    const request = await bookingRequest(embedded);
    await server.close();
    const result = await client.createBooking(request);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', detail: 'ECONNREFUSED', neverSent: true },
    });
    expect(value(await embedded.residentBookings({ residentRef: 'R-0003' })).bookings).toEqual([]);
  });

  it('an attempt that reached the backend keeps the call "may have acted" though the next ones are refused', async () => {
    let closing: Promise<void> | undefined;
    const { wrap } = counting((inner, n) => async (request, env) => {
      if (n > 1) return inner(request, env);
      // The first request reaches the backend, which acts; then its reply is lost and the backend goes away.
      const answer = await inner(request, env);
      await answer.arrayBuffer();
      closing = served?.server.close();
      return dropConnection(env);
    });
    const { client, embedded } = await serve(wrap);
    const request = await bookingRequest(embedded);
    const result = await client.createBooking(request);
    await closing;
    // The last attempts were refused; the first one's delivery is what counts.
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', detail: 'ECONNREFUSED', neverSent: false },
    });
    expect(value(await embedded.residentBookings({ residentRef: 'R-0003' })).bookings).toHaveLength(1);
  });
});
