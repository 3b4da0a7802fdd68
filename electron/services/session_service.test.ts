import { beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake_clock.js';
import type { EventName } from '../rpc/contract.js';
import { EventBus } from '../rpc/event_bus.js';
import type { FlowView } from '../rpc/flow_contract.js';
import { SessionService } from './session_service.js';

const limits = { idleSeconds: 120, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 6 };
const languageStep: FlowView = { service: 'home', step: 'language' };

describe('SessionService', () => {
  let clock: FakeClock;
  let bus: EventBus;
  let events: { event: EventName; payload: unknown }[];
  let session: SessionService;

  beforeEach(() => {
    clock = new FakeClock();
    bus = new EventBus();
    events = [];
    bus.subscribe((event, payload) => events.push({ event, payload }));
    session = new SessionService(limits, clock, bus);
  });

  it('starts on the attract screen with no session', () => {
    expect(session.view()).toEqual({ phase: 'attract' });
    expect(session.activeSessionId).toBeNull();
  });

  it('shows the warning warningSeconds before the idle limit, then ends the session at the limit', () => {
    session.start('pt', languageStep);
    clock.advance(89_999);
    expect(session.view()).toMatchObject({ phase: 'active', warning: null });
    clock.advance(1);
    expect(session.view()).toMatchObject({ phase: 'active', language: 'pt', warning: { secondsLeft: 30 } });
    expect(events.at(-1)).toMatchObject({
      event: 'session.changed',
      payload: { warning: { secondsLeft: 30 } },
    });
    clock.advance(29_999);
    expect(session.view().phase).toBe('active');
    clock.advance(1);
    expect(session.view()).toEqual({ phase: 'attract' });
    expect(events.map((e) => e.event)).toContain('session.ended');
    expect(events.find((e) => e.event === 'session.ended')?.payload).toEqual({ reason: 'timeout' });
    expect(clock.pendingTimers).toBe(0);
  });

  it('pushes nothing for a touch: the screen it would redraw has not changed', () => {
    session.start('en', languageStep);
    const pushed = events.length;
    clock.advance(80_000);
    expect(session.touch()).toMatchObject({ phase: 'active', warning: null });
    expect(events.length).toBe(pushed);
    // The timer did restart: no warning 90 s after the start, only 90 s after the touch.
    clock.advance(80_000);
    expect(events.length).toBe(pushed);
    clock.advance(10_000);
    expect(events.at(-1)).toMatchObject({
      event: 'session.changed',
      payload: { warning: { secondsLeft: 30 } },
    });
  });

  it('restarts the idle timer on a touch, but a touch does not answer the warning', () => {
    session.start('en', languageStep);
    clock.advance(80_000);
    session.touch();
    clock.advance(80_000);
    expect(session.view()).toMatchObject({ warning: null });
    clock.advance(10_000);
    expect(session.view()).toMatchObject({ warning: { secondsLeft: 30 } });
    session.touch();
    expect(session.view()).toMatchObject({ warning: { secondsLeft: 30 } });
    clock.advance(30_000);
    expect(session.view()).toEqual({ phase: 'attract' });
  });

  it('can be extended at least ten times (WCAG 2.2.1), and not an eleventh', () => {
    session.start('zh-Hant', languageStep);
    for (let i = 1; i <= 10; i++) {
      clock.advance(90_000);
      expect(session.view()).toMatchObject({ warning: { secondsLeft: 30 }, extensionsLeft: 11 - i });
      session.extend();
      expect(session.view()).toMatchObject({ warning: null, extensionsLeft: 10 - i });
    }
    clock.advance(90_000);
    expect(session.view()).toMatchObject({ warning: { secondsLeft: 30 }, extensionsLeft: 0 });
    session.extend();
    expect(session.view()).toMatchObject({ warning: { secondsLeft: 30 } });
    clock.advance(30_000);
    expect(session.view()).toEqual({ phase: 'attract' });
  });

  it('does not count a "Continue" pressed before the warning as an extension', () => {
    session.start('zh-Hans', languageStep);
    session.extend();
    expect(session.view()).toMatchObject({ extensionsLeft: 10 });
  });

  it('calls every data holder with the session id when the session ends, for any reason', () => {
    const wiped: string[] = [];
    session.onSessionEnd((id, reason) => wiped.push(`${id}:${reason}`));
    const first = session.start('pt', languageStep);
    session.end('done');
    const second = session.start('en', languageStep);
    clock.advance(120_000);
    expect(first.phase === 'active' && second.phase === 'active').toBe(true);
    if (first.phase !== 'active' || second.phase !== 'active') return;
    expect(wiped).toEqual([`${first.sessionId}:done`, `${second.sessionId}:timeout`]);
    expect(first.sessionId).not.toEqual(second.sessionId);
  });

  it('keeps the running session (in the new language) when start is pressed twice', () => {
    const first = session.start('pt', languageStep);
    const again = session.start('en', languageStep);
    expect(again).toMatchObject({ phase: 'active', language: 'en' });
    expect(first.phase === 'active' && again.phase === 'active' && first.sessionId === again.sessionId).toBe(
      true,
    );
  });

  it('ignores touch, extend, language and end when no session runs', () => {
    expect(session.touch()).toEqual({ phase: 'attract' });
    expect(session.extend()).toEqual({ phase: 'attract' });
    expect(session.setLanguage('pt')).toEqual({ phase: 'attract' });
    expect(session.end('cancelled')).toEqual({ phase: 'attract' });
    expect(events).toEqual([]);
  });

  it('keeps the step and the display settings in the view a reload redraws, and pushes each change', () => {
    session.start('pt', languageStep);
    session.setAccessibility({ largeText: true });
    session.showFlow({ service: 'home', step: 'service-intro', about: 'check-in' });
    session.setAccessibility({ highContrast: true });
    expect(session.view()).toMatchObject({
      phase: 'active',
      language: 'pt',
      accessibility: { highContrast: true, largeText: true },
      flow: { service: 'home', step: 'service-intro', about: 'check-in' },
    });
    expect(events.at(-1)).toEqual({ event: 'session.changed', payload: session.view() });
    // Neither a step nor a setting restarts the idle timer: only a touch or an answer does.
    clock.advance(90_000);
    expect(session.view()).toMatchObject({ warning: { secondsLeft: 30 } });
  });

  it('starts every resident with the default display, whatever the last one chose', () => {
    session.start('en', languageStep);
    session.setAccessibility({ highContrast: true, largeText: true });
    session.end('done');
    expect(session.setAccessibility({ largeText: true })).toEqual({ phase: 'attract' });
    expect(session.start('en', languageStep)).toMatchObject({
      accessibility: { highContrast: false, largeText: false },
      flow: languageStep,
    });
  });
});
