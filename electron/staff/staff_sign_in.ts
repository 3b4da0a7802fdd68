/**
 * Staff sign-in, the two factors in order: the badge (a signed QR, checked here against the configuration's
 * staff-badge keys: it says who claims to be there) and the PIN (checked by the backend, which knows the staff
 * member). Between them sits the kiosk's own lock-out: wrong PINs lock the badge with a doubling delay
 * (badge_lockout.ts), and a locked badge's PIN is not even sent.
 *
 * Every attempt goes to the audit log with the staff id it claimed — a refused badge, a wrong PIN, a lock-out,
 * a sign-in — and to the log without names. The PIN itself is never stored, logged or audited; the staff member's
 * name (from the badge) is shown on the staff screens only.
 */
import type { Result } from '../../lib/result.js';
import { err, ok } from '../../lib/result.js';
import type { AuditEvent } from '../journal/audit_events.js';
import type { AuditLog } from '../journal/audit_log.js';
import type { PublicKeyTable } from '../keys/key_table.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import { badgeLockoutReducer, type LockoutPolicy, lockoutStatus } from './badge_lockout.js';
import { type StaffBadge, type StaffRole, verifyStaffBadge } from './staff_badge.js';
import type { StaffLockoutStore } from './staff_lockout_store.js';

/** Why a badge was refused, as the sign-in screen says it. */
export type BadgeRefusalReason = 'malformed' | 'tampered' | 'unknown-key' | 'expired';

/** What the backend said of a PIN (the adapter over the backend contract maps its answers to these). */
export type PinCheckFailure =
  | { code: 'wrong-pin' }
  /** The backend's own lock of the staff account. */
  | { code: 'locked'; until: number }
  | { code: 'unknown-staff' }
  /** No answer (unreachable, timeout, server error): nobody can tell whether the PIN was right. */
  | { code: 'unavailable'; detail: string };

export type CheckStaffPin = (
  staffId: string,
  pin: string,
) => Promise<Result<{ roles: StaffRole[] }, PinCheckFailure>>;

export type SignInRefusal =
  | { code: 'wrong-pin'; attemptsLeft: number }
  | { code: 'locked'; until: number }
  | { code: 'unknown-staff' }
  | { code: 'unavailable' };

/** The member of staff a session serves, once badge and PIN agree. */
export interface SignedInStaff {
  staffId: string;
  /** From the badge: shown on the staff screens, never logged. */
  name: string;
  /** From the backend (it, not the badge, says what a member of staff may do). */
  roles: StaffRole[];
  signedInAt: number;
}

export interface StaffSignInOptions {
  keys: PublicKeyTable;
  policy: LockoutPolicy;
  lockouts: StaffLockoutStore;
  checkPin: CheckStaffPin;
  audit: AuditLog;
  logger: KioskLogger;
  now: () => number;
}

const badgeAuditReason = {
  malformed: 'malformed-badge',
  tampered: 'bad-signature',
  'unknown-key': 'unknown-badge',
  expired: 'expired-badge',
} as const satisfies Record<BadgeRefusalReason, string>;

export class StaffSignIn {
  readonly #options: StaffSignInOptions;

  constructor(options: StaffSignInOptions) {
    this.#options = options;
  }

  /** Checks a scanned badge; a refusal is audited and logged with its reason. */
  verifyBadge(text: string): Result<StaffBadge, BadgeRefusalReason> {
    const { keys, now } = this.#options;
    const verified = verifyStaffBadge(text, keys, Math.floor(now() / 1000));
    if (verified.ok) return verified;
    const refusal = verified.error;
    const reason: BadgeRefusalReason =
      refusal.reason === 'forged'
        ? refusal.detail === 'unknown-key'
          ? 'unknown-key'
          : 'tampered'
        : refusal.reason;
    this.#options.logger.log('staff-badge-refused', { reason });
    this.#audit('system', { kind: 'staff-sign-in-refused', reason: badgeAuditReason[reason] });
    return err(reason);
  }

  /** Whether this badge may try a PIN now (and how many tries are left before it is locked). */
  lockout(staffId: string): ReturnType<typeof lockoutStatus> {
    const { lockouts, now, policy } = this.#options;
    return lockoutStatus(lockouts.get(staffId), now(), policy);
  }

  async signIn(badge: StaffBadge, pin: string): Promise<Result<SignedInStaff, SignInRefusal>> {
    const { lockouts, policy, now, logger } = this.#options;
    const { staffId } = badge;
    const before = this.lockout(staffId);
    if (before.locked) {
      this.#audit('system', { kind: 'staff-sign-in-refused', staffId, reason: 'locked-out' });
      return err({ code: 'locked', until: before.until });
    }
    const checked = await this.#options.checkPin(staffId, pin);
    if (checked.ok) {
      lockouts.put(staffId, badgeLockoutReducer(lockouts.get(staffId), { type: 'right-pin' }, policy));
      this.#audit({ staffId }, { kind: 'staff-signed-in', method: 'badge-and-pin' });
      logger.log('staff-signed-in', { staffId });
      return ok({ staffId, name: badge.name, roles: checked.value.roles, signedInAt: now() });
    }
    const failure = checked.error;
    switch (failure.code) {
      case 'wrong-pin':
        return err(this.#wrongPin(staffId));
      case 'locked':
        this.#audit('system', { kind: 'staff-sign-in-refused', staffId, reason: 'locked-out' });
        logger.log('staff-pin-refused', { staffId, code: 'backend-locked' });
        return err({ code: 'locked', until: failure.until });
      case 'unknown-staff':
        this.#audit('system', { kind: 'staff-sign-in-refused', staffId, reason: 'unknown-staff' });
        logger.log('staff-pin-refused', { staffId, code: 'unknown-staff' });
        return err({ code: 'unknown-staff' });
      case 'unavailable':
        logger.log('staff-sign-in-unavailable', { staffId, error: failure.detail });
        return err({ code: 'unavailable' });
      default: {
        const unreachable: never = failure;
        return unreachable;
      }
    }
  }

  #wrongPin(staffId: string): SignInRefusal {
    const { lockouts, policy, now, logger } = this.#options;
    const state = badgeLockoutReducer(lockouts.get(staffId), { type: 'wrong-pin', at: now() }, policy);
    lockouts.put(staffId, state);
    this.#audit('system', { kind: 'staff-sign-in-refused', staffId, reason: 'wrong-pin' });
    const after = lockoutStatus(state, now(), policy);
    if (!after.locked) {
      logger.log('staff-pin-refused', { staffId, attemptsLeft: after.attemptsLeft });
      return { code: 'wrong-pin', attemptsLeft: after.attemptsLeft };
    }
    this.#audit('system', {
      kind: 'staff-locked-out',
      staffId,
      failedAttempts: policy.attempts,
      lockedSeconds: after.seconds,
    });
    logger.log('staff-locked-out', { staffId, lockedSeconds: after.seconds, lockouts: state.lockouts });
    return { code: 'locked', until: after.until };
  }

  #audit(actor: Parameters<AuditLog['append']>[0], event: AuditEvent): void {
    const recorded = this.#options.audit.append(actor, event);
    if (!recorded.ok)
      this.#options.logger.log('audit-append-failed', { auditKind: event.kind, code: recorded.error.code });
  }
}
