import type { DeviceAction, DeviceTestName } from '../../rpc/flows/maintenance_choices.js';
import type { DeviceActionResult, DeviceEntry } from '../../rpc/flows/maintenance_views.js';
import type { SignedInStaff } from '../../staff/staff_sign_in.js';
import type { FlowServices } from '../flow.js';
import { auditAs } from './staff_audit.js';

type Services = Pick<FlowServices, 'maintenance' | 'devices' | 'printing' | 'journal' | 'logger'>;
type Outcome = DeviceActionResult['outcome'];

/**
 * The Devices tool: the inventory (refreshed whenever a device's status changes while the screen shows) and the
 * actions, each run in the background — the intent returns at once, the screen shows "running", then the outcome
 * (a test read's face and data, a scanned code, or a failure's code). Every action is audited with the staff id.
 * The last outcome is held for the screen only, and dropped when the tool is left or the session ends.
 */
export class DeviceTool {
  readonly #services: Services;
  readonly #staff: SignedInStaff;
  readonly #changed: () => void;
  #devices: DeviceEntry[] = [];
  #result: DeviceActionResult | null = null;
  #stopWatching: () => void = () => {};
  #open = false;

  constructor(services: Services, staff: SignedInStaff, changed: () => void) {
    this.#services = services;
    this.#staff = staff;
    this.#changed = changed;
  }

  get devices(): DeviceEntry[] {
    return this.#devices;
  }

  get result(): DeviceActionResult | null {
    return this.#result;
  }

  /** The screen opened: read the inventory, and again on every status change. */
  open(): void {
    this.#open = true;
    this.#result = null;
    void this.refresh();
    this.#stopWatching = this.#services.devices.onStatus(() => void this.refresh());
  }

  close(): void {
    this.#open = false;
    this.#stopWatching();
    this.#stopWatching = () => {};
    this.#result = null;
    this.#devices = [];
  }

  async refresh(): Promise<void> {
    const devices = await this.#services.maintenance.diagnostics.inventory();
    if (!this.#open) return;
    this.#devices = devices;
    this.#changed();
  }

  /** Starts a test (`running` shows at once); its outcome arrives later. */
  test(deviceId: string, test: DeviceTestName): void {
    this.#run(deviceId, test, async () => {
      const done = await this.#services.maintenance.diagnostics.run(deviceId, test);
      this.#audit({ kind: 'device-test-run', deviceId, test, outcome: done.ok ? 'ok' : done.error });
      if (!done.ok) return { kind: 'failed', code: done.error };
      const value = done.value;
      switch (value.test) {
        case 'test-read':
          return { kind: 'read', ...value.reading };
        case 'test-scan':
          return { kind: 'scanned', ...value.scan };
        case 'test-ticket':
        case 'test-page':
          return { kind: 'done' };
        default: {
          const unreachable: never = value;
          return unreachable;
        }
      }
    });
  }

  reconnect(deviceId: string): void {
    this.#run(deviceId, 'reconnect', async () => {
      const known = await this.#services.maintenance.diagnostics.reconnect(deviceId);
      if (!known) return { kind: 'failed', code: 'unknown-device' };
      this.#audit({ kind: 'device-reconnect-requested', deviceId });
      return { kind: 'done' };
    });
  }

  openDoor(deviceId: string, door: string, reason: string): void {
    this.#run(deviceId, 'open-door', async () => {
      const opened = await this.#services.maintenance.diagnostics.openDoor(deviceId, door);
      if (!opened.ok) return { kind: 'failed', code: opened.error };
      this.#audit({ kind: 'locker-door-opened-by-staff', lockerPointId: deviceId, doorId: door, reason });
      return { kind: 'done' };
    });
  }

  resetPaperCounter(deviceId: string): void {
    this.#run(deviceId, 'reset-paper-counter', async () => {
      const reset = this.#services.printing.resetPaperCounter(deviceId, this.#staff.staffId);
      return reset.ok ? { kind: 'done' } : { kind: 'failed', code: reset.error.code };
    });
  }

  /** One action at a time on the screen: a second tap while one runs is ignored. */
  #run(deviceId: string, action: DeviceAction, work: () => Promise<Outcome>): void {
    if (this.#result?.outcome.kind === 'running') return;
    this.#result = { deviceId, action, outcome: { kind: 'running' } };
    void work().then(
      (outcome) => this.#finish(deviceId, action, outcome),
      (error: unknown) => {
        this.#services.logger.log('maintenance-action-failed', { action, deviceId, err: error });
        this.#finish(deviceId, action, { kind: 'failed', code: 'internal' });
      },
    );
  }

  #finish(deviceId: string, action: DeviceAction, outcome: Outcome): void {
    if (!this.#open) return; // the screen was left: the outcome (a test card's face) is not kept
    this.#result = { deviceId, action, outcome };
    const { logger } = this.#services;
    if (outcome.kind === 'failed')
      logger.log('maintenance-action-failed', { action, deviceId, code: outcome.code });
    else logger.log('maintenance-action', { action, deviceId, staffId: this.#staff.staffId });
    this.#changed();
    void this.refresh();
  }

  #audit(event: Parameters<typeof auditAs>[2]): void {
    auditAs(this.#services, this.#staff, event);
  }
}
