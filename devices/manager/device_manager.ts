import { err } from '../../lib/result.js';
import type { DeviceConfig } from '../device_config.js';
import { type DeviceKind, type DeviceStatus, DeviceStatusSchema } from '../device_status.js';
import { noLatency, type SimulatedLatency } from '../simulator/latency.js';
import { SimulatorHandle } from '../simulator/simulator_handle.js';
import { type BackoffPolicy, defaultBackoff } from '../transport/device_connection.js';
import type { DriverByKind, DriverRegistry, ManagedDevice } from './driver_registry.js';
import { type BusEvent, type HardwareAccess, nativeHardware } from './hardware_access.js';

/** Where a contained fault happened. */
export type DeviceFaultContext =
  | 'driver-factory'
  | 'start'
  | 'stop'
  | 'status-listener'
  | 'hot-plug'
  | 'bus-watch';

/**
 * What the manager tells whoever runs it, so the kiosk can log it: every status change of a device, and every
 * exception it contains. `devices/` cannot import the kiosk's logger; the composition root connects this to the
 * log event catalogue (electron/logging/device_log.ts).
 */
export type DeviceManagerReport =
  | { type: 'status-changed'; device: DeviceStatus; previous: DeviceStatus['status'] }
  | { type: 'fault-contained'; during: DeviceFaultContext; deviceId: string | undefined; error: unknown };

/** Without a reporter, contained faults still leave a line on stderr: nothing is swallowed silently. */
export function reportFaultsToStderr(report: DeviceManagerReport): void {
  if (report.type !== 'fault-contained') return;
  const where = report.deviceId === undefined ? report.during : `${report.during}, ${report.deviceId}`;
  process.stderr.write(`device manager: contained a fault (${where}): ${String(report.error)}\n`);
}

export interface DeviceManagerOptions {
  registry: DriverRegistry;
  hardware?: HardwareAccess;
  backoff?: BackoffPolicy;
  simulatorLatency?: SimulatedLatency;
  /** Status changes and contained faults; `reportFaultsToStderr` when absent. */
  report?: (report: DeviceManagerReport) => void;
}

interface Entry {
  config: DeviceConfig;
  device: ManagedDevice | undefined;
  status: DeviceStatus;
}

