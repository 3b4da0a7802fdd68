import { err, ok } from '../../../lib/result.js';
import type { StaffSignInFlowView } from '../../rpc/flows/staff_sign_in_contract.js';
import type { StaffBadge } from '../../staff/staff_badge.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';

/** Where a staff session begins (the session is created showing this step, before the flow object exists). */
export const staffSignInEntry: StaffSignInFlowView = {
  service: 'staff-sign-in',
  step: 'badge',
  refused: null,
};

type Services = Pick<FlowServices, 'staff' | 'maintenance' | 'clock'>;

type State =
  | { step: 'badge'; refused: Extract<StaffSignInFlowView, { step: 'badge' }>['refused'] }
  | { step: 'pin'; badge: StaffBadge; attemptsLeft: number; problem: 'wrong-pin' | 'unavailable' | null }
  | { step: 'checking'; badge: StaffBadge }
  | { step: 'locked'; badge: StaffBadge; until: number }
  | { step: 'waiting'; badge: StaffBadge };

/**
 * Staff sign-in as a state machine: a badge shown to the scanner (the staff door hands it over, staff_door.ts),
 * then the PIN on the pad, checked by the backend through StaffSignIn (which keeps the lock-out and the audit
 * log). Signed in, it asks for maintenance: entered at once, or — while a resident transaction is under way —
 * when it ends (`waiting`); then the session moves on to the maintenance flow.
 *
 * The badge (the staff member's name among its fields) is held for this session only and dropped in `dispose`.
 */
export class StaffSignInFlow implements RunningFlow<'staff-sign-in'> {
  readonly id = 'staff-sign-in';
  readonly #context: FlowContext;
  readonly #services: Services;
  #state: State = { step: 'badge', refused: null };
  #cancelTimer: () => void = () => {};
  #stopWaiting: () => void = () => {};

  constructor(context: FlowContext, services: Services) {
    this.#context = context;
    this.#services = services;
  }

  view(): StaffSignInFlowView {
    const s = this.#state;
    if (s.step === 'badge') return { service: 'staff-sign-in', step: 'badge', refused: s.refused };
    const staff = { staffName: s.badge.name, staffId: s.badge.staffId };
    switch (s.step) {
      case 'pin':
        return {
          service: 'staff-sign-in',
          step: 'pin',
          ...staff,
          attemptsLeft: s.attemptsLeft,
          problem: s.problem,
        };
      case 'checking':
        return { service: 'staff-sign-in', step: 'checking', ...staff };
      case 'locked':
        return { service: 'staff-sign-in', step: 'locked', ...staff, until: new Date(s.until).toISOString() };
      case 'waiting':
        return {
          service: 'staff-sign-in',
          step: 'waiting',
          ...staff,
          transactions: this.#pending(),
        };
      default: {
        const unreachable: never = s;
        return unreachable;
      }
    }
  }

  /** A code the scanner read while this flow runs (staff_door.ts): a badge, or a refusal to show. */
  presentBadge(text: string): IntentOutcome {
    if (this.#state.step === 'checking' || this.#state.step === 'waiting') return err('other-step');
    const verified = this.#services.staff.signIn.verifyBadge(text);
    if (!verified.ok) {
      this.#toBadge(verified.error);
      return ok();
    }
    this.#toPin(verified.value, null);
    return ok();
  }

  async enterPin(pin: string): Promise<IntentOutcome> {
    const s = this.#state;
    if (s.step !== 'pin') return err('other-step');
    const { badge } = s;
    this.#state = { step: 'checking', badge };
    this.#context.stepChanged();
    const signedIn = await this.#services.staff.signIn.signIn(badge, pin);
    if (this.#state.step !== 'checking') return ok(); // disposed or moved on meanwhile
    if (!signedIn.ok) {
      const refusal = signedIn.error;
      switch (refusal.code) {
        case 'wrong-pin':
          this.#state = { step: 'pin', badge, attemptsLeft: refusal.attemptsLeft, problem: 'wrong-pin' };
          return ok();
        case 'locked':
          this.#toLocked(badge, refusal.until);
          return ok();
        case 'unknown-staff':
          this.#toBadge('unknown-staff');
          return ok();
        case 'unavailable':
          this.#toPin(badge, 'unavailable');
          return ok();
        default: {
          const unreachable: never = refusal;
          return unreachable;
        }
      }
    }
    this.#services.staff.sessions.signIn(this.#context.sessionId, signedIn.value);
    const { mode } = this.#services.maintenance;
    if (mode.enter({ staffId: badge.staffId }) === 'on') {
      this.#context.switchTo('maintenance');
      return ok();
    }
    this.#state = { step: 'waiting', badge };
    this.#stopWaiting = mode.onChange((state) => {
      if (state.mode === 'on') this.#context.switchTo('maintenance');
      else this.#context.stepChanged();
    });
    return ok();
  }

  back(): IntentOutcome {
    if (this.#state.step !== 'pin' && this.#state.step !== 'locked') return err('other-step');
    this.#toBadge(null);
    return ok();
  }

  cancel(): IntentOutcome {
    this.#context.endSession('cancelled');
    return ok();
  }

  dispose(): void {
    this.#cancelTimer();
    this.#stopWaiting();
    if (this.#state.step === 'waiting') this.#services.maintenance.mode.cancelPending();
    this.#state = { step: 'badge', refused: null };
  }

  #pending(): number {
    const state = this.#services.maintenance.mode.state;
    return state.mode === 'pending' ? state.transactions : 0;
  }

  #toBadge(refused: Extract<State, { step: 'badge' }>['refused']): void {
    this.#cancelTimer();
    this.#state = { step: 'badge', refused };
  }

  /** The PIN step, unless the badge is locked out right now. */
  #toPin(badge: StaffBadge, problem: 'wrong-pin' | 'unavailable' | null): void {
    const lockout = this.#services.staff.signIn.lockout(badge.staffId);
    if (lockout.locked) this.#toLocked(badge, lockout.until);
    else this.#state = { step: 'pin', badge, attemptsLeft: lockout.attemptsLeft, problem };
  }

  /** Shows the lock-out, and the PIN pad again once it has run out. */
  #toLocked(badge: StaffBadge, until: number): void {
    this.#cancelTimer();
    this.#state = { step: 'locked', badge, until };
    const { clock } = this.#services;
    this.#cancelTimer = clock.setTimeout(
      () => {
        if (this.#state.step !== 'locked') return;
        this.#toPin(badge, null);
        this.#context.stepChanged();
      },
      Math.max(0, until - clock.now()),
    );
  }
}

export const staffSignInFlow: FlowDefinition<'staff-sign-in', StaffSignInFlow> = {
  id: 'staff-sign-in',
  start: (context, services) => new StaffSignInFlow(context, services),
};
