import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../lib/result.js';
import type { CallBackend } from '../contract/backend.js';
import { createBackendApp, maxBodyBytes } from './backend_routes.js';

/** The server's doors under hostile input, checked in-process (Hono's `app.request`, no socket). */

const calls: string[] = [];
const stub: CallBackend = async (method, request) => {
  calls.push(method);
  if (method === 'findBooking') throw new Error('a bug with a secret 123456 in it');
  if (method === 'checkIn')
    return err({ kind: 'rejected', rejection: { code: 'too-early', opensAt: '2026-03-09T09:30:00+08:00' } });
  return ok(request);
};
const errors: unknown[] = [];
const app = createBackendApp(stub, { onInternalError: (e) => errors.push(e) });
const post = (
  path: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => app.request(path, { method: 'POST', body, headers });

describe('reference server routes', () => {
  it('refuses malformed JSON and a missing content type before the backend sees them', async () => {
    calls.length = 0;
    const malformed = await post('/v1/collections/check-pin', '{"pin": "1234');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toHaveProperty('issues');
    expect((await post('/v1/collections/check-pin', '{}', {})).status).toBe(415);
    expect(calls).toEqual([]);
  });

  it('names the fields of a request outside the contract, never their values', async () => {
    const response = await post(
      '/v1/collections/check-pin',
      JSON.stringify({
        idempotencyKey: 'k'.repeat(20),
        residentRef: 'R-0001',
        terminalId: 'MO-DEV-01',
        pin: '98765X',
        name: 'CHAN',
      }),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('pin');
    expect(text).not.toContain('98765X');
    expect(text).not.toContain('CHAN');
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await post('/v1/heartbeat', JSON.stringify({ padding: 'x'.repeat(maxBodyBytes + 1) }));
    expect(response.status).toBe(413);
  });

  it('answers a refusal with 422 { rejection }, and a bug with 500 that tells nothing', async () => {
    const refused = await post(
      '/v1/bookings/check-in',
      JSON.stringify({
        idempotencyKey: 'k'.repeat(20),
        booking: { reference: 'SAMP-0002' },
        centreId: 'china-plaza',
        terminalId: 'MO-DEV-01',
      }),
    );
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      rejection: { code: 'too-early', opensAt: '2026-03-09T09:30:00+08:00' },
    });
    const bug = await post('/v1/bookings/find', JSON.stringify({ booking: { reference: 'SAMP-0001' } }));
    expect(bug.status).toBe(500);
    expect(await bug.text()).toBe('{"error":"internal"}');
    expect(errors).toHaveLength(1);
  });

  it('answers 404 for a route the contract does not have', async () => {
    expect((await app.request('/v1/admin/drop-tables', { method: 'POST' })).status).toBe(404);
  });
});