/** The status of a device whose status cannot come from a driver (no factory, bad config). */
export function errorStatus(kind: DeviceKind, id: string, code: string, detail?: string): DeviceStatus {
  const status = { state: 'error' as const, code, ...(detail === undefined ? {} : { detail }) };
  switch (kind) {
    case 'barcode-scanner':
      return { kind, id, status };
    case 'ticket-printer':
      return { kind, id, status };
    case 'document-printer':
      return { kind, id, status };
    case 'document-reader':
      return { kind, id, status };
    case 'id-card-reader':
      return { kind, id, status };
    case 'locker-controller':
      return { kind, id, status };
    case 'tactile-keypad':
    case 'document-dispenser':
      return { kind, id, status };
    case 'vending-unit':
      return { kind, id, status };
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/**
 * Runs the configured devices: builds each driver over its transport through the registry, follows USB
 * hot-plug, and pushes every status change to `onStatus` listeners (the UI is never asked to poll).
 * Nothing a device does — unplugged mid-transfer, a driver listener throwing — escapes from here.
 */
export class DeviceManager {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(status: DeviceStatus) => void>();
  private unwatchBus: (() => void) | undefined;
  private started = false;
  readonly simulators: SimulatorHandle;

  constructor(
    configs: readonly DeviceConfig[],
    private readonly options: DeviceManagerOptions,
  ) {
    for (const config of configs) {
      if (this.entries.has(config.id)) continue;
      this.entries.set(config.id, this.create(config));
    }
    this.simulators = new SimulatorHandle(() =>
      [...this.entries.values()].flatMap((entry) =>
        entry.device?.simulator ? [entry.device.simulator] : [],
      ),
    );
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const entry of this.entries.values())
      this.guard('start', entry.config.id, () => entry.device?.start());
    const needsBus = [...this.entries.values()].some((entry) => entry.config.transport !== 'simulated');
    if (needsBus) {
      const hardware = this.options.hardware ?? nativeHardware;
      // Without hot-plug events the drivers' backoff still reconnects: a fault here is reported, not fatal.
      this.unwatchBus = await hardware
        .watchBus((event) => this.onBus(event))
        .catch((error: unknown) => {
          this.report({ type: 'fault-contained', during: 'bus-watch', deviceId: undefined, error });
          return undefined;
        });
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    this.unwatchBus?.();
    this.unwatchBus = undefined;
    await Promise.all(
      [...this.entries.values()].map(async (entry) => {
        await entry.device
          ?.stop()
          .catch((error: unknown) =>
            this.report({ type: 'fault-contained', during: 'stop', deviceId: entry.config.id, error }),
          );
      }),
    );
  }

  configs(): DeviceConfig[] {
    return [...this.entries.values()].map((entry) => entry.config);
  }

  statuses(): DeviceStatus[] {
    return [...this.entries.values()].map((entry) => entry.status);
  }

  status(id: string): DeviceStatus | undefined {
    return this.entries.get(id)?.status;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Closes device `id`'s handle and opens it again: a fresh connection with its backoff reset, as when staff pull
   * the cable and plug it back (the maintenance screen's "reconnect"). False for an unknown id or a device without
   * a driver.
   */
  async reconnect(id: string): Promise<boolean> {
    const entry = this.entries.get(id);
    const device = entry?.device;
    if (device === undefined) return false;
    await device
      .stop()
      .catch((error: unknown) =>
        this.report({ type: 'fault-contained', during: 'stop', deviceId: id, error }),
      );
    if (this.started) this.guard('start', id, () => device.start());
    return true;
  }

  /** The driver of device `id` if it is of `kind` (e.g. `get('scanner-1', 'barcode-scanner')`). */
  get<K extends keyof DriverByKind>(id: string, kind: K): DriverByKind[K] | undefined {
    const entry = this.entries.get(id);
    if (entry?.config.kind !== kind || entry.device === undefined) return undefined;
    // The registry only accepts a factory of kind K for K, so its driver is DriverByKind[K].
    return entry.device.driver as DriverByKind[K];
  }

  private create(config: DeviceConfig): Entry {
    const factory = this.options.registry.factoryFor(config.kind, config.transport);
    if (factory === undefined) {
      const status = errorStatus(
        config.kind,
        config.id,
        'no-driver',
        `no ${config.kind} driver over ${config.transport}`,
      );
      return { config, device: undefined, status };
    }
    let built: ReturnType<typeof factory>;
    try {
      built = factory({
        config,
        hardware: this.options.hardware ?? nativeHardware,
        backoff: this.options.backoff ?? defaultBackoff,
        simulatorLatency: this.options.simulatorLatency ?? noLatency,
      });
    } catch (error) {
      this.report({ type: 'fault-contained', during: 'driver-factory', deviceId: config.id, error });
      built = err({ code: 'driver-crashed', detail: String(error) });
    }
    if (!built.ok) {
      const status = errorStatus(config.kind, config.id, built.error.code, built.error.detail);
      return { config, device: undefined, status };
    }
    const device = built.value;
    const entry: Entry = { config, device, status: this.toStatus(config, device.status()) };
    // Kept for the manager's lifetime, so stop() and start() again keeps publishing.
    device.onStatus((status) => {
      const previous = entry.status.status;
      entry.status = this.toStatus(config, status);
      if (changed(previous, entry.status.status))
        this.report({ type: 'status-changed', device: entry.status, previous });
      this.publish(entry.status);
    });
    return entry;
  }

  private toStatus(config: DeviceConfig, status: DeviceStatus['status']): DeviceStatus {
    const parsed = DeviceStatusSchema.safeParse({ kind: config.kind, id: config.id, status });
    if (parsed.success) return parsed.data;
    return errorStatus(config.kind, config.id, 'invalid-status', `driver reported ${status.state}`);
  }

  private publish(status: DeviceStatus): void {
    for (const listener of [...this.listeners])
      this.guard('status-listener', status.id, () => listener(status));
  }

  private onBus(event: BusEvent): void {
    for (const entry of this.entries.values()) {
      const { vendorId, productId, transport } = entry.config;
      if (transport === 'simulated' || vendorId !== event.vendorId || productId !== event.productId) continue;
      this.guard('hot-plug', entry.config.id, () => entry.device?.busChanged?.(event.change));
    }
  }

  /**
   * A listener's or a driver's bug must not take the other devices down with it: contained here (the manager's
   * callers are the event loop and the UI bridge), and reported so it leaves a log line.
   */
  private guard(during: DeviceFaultContext, deviceId: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.report({ type: 'fault-contained', during, deviceId, error });
    }
  }

  private report(report: DeviceManagerReport): void {
    try {
      (this.options.report ?? reportFaultsToStderr)(report);
    } catch {
      // The reporter is the last line: if logging itself fails there is nowhere left to say so.
    }
  }
}

/** A new state, or the same `error` state with another code, is a change; a repeated status is not. */
function changed(previous: DeviceStatus['status'], next: DeviceStatus['status']): boolean {
  if (previous.state !== next.state) return true;
  return previous.state === 'error' && next.state === 'error' && previous.code !== next.code;
}
