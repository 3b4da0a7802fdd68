/**
 * Who is signed in, for the session on the screen: set when badge and PIN agree (staff_sign_in.ts), read by the
 * maintenance flow for every action it records (the staff id comes from here, never from the screen), and dropped
 * when the session ends — by signing out, by leaving maintenance, or by the idle timeout — which is audited.
 */
import type { AuditLog } from '../journal/audit_log.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { SessionService } from '../services/session_service.js';
import type { SignedInStaff } from './staff_sign_in.js';

export type SignOutReason = 'signed-out' | 'maintenance-left';

export class StaffSessions {
  #current: { sessionId: string; staff: SignedInStaff; reason: SignOutReason | null } | null = null;
  readonly #audit: AuditLog;
  readonly #logger: KioskLogger;
  readonly #stop: () => void;

  constructor(session: SessionService, audit: AuditLog, logger: KioskLogger) {
    this.#audit = audit;
    this.#logger = logger;
    this.#stop = session.onSessionEnd((sessionId, endReason) => {
      const current = this.#current;
      if (current === null || current.sessionId !== sessionId) return;
      this.#current = null;
      const reason = current.reason ?? (endReason === 'timeout' ? 'idle' : 'signed-out');
      const recorded = this.#audit.append(
        { staffId: current.staff.staffId },
        { kind: 'staff-signed-out', reason },
      );
      if (!recorded.ok)
        this.#logger.log('audit-append-failed', { auditKind: 'staff-signed-out', code: recorded.error.code });
      this.#logger.log('staff-signed-out', { staffId: current.staff.staffId, reason });
    });
  }

  signIn(sessionId: string, staff: SignedInStaff): void {
    this.#current = { sessionId, staff, reason: null };
  }

  /** The member of staff signed in for `sessionId`, or null. */
  current(sessionId: string): SignedInStaff | null {
    return this.#current?.sessionId === sessionId ? this.#current.staff : null;
  }

  /** Says why the session is about to end (before ending it), for the audit log. */
  willSignOut(sessionId: string, reason: SignOutReason): void {
    if (this.#current?.sessionId === sessionId) this.#current.reason = reason;
  }

  close(): void {
    this.#stop();
  }
}
