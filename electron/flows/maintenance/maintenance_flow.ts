import { err, ok } from '../../../lib/result.js';
import type { NotReadyDevice } from '../../maintenance/maintenance_mode.js';
import type {
  DeviceTestName,
  LogWindow,
  MaintenanceTool,
  SalesPeriod,
  SalesScope,
} from '../../rpc/flows/maintenance_choices.js';
import type { MaintenanceFlowView } from '../../rpc/flows/maintenance_contract.js';
import type { SlotActionParams } from '../../rpc/flows/publication_maintenance_views.js';
import type { SignedInStaff } from '../../staff/staff_sign_in.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { DeviceTool } from './device_tool.js';
import { KioskTools } from './kiosk_tools.js';
import { PublicationSalesTool } from './publication_sales_tool.js';
import { PublicationStockTool } from './publication_stock_tool.js';
import { toolsOf } from './publications_offered.js';
import { RecordsTool } from './records_tool.js';

type Services = Pick<
  FlowServices,
  | 'maintenance'
  | 'staff'
  | 'devices'
  | 'printing'
  | 'journal'
  | 'logger'
  | 'clock'
  | 'kioskStatus'
  | 'backend'
  | 'config'
>;
type Step = 'menu' | MaintenanceTool | 'leave-check';

/**
 * Maintenance as a state machine: a menu of tools, one screen each (devices, print jobs, transactions, alerts,
 * terminal, support bundle, logs, and where the terminal offers publications their sales and stock), Back to the menu, and the two ways out — sign out (the kiosk stays in
 * maintenance, out of service) or leave maintenance, which checks that every required device is ready and, if one
 * is not, says which before the staff member leaves anyway (the kiosk then stays out of service, naming it).
 *
 * It runs only for the member of staff signed in for this session (StaffSessions): every action is theirs in the
 * audit log. Tools live in device_tool.ts, records_tool.ts, kiosk_tools.ts and publication_{sales,stock}_tool.ts;
 * this class routes and draws.
 */
export class MaintenanceFlow implements RunningFlow<'maintenance'> {
  readonly id = 'maintenance';
  readonly #context: FlowContext;
  readonly #services: Services;
  readonly #staff: SignedInStaff;
  readonly #devices: DeviceTool;
  readonly #records: RecordsTool;
  readonly #kiosk: KioskTools;
  readonly #sales: PublicationSalesTool;
  readonly #stock: PublicationStockTool;
  readonly #tools: MaintenanceTool[];
  #step: Step = 'menu';
  #notReady: NotReadyDevice[] = [];
  readonly #stopPrintEvents: () => void;
  readonly #stopDeviceEvents: () => void;

