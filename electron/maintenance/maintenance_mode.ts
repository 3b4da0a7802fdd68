/**
 * Whether the kiosk is in maintenance, and the two rules of getting in and out:
 *
 * - **Entering waits for residents.** While a resident transaction of this run is still under way (a document
 *   being collected, a ticket printing), entry is deferred (`pending`) and taken as soon as the last one ends:
 *   a resident is never cut off mid-collection. The journal is looked at again every second while waiting.
 * - **Leaving checks readiness.** Maintenance ends whatever the devices say, but a required device that is not
 *   usable keeps the kiosk out of service (the kiosk status names it) until it is; the result says which.
 *
 * Staff sign-in asks to enter with the staff id (audited as theirs); the dev dock asks without one. While in
 * maintenance the resident side shows out of service in all four languages (KioskStatusService and the renderer's
 * out-of-service screen), and only a staff session runs.
 */
import type { DeviceKind } from '../../devices/device_status.js';
import type { AuditActor, AuditEvent } from '../journal/audit_events.js';
import type { AuditLog } from '../journal/audit_log.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { KioskStatus } from '../rpc/kiosk_contract.js';
import type { Clock } from '../services/clock.js';
import type { KioskStatusService } from '../services/kiosk_status_service.js';

export type MaintenanceRequester = { staffId: string } | 'dev-dock';

export type MaintenanceState =
  | { mode: 'off' }
  | { mode: 'pending'; since: number; transactions: number }
  | { mode: 'on'; since: number };

/** A required device that keeps the kiosk out of service after maintenance. */
export interface NotReadyDevice {
  deviceId: string;
  deviceKind: DeviceKind;
}

export interface MaintenanceModeOptions {
  kioskStatus: KioskStatusService;
  /** How many resident transactions of this run are still under way (the journal's `inProgress()`). */
  residentTransactions: () => number;
  clock: Clock;
  audit: AuditLog;
  logger: KioskLogger;
}

/** How often a deferred entry looks at the journal again. */
export const deferredEntryPollMs = 1000;

export class MaintenanceMode {
  readonly #options: MaintenanceModeOptions;
  #state: MaintenanceState = { mode: 'off' };
  #requester: MaintenanceRequester | null = null;
  #cancelPoll: () => void = () => {};
  readonly #listeners = new Set<(state: MaintenanceState) => void>();

  constructor(options: MaintenanceModeOptions) {
    this.#options = options;
  }

  get state(): MaintenanceState {
    return this.#state;
  }

  /** Listeners run after every change of state (the staff sign-in waits on `pending → on`). */
  onChange(listener: (state: MaintenanceState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The kiosk's status, as the mode left it. */
  status(): KioskStatus {
    return this.#options.kioskStatus.status;
  }

  residentBusy(): boolean {
    return this.#options.residentTransactions() > 0;
  }

  /** Enters now, or as soon as no resident transaction is under way; `on` at once if already in maintenance. */
  enter(by: MaintenanceRequester): MaintenanceState['mode'] {
    if (this.#state.mode === 'on') return 'on';
    this.#requester = by;
    if (!this.residentBusy()) {
      this.#turnOn(0);
      return 'on';
    }
    if (this.#state.mode === 'pending') return 'pending';
    const transactions = this.#options.residentTransactions();
    this.#set({ mode: 'pending', since: this.#options.clock.now(), transactions });
    this.#options.logger.log('maintenance-entry-deferred', { transactions });
    this.#poll();
    return 'pending';
  }

  /** Gives up a deferred entry (the staff member walked away, or the dock switched it off). */
  cancelPending(): void {
    if (this.#state.mode !== 'pending') return;
    this.#cancelPoll();
    this.#requester = null;
    this.#set({ mode: 'off' });
  }

  /**
   * Runs `action` once no resident transaction is under way: now, or when the last one ends. Returns a cancel
   * function. (A badge shown during a resident's session waits like this before it opens staff sign-in.)
   */
  whenResidentIdle(action: () => void): () => void {
    if (!this.residentBusy()) {
      action();
      return () => {};
    }
    let cancel = () => {};
    const check = () => {
      if (this.residentBusy()) cancel = this.#options.clock.setTimeout(check, deferredEntryPollMs);
      else action();
    };
    cancel = this.#options.clock.setTimeout(check, deferredEntryPollMs);
    return () => cancel();
  }

  /** Leaves maintenance; the required devices that are not usable keep the kiosk out of service. */
  leave(by: MaintenanceRequester): { notReady: NotReadyDevice[] } {
    this.cancelPending();
    const status = this.#options.kioskStatus.setMaintenance(false);
    const notReady: NotReadyDevice[] =
      status.mode === 'out-of-service'
        ? status.reasons.flatMap((reason) =>
            reason.kind === 'device-unavailable'
              ? [{ deviceId: reason.deviceId, deviceKind: reason.deviceKind }]
              : [],
          )
        : [];
    if (this.#state.mode === 'on') {
      this.#audit(by, { kind: 'maintenance-left', notReady: notReady.map((d) => d.deviceId) });
      if (notReady.length > 0)
        this.#options.logger.log('maintenance-left-not-ready', { devices: notReady.map((d) => d.deviceId) });
    }
    this.#requester = null;
    this.#set({ mode: 'off' });
    return { notReady };
  }

  close(): void {
    this.#cancelPoll();
    this.#listeners.clear();
  }

  #poll(): void {
    this.#cancelPoll = this.#options.clock.setTimeout(() => {
      if (this.#state.mode !== 'pending') return;
      if (this.residentBusy()) this.#poll();
      else this.#turnOn(Math.round((this.#options.clock.now() - this.#state.since) / 1000));
    }, deferredEntryPollMs);
  }

  #turnOn(deferredSeconds: number): void {
    const by = this.#requester ?? 'dev-dock';
    this.#options.kioskStatus.setMaintenance(true);
    this.#audit(by, { kind: 'maintenance-entered', deferredSeconds });
    this.#set({ mode: 'on', since: this.#options.clock.now() });
  }

  #set(state: MaintenanceState): void {
    this.#state = state;
    for (const listener of [...this.#listeners]) listener(state);
  }

  #audit(by: MaintenanceRequester, event: AuditEvent): void {
    const actor: AuditActor = by === 'dev-dock' ? 'system' : by;
    const recorded = this.#options.audit.append(actor, event);
    if (!recorded.ok)
      this.#options.logger.log('audit-append-failed', { auditKind: event.kind, code: recorded.error.code });
  }
}
