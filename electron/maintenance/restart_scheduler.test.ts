import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../lib/result.js';
import { FakeClock } from '../../test/support/fake_clock.js';
import { recordingLogger } from '../../test/support/recording_logger.js';
import type { AuditActor, AuditEvent } from '../journal/audit_events.js';
import type { AuditLog } from '../journal/audit_log.js';
import { nextMacauTime, RestartScheduler } from './restart_scheduler.js';

/**
 * "Restart at a Macau time" from the Terminal tool: the next occurrence of hh:mm on Macau's clock (UTC+8 all year,
 * whatever the machine's own zone and its daylight saving), waiting while the kiosk is in use — a staff member
 * still signed in holds it back just as a resident does — and cancelled by staff without a restart.
 */
const iso = (text: string) => Date.parse(text);

describe('nextMacauTime', () => {
  it('later today in Macau: today', () => {
    // 10:00 in Macau (02:00 UTC); 23:30 Macau is 15:30 UTC the same day.
    expect(nextMacauTime(iso('2026-12-02T02:00:00Z'), 23, 30)).toBe(iso('2026-12-02T15:30:00Z'));
  });

  it('a time already passed today, or this very minute, is tomorrow', () => {
    expect(nextMacauTime(iso('2026-12-02T02:00:00Z'), 3, 0)).toBe(iso('2026-12-02T19:00:00Z'));
    expect(nextMacauTime(iso('2026-12-02T02:00:00Z'), 10, 0)).toBe(iso('2026-12-03T02:00:00Z'));
    // One millisecond after 10:00 is past it too.
    expect(nextMacauTime(iso('2026-12-02T02:00:00.001Z'), 10, 0)).toBe(iso('2026-12-03T02:00:00Z'));
  });

  it('counts days by Macau’s date, not UTC’s: 04:00 in Macau is still the previous day in UTC', () => {
    const now = iso('2026-12-02T20:00:00Z'); // 04:00 on 3 December in Macau
    expect(nextMacauTime(now, 5, 0)).toBe(iso('2026-12-02T21:00:00Z')); // 05:00 on the 3rd, in an hour
    expect(nextMacauTime(now, 3, 0)).toBe(iso('2026-12-03T19:00:00Z')); // 03:00 on the 4th
  });

  it('crosses the year and a leap day', () => {
    expect(nextMacauTime(iso('2026-12-31T15:45:00Z'), 0, 10)).toBe(iso('2026-12-31T16:10:00Z'));
    expect(nextMacauTime(iso('2028-02-28T17:00:00Z'), 0, 30)).toBe(iso('2028-02-29T16:30:00Z'));
  });

  it('has no daylight saving, whatever zone the machine is set to', () => {
    const zone = process.env.TZ;
    try {
      // The nights Lisbon and New York change their clocks: 03:00 in Macau stays 19:00 UTC, 24 hours apart.
      for (const tz of ['Europe/Lisbon', 'America/New_York', 'Asia/Macau', 'UTC']) {
        process.env.TZ = tz;
        expect(nextMacauTime(iso('2027-03-28T00:30:00Z'), 3, 0)).toBe(iso('2027-03-28T19:00:00Z'));
        expect(nextMacauTime(iso('2027-03-14T06:00:00Z'), 3, 0)).toBe(iso('2027-03-14T19:00:00Z'));
        expect(nextMacauTime(iso('2027-10-31T12:00:00Z'), 3, 0)).toBe(iso('2027-10-31T19:00:00Z'));
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

/** A scheduler on a fake clock at 10:00 Macau time, with what it audited and how many restarts it asked for. */
function scheduler(options: { withRestart?: boolean } = {}) {
  const clock = new FakeClock(iso('2026-12-02T02:00:00Z'));
  const logger = recordingLogger();
  const audited: { actor: AuditActor; event: AuditEvent }[] = [];
  const audit: Pick<AuditLog, 'append'> = {
    append(actor, event) {
      audited.push({ actor, event });
      return ok({ seq: audited.length } as never);
    },
  };
  const kiosk = { busy: false, restarts: 0 };
  const restarts = new RestartScheduler({
    clock,
    audit,
    logger,
    busy: () => kiosk.busy,
    restart:
      options.withRestart === false
        ? undefined
        : () => {
            kiosk.restarts += 1;
          },
  });
  return { clock, logger, audited, kiosk, restarts };
}

const made: ReturnType<typeof scheduler>[] = [];
const track = (s: ReturnType<typeof scheduler>) => {
  made.push(s);
  return s;
};
afterEach(() => {
  for (const s of made.splice(0)) s.restarts.close();
});

describe('RestartScheduler', () => {
  it('restarts at the time asked, audited with the staff id and the instant', () => {
    const s = track(scheduler());
    const at = s.restarts.schedule('S0001', 23, 30);
    expect(at).toEqual({ ok: true, value: iso('2026-12-02T15:30:00Z') });
    expect(s.restarts.scheduledAt).toBe(iso('2026-12-02T15:30:00Z'));
    expect(s.audited).toEqual([
      { actor: { staffId: 'S0001' }, event: { kind: 'restart-requested', at: '2026-12-02T15:30:00.000Z' } },
    ]);
    s.clock.advance(iso('2026-12-02T15:29:59Z') - s.clock.now());
    expect(s.kiosk.restarts).toBe(0);
    s.clock.advance(1000);
    expect(s.kiosk.restarts).toBe(1);
    expect(s.restarts.scheduledAt).toBeNull();
    expect(s.logger.of('restart-requested')).toEqual([{ scheduled: true }]);
  });

  it('a time already passed today waits until tomorrow', () => {
    const s = track(scheduler());
    s.restarts.schedule('S0001', 9, 0);
    s.clock.advance(22 * 3_600_000);
    expect(s.kiosk.restarts).toBe(0);
    s.clock.advance(60 * 60_000);
    expect(s.kiosk.restarts).toBe(1);
  });

  it('pending while staff are still signed in, it waits; once staff leave it restarts within half a minute', () => {
    const s = track(scheduler());
    s.restarts.schedule('S0002', 10, 5);
    s.kiosk.busy = true; // staff still in maintenance (a session on the screen) at 10:05
    s.clock.advance(5 * 60_000);
    expect(s.kiosk.restarts).toBe(0);
    s.clock.advance(10 * 60_000);
    expect(s.kiosk.restarts).toBe(0);
    // Still pending, for the Terminal tool to show.
    expect(s.restarts.scheduledAt).toBe(iso('2026-12-02T02:05:00Z'));
    s.kiosk.busy = false; // staff leave: the attract screen
    s.clock.advance(30_000);
    expect(s.kiosk.restarts).toBe(1);
    s.clock.advance(3_600_000);
    expect(s.kiosk.restarts).toBe(1);
  });

  it('cancelled: no restart, audited once; cancelling nothing records nothing', () => {
    const s = track(scheduler());
    s.restarts.schedule('S0001', 11, 0);
    s.restarts.cancel('S0002');
    expect(s.restarts.scheduledAt).toBeNull();
    expect(s.audited.at(-1)).toEqual({
      actor: { staffId: 'S0002' },
      event: { kind: 'restart-cancelled', at: '2026-12-02T03:00:00.000Z' },
    });
    s.restarts.cancel('S0002');
    expect(s.audited).toHaveLength(2);
    s.clock.advance(2 * 86_400_000);
    expect(s.kiosk.restarts).toBe(0);
  });

  it('a second time replaces the first: one restart, at the new time', () => {
    const s = track(scheduler());
    s.restarts.schedule('S0001', 11, 0);
    s.restarts.schedule('S0001', 12, 0);
    expect(s.restarts.scheduledAt).toBe(iso('2026-12-02T04:00:00Z'));
    s.clock.advance(90 * 60_000);
    expect(s.kiosk.restarts).toBe(0);
    s.clock.advance(30 * 60_000);
    expect(s.kiosk.restarts).toBe(1);
    s.clock.advance(86_400_000);
    expect(s.kiosk.restarts).toBe(1);
  });

  it('without a host that can restart, now and later are refused and nothing is audited', () => {
    const s = track(scheduler({ withRestart: false }));
    expect(s.restarts.available).toBe(false);
    expect(s.restarts.restartNow('S0001')).toEqual({ ok: false, error: 'unavailable' });
    expect(s.restarts.schedule('S0001', 11, 0)).toEqual({ ok: false, error: 'unavailable' });
    expect(s.audited).toEqual([]);
    expect(s.clock.pendingTimers).toBe(0);
  });

  it('restart now does not wait for the staff member’s own session', () => {
    const s = track(scheduler());
    s.kiosk.busy = true;
    expect(s.restarts.restartNow('S0001')).toEqual({ ok: true, value: undefined });
    expect(s.kiosk.restarts).toBe(1);
    expect(s.audited[0]?.event).toEqual({ kind: 'restart-requested', at: 'now' });
  });
});
