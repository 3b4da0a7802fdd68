import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BadgeLockoutState,
  badgeLockoutReducer,
  defaultLockoutPolicy,
  type LockoutEvent,
  lockoutStatus,
  unlockedBadge,
} from './badge_lockout.js';

const policy = { attempts: 3, firstSeconds: 30, maxSeconds: 300, forgetAfterHours: 24 };
const t0 = 1_780_000_000_000;
const wrong = (at: number): LockoutEvent => ({ type: 'wrong-pin', at });
const run = (events: LockoutEvent[], from: BadgeLockoutState = unlockedBadge) =>
  events.reduce((state, event) => badgeLockoutReducer(state, event, policy), from);

describe('the badge lock-out reducer', () => {
  it('counts down the attempts, then locks for the first period', () => {
    expect(lockoutStatus(unlockedBadge, t0, policy)).toEqual({ locked: false, attemptsLeft: 3 });
    const twice = run([wrong(t0), wrong(t0 + 1000)]);
    expect(lockoutStatus(twice, t0 + 2000, policy)).toEqual({ locked: false, attemptsLeft: 1 });
    const locked = run([wrong(t0 + 2000)], twice);
    expect(lockoutStatus(locked, t0 + 2000, policy)).toEqual({
      locked: true,
      until: t0 + 32_000,
      seconds: 30,
    });
    expect(lockoutStatus(locked, t0 + 31_999, policy).locked).toBe(true);
    expect(lockoutStatus(locked, t0 + 32_000, policy)).toEqual({ locked: false, attemptsLeft: 3 });
  });

  it('doubles each following lock-out, up to the maximum', () => {
    let state = unlockedBadge;
    let at = t0;
    const lengths: number[] = [];
    for (let round = 0; round < 6; round++) {
      state = run([wrong(at), wrong(at + 1), wrong(at + 2)], state);
      const status = lockoutStatus(state, at + 2, policy);
      if (!status.locked) throw new Error('expected a lock-out');
      lengths.push(status.seconds);
      expect(status.until - (at + 2)).toBe(status.seconds * 1000);
      at = status.until;
    }
    expect(lengths).toEqual([30, 60, 120, 240, 300, 300]);
  });

  it('a wrong PIN while locked changes nothing; the right PIN clears everything', () => {
    const locked = run([wrong(t0), wrong(t0), wrong(t0)]);
    expect(run([wrong(t0 + 10_000)], locked)).toBe(locked);
    expect(run([{ type: 'right-pin' }], locked)).toEqual(unlockedBadge);
    const afterRight = run([wrong(t0 + 40_000), { type: 'right-pin' }, wrong(t0 + 41_000)], locked);
    expect(lockoutStatus(afterRight, t0 + 41_000, policy)).toEqual({ locked: false, attemptsLeft: 2 });
  });

  it('forgets earlier lock-outs after a quiet day', () => {
    const locked = run([wrong(t0), wrong(t0), wrong(t0), wrong(t0 + 31_000)]);
    expect(lockoutStatus(locked, t0 + 31_000, policy)).toEqual({ locked: false, attemptsLeft: 2 });
    const nextDay = t0 + 31_000 + 24 * 3_600_000;
    expect(lockoutStatus(locked, nextDay, policy)).toEqual({ locked: false, attemptsLeft: 3 });
    const again = run([wrong(nextDay), wrong(nextDay), wrong(nextDay)], locked);
    expect(lockoutStatus(again, nextDay, policy)).toMatchObject({ locked: true, seconds: 30 });
  });

  it('never lets more than `attempts` PINs through between two lock-outs (any timing)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400_000 }), { maxLength: 60 }), (gaps) => {
        let state = unlockedBadge;
        let at = t0;
        let triedSinceLock = 0;
        for (const gap of gaps) {
          at += gap;
          const status = lockoutStatus(state, at, defaultLockoutPolicy);
          if (status.locked) continue;
          triedSinceLock += 1;
          state = badgeLockoutReducer(state, wrong(at), defaultLockoutPolicy);
          if (lockoutStatus(state, at, defaultLockoutPolicy).locked) triedSinceLock = 0;
          expect(triedSinceLock).toBeLessThan(defaultLockoutPolicy.attempts);
        }
      }),
    );
  });
});
