import { type RecentLogLine, readRecentLog } from '../../logging/recent_log_reader.js';
import type { BundleDestination } from '../../maintenance/support_bundles.js';
import type { LogWindow } from '../../rpc/flows/maintenance_choices.js';
import type { MaintenanceFlowView } from '../../rpc/flows/maintenance_contract.js';
import type { SignedInStaff } from '../../staff/staff_sign_in.js';
import type { FlowServices } from '../flow.js';

type Services = Pick<FlowServices, 'maintenance' | 'clock' | 'logger'>;
type View<Step extends MaintenanceFlowView['step']> = Omit<
  Extract<MaintenanceFlowView, { step: Step }>,
  'service' | 'step' | 'staff'
>;
type LogFilter = View<'logs'>['filter'];

const windowMs: Record<LogWindow, number | null> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '24h': 24 * 3_600_000,
  all: null,
};
const shownLines = 50;

function details(line: RecentLogLine): string {
  const text = Object.entries(line.fields)
    .filter(([key]) => key !== 'deviceId' && key !== 'printerId')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return text.length > 400 ? `${text.slice(0, 399)}…` : text;
}

/**
 * The Terminal, Support bundle and Logs tools: what the kiosk itself is and does (version, uptime, disk, restart),
 * the bundle staff take away, and the recent log filtered by event, device and time. The log is read when the
 * screen opens, when the filter changes and on refresh — not on every redraw.
 */
export class KioskTools {
  readonly #services: Services;
  readonly #staff: SignedInStaff;
  readonly #changed: () => void;
  #destinations: BundleDestination[] = [];
  #bundle: View<'support-bundle'>['state'] = { kind: 'idle' };
  #filter: LogFilter = { event: null, deviceId: null, window: '1h' };
  #logs: Omit<View<'logs'>, 'filter'> = { lines: [], matched: 0, events: [], devices: [], kept: false };

  constructor(services: Services, staff: SignedInStaff, changed: () => void) {
    this.#services = services;
    this.#staff = staff;
    this.#changed = changed;
  }

  terminal(): View<'terminal'> {
    const { restart, terminal } = this.#services.maintenance;
    const at = restart.scheduledAt;
    return {
      info: terminal(),
      restart: { available: restart.available, scheduledAt: at === null ? null : new Date(at).toISOString() },
    };
  }

  restartNow(): boolean {
    return this.#services.maintenance.restart.restartNow(this.#staff.staffId).ok;
  }

  scheduleRestart(hour: number, minute: number): boolean {
    return this.#services.maintenance.restart.schedule(this.#staff.staffId, hour, minute).ok;
  }

  cancelRestart(): void {
    this.#services.maintenance.restart.cancel(this.#staff.staffId);
  }

  openBundle(): void {
    this.#destinations = this.#services.maintenance.bundles.destinations();
    if (this.#bundle.kind !== 'writing') this.#bundle = { kind: 'idle' };
  }

  bundle(): View<'support-bundle'> {
    return { destinations: this.#destinations.map(({ path: _path, ...d }) => d), state: this.#bundle };
  }

  writeBundle(destinationId: string): void {
    if (this.#bundle.kind === 'writing') return;
    this.#bundle = { kind: 'writing' };
    void this.#services.maintenance.bundles.write(destinationId, this.#staff.staffId).then(
      (written) => {
        if (written.ok) {
          const { destination, fileName, bytes, sha256 } = written.value;
          const { path: _path, ...shown } = destination;
          this.#bundle = { kind: 'written', destination: shown, fileName, bytes, sha256 };
        } else {
          this.#bundle = { kind: 'failed', code: written.error };
        }
        this.#changed();
      },
      (error: unknown) => {
        this.#services.logger.log('maintenance-action-failed', { action: 'support-bundle', err: error });
        this.#bundle = { kind: 'failed', code: 'internal' };
        this.#changed();
      },
    );
  }

  openLogs(): void {
    this.#filter = { event: null, deviceId: null, window: '1h' };
    this.readLogs();
  }

  filterLogs(filter: LogFilter): void {
    this.#filter = filter;
    this.readLogs();
  }

  /** Reads the recent log again with the current filter. */
  readLogs(): void {
    const location = this.#services.maintenance.recentLogs;
    if (location === null) {
      this.#logs = { lines: [], matched: 0, events: [], devices: [], kept: false };
      return;
    }
    const span = windowMs[this.#filter.window];
    const { event, deviceId } = this.#filter;
    // One read of the window; the event and device filters, and the choices they offer, come from it.
    const all = readRecentLog(location, span === null ? {} : { since: this.#services.clock.now() - span });
    const matching = all.lines.filter(
      (line) => (event === null || line.event === event) && (deviceId === null || line.deviceId === deviceId),
    );
    this.#logs = {
      lines: matching.slice(0, shownLines).map((line) => ({
        time: new Date(line.time).toISOString(),
        event: line.event,
        disposition: line.disposition,
        deviceId: line.deviceId,
        details: details(line),
      })),
      matched: matching.length,
      events: [...new Set(all.lines.map((l) => l.event))].sort(),
      devices: [...new Set(all.lines.flatMap((l) => (l.deviceId === null ? [] : [l.deviceId])))].sort(),
      kept: true,
    };
  }

  logs(): View<'logs'> {
    return { filter: this.#filter, ...this.#logs };
  }
}
