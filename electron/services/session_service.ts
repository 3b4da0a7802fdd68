import { randomUUID } from 'node:crypto';
import type { KioskConfig } from '../config/config_schema.js';
import type { EventBus } from '../rpc/event_bus.js';
import type { FlowView } from '../rpc/flow_contract.js';
import type { Language } from '../rpc/languages.js';
import type {
  Accessibility,
  AccessibilityChange,
  SessionEndReason,
  SessionView,
} from '../rpc/session_contract.js';
import type { Clock } from './clock.js';

interface ActiveSession {
  id: string;
  language: Language;
  accessibility: Accessibility;
  /** This session's idle limit (a staff session has its own, `staff.sessionIdleSeconds`). */
  idleSeconds: number;
  /** The step the resident is on, as the running flow last showed it (electron/flows/flow_runner.ts). */
  flow: FlowView;
  /** When the idle warning appears and when the session ends, in clock milliseconds. */
  warningAt: number;
  endsAt: number;
  extensionsUsed: number;
  /**
   * Set by the warning timer itself, not by comparing clocks: a timer may fire a millisecond before the wall
   * clock says it is due, and the warning must show whenever the timer fired.
   */
  warningShown: boolean;
  cancelTimer: () => void;
}

/** Something that holds a resident's personal data for the session and must drop it when the session ends. */
export type SessionDataHolder = (sessionId: string, reason: SessionEndReason) => void;

const defaultAccessibility: Accessibility = {
  highContrast: false,
  largeText: false,
  audio: { on: false, volume: 7, rate: 100, voice: 'auto' },
};

/**
 * The resident's session, owned by the main process: started on the attract screen (with the first step of the
 * home flow), kept alive by touches, warned 'warningSeconds' before the idle limit, extended by "Continue" up to
 * 'maxExtensions' times, and ended on done / cancel / timeout / out-of-service. It holds everything a redraw needs
 * — language, high contrast, large text and audio guidance, the flow step — so a reload or a reconnect shows the resident the
 * same step, the same way. Ending calls every registered data holder (the running flow among them) so personal
 * data is wiped in the main process; the `session.ended` event makes the renderer wipe its stores.
 */
export class SessionService {
  readonly #limits: KioskConfig['timeLimits'];
  readonly #clock: Clock;
  readonly #bus: EventBus;
  readonly #holders = new Set<SessionDataHolder>();
  #session: ActiveSession | null = null;

  constructor(limits: KioskConfig['timeLimits'], clock: Clock, bus: EventBus) {
    this.#limits = limits;
    this.#clock = clock;
    this.#bus = bus;
  }

  /** Register a holder of per-session data; it is called with the ending session's id. */
  onSessionEnd(holder: SessionDataHolder): () => void {
    this.#holders.add(holder);
    return () => this.#holders.delete(holder);
  }

  get activeSessionId(): string | null {
    return this.#session?.id ?? null;
  }

  view(): SessionView {
    const s = this.#session;
    if (!s) return { phase: 'attract' };
    const now = this.#clock.now();
    const warning = s.warningShown ? { secondsLeft: Math.max(0, Math.ceil((s.endsAt - now) / 1000)) } : null;
    return {
      phase: 'active',
      sessionId: s.id,
      language: s.language,
      accessibility: { ...s.accessibility, audio: { ...s.accessibility.audio } },
      flow: s.flow,
      warning,
      extensionsLeft: Math.max(0, this.#limits.maxExtensions - s.extensionsUsed),
    };
  }

  /**
   * Starts a session showing `flow` (the first step of the home flow, or of staff sign-in with the staff idle
   * limit). A start while a session runs (a double tap on the attract screen) keeps that session and its step, in
   * the new language.
   */
  start(language: Language, flow: FlowView, idleSeconds = this.#limits.idleSeconds): SessionView {
    if (this.#session) return this.setLanguage(language);
    this.#session = {
      id: randomUUID(),
      language,
      idleSeconds,
      accessibility: { ...defaultAccessibility, audio: { ...defaultAccessibility.audio } },
      flow,
      warningAt: 0,
      endsAt: 0,
      extensionsUsed: 0,
      warningShown: false,
      cancelTimer: () => {},
    };
    return this.#restartIdleTimer();
  }

  setLanguage(language: Language): SessionView {
    if (!this.#session) return this.view();
    this.#session.language = language;
    return this.#restartIdleTimer();
  }

  /** High contrast, large text and audio guidance for this resident; a field left out keeps its value. */
  setAccessibility(change: AccessibilityChange): SessionView {
    const s = this.#session;
    if (!s) return this.view();
    const { audio, ...display } = change;
    s.accessibility = { ...s.accessibility, ...display, audio: { ...s.accessibility.audio, ...audio } };
    return this.#publish();
  }

  /** The running flow moved to another step: kept for a redraw, and pushed to the renderer. */
  showFlow(flow: FlowView): SessionView {
    const s = this.#session;
    if (!s) return this.view();
    s.flow = flow;
    return this.#publish();
  }

  /**
   * A touch restarts the idle timer, but not while the warning shows: only "Continue" answers the warning. Nothing
   * a screen draws changes (the view carries no deadline), so nothing is pushed: a push would redraw the resident's
   * whole screen once a second while they type.
   */
  touch(): SessionView {
    const s = this.#session;
    if (!s || s.warningShown) return this.view();
    this.#armIdleTimer(s);
    return this.view();
  }

  extend(): SessionView {
    const s = this.#session;
    if (!s || s.extensionsUsed >= this.#limits.maxExtensions) return this.view();
    if (s.warningShown) s.extensionsUsed += 1;
    return this.#restartIdleTimer();
  }

  end(reason: SessionEndReason): SessionView {
    const s = this.#session;
    if (!s) return this.view();
    s.cancelTimer();
    this.#session = null;
    for (const holder of this.#holders) holder(s.id, reason);
    this.#bus.emit('session.ended', { reason });
    return this.#publish();
  }

  #publish(): SessionView {
    const view = this.view();
    this.#bus.emit('session.changed', view);
    return view;
  }

  #restartIdleTimer(): SessionView {
    const s = this.#session;
    if (!s) return this.view();
    this.#armIdleTimer(s);
    return this.#publish();
  }

  /** The warning and the end counted again from now; the warning, if it showed, is taken down. */
  #armIdleTimer(s: ActiveSession): void {
    s.cancelTimer();
    const now = this.#clock.now();
    s.endsAt = now + s.idleSeconds * 1000;
    s.warningAt = s.endsAt - this.#limits.warningSeconds * 1000;
    s.warningShown = false;
    s.cancelTimer = this.#clock.setTimeout(() => this.#onWarning(s), s.warningAt - now);
  }

  #onWarning(s: ActiveSession): void {
    if (this.#session !== s) return;
    s.warningShown = true;
    this.#publish();
    s.cancelTimer = this.#clock.setTimeout(
      () => {
        if (this.#session === s) this.end('timeout');
      },
      Math.max(0, s.endsAt - this.#clock.now()),
    );
  }
}
