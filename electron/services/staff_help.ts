import { err, ok } from '../../lib/result.js';
import type { StaffAlertStore } from '../journal/staff_alerts.js';
import type { CallStaffResult } from '../rpc/guidance_contract.js';
import type { Clock } from './clock.js';
import type { SessionService } from './session_service.js';

/** One call a session per this long: a second press is answered "already called", not a second alert. */
const callAgainAfterMs = 120_000;

/**
 * Help's "Call a member of staff": a staff alert naming the terminal and the step the resident is on (the main
 * process knows the step; the renderer is not asked). Nothing personal goes into the alert.
 */
export class StaffHelp {
  #lastCall: { sessionId: string; at: number } | undefined;

  constructor(
    private readonly alerts: StaffAlertStore,
    private readonly session: SessionService,
    private readonly terminalId: string,
    private readonly clock: Clock,
  ) {}

  callStaff(): CallStaffResult {
    const view = this.session.view();
    if (view.phase !== 'active') return err('no-session');
    const now = this.clock.now();
    const last = this.#lastCall;
    if (last?.sessionId === view.sessionId && now - last.at < callAgainAfterMs) {
      return err('already-called');
    }
    this.#lastCall = { sessionId: view.sessionId, at: now };
    this.alerts.raise('resident-help', {
      code: 'resident-asked',
      terminal: this.terminalId,
      flow: view.flow.service,
      step: view.flow.step,
    });
    return ok(undefined);
  }
}