  constructor(context: FlowContext, services: Services, staff: SignedInStaff) {
    this.#context = context;
    this.#services = services;
    this.#staff = staff;
    const changed = () => context.stepChanged();
    this.#devices = new DeviceTool(services, staff, changed);
    this.#records = new RecordsTool(services, staff);
    this.#kiosk = new KioskTools(services, staff, changed);
    this.#sales = new PublicationSalesTool(services, changed);
    this.#stock = new PublicationStockTool(services, staff, changed);
    this.#tools = toolsOf(services.config);
    // A job reprinted, held or expired changes what the menu, Print jobs and Alerts show: redraw them at once
    // rather than waiting for Refresh.
    this.#stopPrintEvents = services.printing.pipeline.onEvent(() => {
      if (this.#step === 'menu' || this.#step === 'print-jobs' || this.#step === 'alerts') changed();
    });
    // A device unplugged or back changes the menu's "not ready" line (the Devices tool follows on its own).
    this.#stopDeviceEvents = services.devices.onStatus(() => {
      if (this.#step === 'menu') changed();
    });
  }

  view(): MaintenanceFlowView {
    const base = {
      service: 'maintenance' as const,
      staff: { staffId: this.#staff.staffId, name: this.#staff.name },
    };
    const step = this.#step;
    switch (step) {
      case 'menu':
        return { ...base, step, ...this.#menu() };
      case 'devices':
        return { ...base, step, devices: this.#devices.devices, result: this.#devices.result };
      case 'print-jobs':
        return { ...base, step, jobs: this.#records.jobs(), result: this.#records.result };
      case 'transactions':
        return { ...base, step, transactions: this.#records.transactions(), result: this.#records.result };
      case 'alerts':
        return { ...base, step, alerts: this.#records.alerts(), result: this.#records.result };
      case 'terminal':
        return { ...base, step, ...this.#kiosk.terminal() };
      case 'support-bundle':
        return { ...base, step, ...this.#kiosk.bundle() };
      case 'logs':
        return { ...base, step, ...this.#kiosk.logs() };
      case 'publication-sales':
        return { ...base, step, ...this.#sales.view() };
      case 'publication-stock':
        return { ...base, step, ...this.#stock.view() };
      case 'leave-check':
        return { ...base, step, notReady: this.#notReady as [NotReadyDevice, ...NotReadyDevice[]] };
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  }

  openTool(tool: MaintenanceTool): IntentOutcome {
    if (this.#step !== 'menu') return err('other-step');
    if (!this.#tools.includes(tool)) return err('unavailable');
    this.#step = tool;
    this.#records.clearResult();
    if (tool === 'devices') this.#devices.open();
    if (tool === 'publication-sales') this.#sales.open();
    if (tool === 'publication-stock') this.#stock.open();
    if (tool === 'support-bundle') this.#kiosk.openBundle();
    if (tool === 'logs') this.#kiosk.openLogs();
    return ok();
  }

  back(): IntentOutcome {
    if (this.#step === 'menu') return err('other-step');
    this.#leaveTool();
    return ok();
  }

  refresh(): IntentOutcome {
    if (this.#step === 'devices') void this.#devices.refresh();
    if (this.#step === 'support-bundle') this.#kiosk.openBundle();
    if (this.#step === 'logs') this.#kiosk.readLogs();
    if (this.#step === 'publication-sales') this.#sales.refresh();
    if (this.#step === 'publication-stock') this.#stock.refresh();
    return ok();
  }

  signOut(): IntentOutcome {
    this.#services.staff.sessions.willSignOut(this.#context.sessionId, 'signed-out');
    this.#context.endSession('done');
    return ok();
  }

  leave(): IntentOutcome {
    if (this.#step !== 'menu') return err('other-step');
    const notReady = this.#notReadyNow();
    if (notReady.length > 0) {
      this.#notReady = notReady;
      this.#step = 'leave-check';
      return ok();
    }
    return this.#leaveNow();
  }

  leaveAnyway(): IntentOutcome {
    if (this.#step !== 'leave-check') return err('other-step');
    return this.#leaveNow();
  }

  // The tools' intents: each accepted only on its own screen.

  testDevice(deviceId: string, test: DeviceTestName): IntentOutcome {
    return this.#on('devices', () => this.#devices.test(deviceId, test));
  }

  reconnectDevice(deviceId: string): IntentOutcome {
    return this.#on('devices', () => this.#devices.reconnect(deviceId));
  }

  openDoor(deviceId: string, door: string, reason: string): IntentOutcome {
    return this.#on('devices', () => this.#devices.openDoor(deviceId, door, reason));
  }

  resetPaperCounter(deviceId: string): IntentOutcome {
    return this.#on('devices', () => this.#devices.resetPaperCounter(deviceId));
  }

  async reprint(jobId: number, reason: string): Promise<IntentOutcome> {
    if (this.#step !== 'print-jobs') return err('other-step');
    await this.#records.reprint(jobId, reason);
    return ok();
  }

  voidJob(jobId: number, reason: string): IntentOutcome {
    return this.#on('print-jobs', () => this.#records.voidJob(jobId, reason));
  }

  resolveTransaction(id: number, outcome: 'confirmed' | 'voided', reason: string): IntentOutcome {
    return this.#on('transactions', () => this.#records.resolveTransaction(id, outcome, reason));
  }

  acknowledgeAlert(alertId: number): IntentOutcome {
    return this.#on('alerts', () => this.#records.acknowledgeAlert(alertId));
  }

  restartNow(): IntentOutcome {
    if (this.#step !== 'terminal') return err('other-step');
    return this.#kiosk.restartNow() ? ok() : err('unavailable');
  }

  scheduleRestart(hour: number, minute: number): IntentOutcome {
    if (this.#step !== 'terminal') return err('other-step');
    return this.#kiosk.scheduleRestart(hour, minute) ? ok() : err('unavailable');
  }

  cancelRestart(): IntentOutcome {
    return this.#on('terminal', () => this.#kiosk.cancelRestart());
  }

  writeSupportBundle(destination: string): IntentOutcome {
    return this.#on('support-bundle', () => this.#kiosk.writeBundle(destination));
  }

  filterLogs(filter: { event: string | null; deviceId: string | null; window: LogWindow }): IntentOutcome {
    return this.#on('logs', () => this.#kiosk.filterLogs(filter));
  }

  choosePeriod(period: SalesPeriod, scope: SalesScope): IntentOutcome {
    return this.#on('publication-sales', () => this.#sales.choose(period, scope));
  }

  slotAction(action: SlotActionParams): IntentOutcome {
    if (this.#step !== 'publication-stock') return err('other-step');
    return this.#stock.act(action) ? ok() : err('other-step');
  }

  dispose(): void {
    this.#stopPrintEvents();
    this.#stopDeviceEvents();
    this.#devices.close();
    this.#sales.close();
    this.#stock.close();
  }

  #on(step: Step, act: () => void): IntentOutcome {
    if (this.#step !== step) return err('other-step');
    act();
    return ok();
  }

  #leaveTool(): void {
    if (this.#step === 'devices') this.#devices.close();
    if (this.#step === 'publication-sales') this.#sales.close();
    if (this.#step === 'publication-stock') this.#stock.close();
    this.#records.clearResult();
    this.#step = 'menu';
  }

  #menu() {
    const { printing, journal } = this.#services;
    return {
      alertsOpen: journal.alerts.openCount(),
      jobsHeld: printing.staffJobs().filter((j) => j.status === 'needs-attention').length,
      transactionsOpen: journal.transactions.unfinished().length,
      notReady: this.#notReadyNow(),
      tools: this.#tools,
    };
  }

  /** Required devices that would keep the kiosk out of service if maintenance ended now. */
  #notReadyNow(): NotReadyDevice[] {
    const status = this.#services.kioskStatus.status;
    if (status.mode === 'in-service') return [];
    return status.reasons.flatMap((r) =>
      r.kind === 'device-unavailable' ? [{ deviceId: r.deviceId, deviceKind: r.deviceKind }] : [],
    );
  }

  #leaveNow(): IntentOutcome {
    this.#services.maintenance.mode.leave({ staffId: this.#staff.staffId });
    this.#services.staff.sessions.willSignOut(this.#context.sessionId, 'maintenance-left');
    this.#context.endSession('done');
    return ok();
  }
}

export const maintenanceFlow: FlowDefinition<'maintenance', MaintenanceFlow> = {
  id: 'maintenance',
  start: (context, services) => {
    const staff = services.staff.sessions.current(context.sessionId);
    // Only sign-in switches here, after recording who signed in; anything else is a bug, and no one's tools open.
    if (staff === null) throw new Error('maintenance started without a signed-in member of staff');
    return new MaintenanceFlow(context, services, staff);
  },
};
