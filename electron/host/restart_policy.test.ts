import { describe, expect, it } from 'vitest';
import { exitStatus } from '../startup/exit_status.js';
import { RestartPolicy } from './restart_policy.js';

const crash = (ranForMs = 1000) => ({ code: 1, signal: null, ranForMs });

describe('restart policy', () => {
  it('doubles the delay from the first one to the cap, then keeps retrying at the cap', () => {
    const policy = new RestartPolicy({ firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000 });
    const delays = Array.from({ length: 12 }, () => {
      const decision = policy.decide(crash());
      return decision.kind === 'restart' ? decision.delayMs : decision.reason;
    });
    expect(delays).toEqual([
      500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('stays at the cap however long the host keeps crashing', () => {
    const policy = new RestartPolicy({ firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000 });
    for (let i = 0; i < 5000; i++) policy.decide(crash());
    expect(policy.decide(crash())).toEqual({ kind: 'restart', delayMs: 30_000, crashesInARow: 5001 });
  });

  it('starts again from the first delay after a host that ran long enough', () => {
    const policy = new RestartPolicy({ firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000 });
    policy.decide(crash());
    policy.decide(crash());
    expect(policy.decide(crash(59_999))).toMatchObject({ delayMs: 2000 });
    expect(policy.decide(crash(60_000))).toEqual({ kind: 'restart', delayMs: 500, crashesInARow: 1 });
  });

  it('restarts a host killed by a signal', () => {
    expect(new RestartPolicy().decide({ code: null, signal: 'SIGKILL', ranForMs: 5 })).toMatchObject({
      kind: 'restart',
    });
    expect(new RestartPolicy().decide({ code: null, signal: 'SIGSEGV', ranForMs: 5 })).toMatchObject({
      kind: 'restart',
    });
  });

  it.each([
    { code: 0, reason: 'clean-exit' },
    { code: 64, reason: 'usage-error' },
    { code: 74, reason: 'journal-error' },
    { code: 78, reason: 'configuration-error' },
  ])('stops with exit $code ($reason): a restart cannot cure it', ({ code, reason }) => {
    expect(new RestartPolicy().decide({ code, signal: null, ranForMs: 10 })).toEqual({
      kind: 'stop',
      exitCode: code,
      reason,
    });
  });

  it('starts a host again at once when staff asked for the restart, and counts it as no crash', () => {
    const policy = new RestartPolicy({ firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000 });
    policy.decide(crash(10));
    expect(policy.decide({ code: exitStatus.restartRequested, signal: null, ranForMs: 10 })).toEqual({
      kind: 'restart',
      delayMs: 0,
      crashesInARow: 0,
    });
    expect(policy.decide(crash(10))).toMatchObject({ delayMs: 500, crashesInARow: 1 });
  });
});
