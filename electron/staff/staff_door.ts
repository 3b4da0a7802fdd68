/**
 * The scanner side of staff sign-in: a staff badge shown to any scanner.
 *
 * - Nobody at the kiosk (the attract or out-of-service screen): a badge opens staff sign-in, at the PIN.
 * - Staff sign-in on the screen: every code goes to it (a wrong code is refused there, with its reason).
 * - A resident's session: a valid badge waits until no resident transaction is under way — a resident is never
 *   cut off mid-collection — then the resident's session ends and sign-in opens for the badge. A refused badge is
 *   audited and changes nothing for the resident; other codes are the resident flow's business.
 * - Maintenance on the screen: codes are the Devices tool's test scan, not sign-in's.
 */
import type { ScanEvent } from '../../devices/scanner/index.js';
import type { FlowRunner } from '../flows/flow_runner.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { MaintenanceMode } from '../maintenance/maintenance_mode.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { SessionService } from '../services/session_service.js';
import { isStaffBadgeText } from './staff_badge.js';
import type { StaffSignIn } from './staff_sign_in.js';

export interface StaffDoorOptions {
  devices: Pick<DeviceHub, 'scanners'>;
  flows: FlowRunner;
  session: SessionService;
  signIn: StaffSignIn;
  mode: MaintenanceMode;
  logger: KioskLogger;
}

export class StaffDoor {
  readonly #options: StaffDoorOptions;
  #stops: (() => void)[] = [];
  #cancelTakeover: (() => void) | null = null;

  constructor(options: StaffDoorOptions) {
    this.#options = options;
  }

  start(): void {
    for (const { driver } of this.#options.devices.scanners())
      this.#stops.push(driver.onScan((event) => this.#onScan(event)));
  }

  close(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#cancelTakeover?.();
  }

  #onScan(event: ScanEvent): void {
    if (!event.ok) return;
    const text = event.value.text;
    const { flows } = this.#options;
    switch (flows.current) {
      case null:
        if (isStaffBadgeText(text)) this.#openSignIn(text);
        return;
      case 'staff-sign-in':
        void flows.dispatch('staff-sign-in', (flow) => flow.presentBadge(text));
        return;
      case 'maintenance':
        return;
      default:
        if (isStaffBadgeText(text)) this.#takeOver(text);
    }
  }

  #openSignIn(text: string): void {
    const { flows } = this.#options;
    if (!flows.startStaffSession().ok) return;
    void flows.dispatch('staff-sign-in', (flow) => flow.presentBadge(text));
  }

  /** A badge during a resident's session: sign-in opens once no resident transaction is under way. */
  #takeOver(text: string): void {
    const { signIn, mode, session, logger } = this.#options;
    if (this.#cancelTakeover !== null) return;
    if (!signIn.verifyBadge(text).ok) return;
    if (mode.residentBusy())
      logger.log('maintenance-entry-deferred', { reason: 'staff-badge', sessionId: session.activeSessionId });
    let done = false;
    const cancel = mode.whenResidentIdle(() => {
      done = true;
      this.#cancelTakeover = null;
      if (this.#options.flows.residentSession) session.end('out-of-service');
      this.#openSignIn(text);
    });
    if (!done) this.#cancelTakeover = cancel;
  }
}
