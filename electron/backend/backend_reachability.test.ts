import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../lib/result.js';
import { FakeClock } from '../../test/support/fake_clock.js';
import { observeReachability, type Reachability } from './backend_reachability.js';
import { backendFromCall } from './contract/backend.js';
import type { BackendError } from './contract/errors.js';

/** A backend whose every answer the test sets, counting the calls that reach it. */
function scriptedBackend() {
  let answer: Result<unknown, BackendError> = ok({});
  const calls: string[] = [];
  const backend = backendFromCall(
    'http',
    async (method) => {
      calls.push(method);
      return answer;
    },
    async () => {},
  );
  return { backend, calls, answer: (next: Result<unknown, BackendError>) => (answer = next) };
}

function setup() {
  const clock = new FakeClock();
  const scripted = scriptedBackend();
  const changes: Reachability[] = [];
  const observed = observeReachability(scripted.backend, {
    clock,
    probe: (backend) => backend.terminalProfile({ terminalId: 'MO-TEST-01' }),
    probeEveryMs: 30_000,
    onChange: (state) => changes.push(state),
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { clock, scripted, changes, observed, settle };
}

const noAnswer = err<BackendError>({ kind: 'unreachable', detail: 'ECONNREFUSED', neverSent: false });

describe('backend reachability', () => {
  it('starts reachable and passes every call and answer through unchanged', async () => {
    const { scripted, observed, changes } = setup();
    expect(observed.reachability()).toBe('reachable');
    scripted.answer(ok({ departments: [] }));
    expect(await observed.backend.catalogue({})).toEqual(ok({ departments: [] }));
    expect(scripted.calls).toEqual(['catalogue']);
    expect(changes).toEqual([]);
  });

  it.each<[string, BackendError]>([
    ['no connection', { kind: 'unreachable', detail: 'ECONNREFUSED', neverSent: false }],
    ['the circuit open', { kind: 'unreachable', detail: 'circuit open', neverSent: true }],
    ['a timeout', { kind: 'timeout', afterMs: 5000 }],
    ['a 5xx on every attempt', { kind: 'server-error', status: 503 }],
  ])('turns unreachable on %s, once', async (_name, error) => {
    const { scripted, observed, changes } = setup();
    scripted.answer(err(error));
    await observed.backend.catalogue({});
    await observed.backend.catalogue({});
    expect(observed.reachability()).toBe('unreachable');
    expect(changes).toEqual(['unreachable']);
  });

  it.each<[string, Result<unknown, BackendError>]>([
    ['a rejection', err({ kind: 'rejected', rejection: { code: 'not-found', subject: 'terminal' } })],
    ['an answer outside the contract', err({ kind: 'invalid-reply', detail: 'not JSON' })],
    ['a refused request', err({ kind: 'invalid-request', issues: ['terminalId'] })],
  ])('counts %s as a live backend', async (_name, answer) => {
    const { scripted, observed, changes } = setup();
    scripted.answer(noAnswer);
    await observed.backend.catalogue({});
    scripted.answer(answer);
    await observed.backend.catalogue({});
    expect(observed.reachability()).toBe('reachable');
    expect(changes).toEqual(['unreachable', 'reachable']);
  });

  it('probes on the clock while unreachable, and stops once the backend answers', async () => {
    const { clock, scripted, observed, changes, settle } = setup();
    scripted.answer(noAnswer);
    await observed.backend.catalogue({});
    clock.advance(29_999);
    await settle();
    expect(scripted.calls).toEqual(['catalogue']);
    clock.advance(1);
    await settle();
    expect(scripted.calls).toEqual(['catalogue', 'terminalProfile']);
    // Still down: the probe comes again 30 s later.
    clock.advance(30_000);
    await settle();
    expect(scripted.calls).toEqual(['catalogue', 'terminalProfile', 'terminalProfile']);
    scripted.answer(ok({}));
    clock.advance(30_000);
    await settle();
    expect(changes).toEqual(['unreachable', 'reachable']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a resident call that succeeds ends the probing at once', async () => {
    const { clock, scripted, observed, settle } = setup();
    scripted.answer(noAnswer);
    await observed.backend.catalogue({});
    expect(clock.pendingTimers).toBe(1);
    scripted.answer(ok({}));
    await observed.backend.catalogue({});
    expect(clock.pendingTimers).toBe(0);
    clock.advance(60_000);
    await settle();
    expect(scripted.calls).toEqual(['catalogue', 'catalogue']);
  });

  it('dispose stops the probe and ignores answers still on their way', async () => {
    const { clock, scripted, observed, changes } = setup();
    scripted.answer(noAnswer);
    await observed.backend.catalogue({});
    observed.dispose();
    expect(clock.pendingTimers).toBe(0);
    scripted.answer(ok({}));
    await observed.backend.catalogue({});
    expect(changes).toEqual(['unreachable']);
  });
});
