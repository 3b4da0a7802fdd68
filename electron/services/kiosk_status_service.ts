import { type DeviceKind, type DeviceStatus, isUsable } from '../../devices/device_status.js';
import type { KioskConfig } from '../config/config_schema.js';
import type { EventBus } from '../rpc/event_bus.js';
import type { KioskStatus, ServiceTile } from '../rpc/kiosk_contract.js';
import { serviceCatalogue } from './service_catalogue.js';

/**
 * Whether the terminal can serve residents, and which of its services can run, derived from the maintenance flag
 * and the configured devices' live statuses. The renderer shows the out-of-service screen instead of the attract
 * screen while the status is out-of-service, and disables tiles whose devices are unusable or whose government
 * systems do not answer (the kiosk stays in service: what needs no backend still runs).
 */
export class KioskStatusService {
  readonly #config: Pick<KioskConfig, 'devices' | 'services'>;
  readonly #bus: EventBus;
  #maintenance = false;
  #devices: DeviceStatus[] = [];
  #backendReachable = true;
  #status: KioskStatus = { mode: 'in-service' };
  #services: ServiceTile[] = [];

  constructor(config: Pick<KioskConfig, 'devices' | 'services'>, bus: EventBus) {
    this.#config = config;
    this.#bus = bus;
    this.#recompute();
  }

  get status(): KioskStatus {
    return this.#status;
  }

  get services(): ServiceTile[] {
    return this.#services;
  }

  get maintenance(): boolean {
    return this.#maintenance;
  }

  setMaintenance(on: boolean): KioskStatus {
    this.#maintenance = on;
    this.#recompute();
    return this.#status;
  }

  setDeviceStatuses(devices: DeviceStatus[]): void {
    this.#devices = devices;
    this.#recompute();
  }

  /** The backend's reachability as last observed (electron/backend/backend_reachability.ts). */
  setBackendReachable(reachable: boolean): void {
    this.#backendReachable = reachable;
    this.#recompute();
  }

  #usableKinds(): Set<DeviceKind> {
    return new Set(this.#devices.filter((d) => isUsable(d.status)).map((d) => d.kind));
  }

  #recompute(): void {
    const reasons: Extract<KioskStatus, { mode: 'out-of-service' }>['reasons'] = [];
    if (this.#maintenance) reasons.push({ kind: 'maintenance' });
    for (const device of this.#config.devices) {
      if (!device.required) continue;
      const live = this.#devices.find((d) => d.id === device.id);
      if (!live || !isUsable(live.status)) {
        reasons.push({ kind: 'device-unavailable', deviceId: device.id, deviceKind: device.kind });
      }
    }
    const status: KioskStatus =
      reasons.length > 0 ? { mode: 'out-of-service', reasons } : { mode: 'in-service' };
    const usable = this.#usableKinds();
    const services: ServiceTile[] = this.#config.services.map((id) => {
      const def = serviceCatalogue[id];
      const unavailableBecause = !def.requires.every((kind) => usable.has(kind))
        ? 'devices'
        : !this.#backendReachable && !def.worksOffline
          ? 'backend'
          : undefined;
      return {
        id,
        available: unavailableBecause === undefined,
        ...(unavailableBecause && { unavailableBecause }),
        needs: def.needs,
        minutes: def.minutes,
        flowReady: def.flowReady,
      };
    });
    if (JSON.stringify(status) !== JSON.stringify(this.#status)) {
      this.#status = status;
      this.#bus.emit('kiosk.statusChanged', status);
    }
    if (JSON.stringify(services) !== JSON.stringify(this.#services)) {
      this.#services = services;
      this.#bus.emit('kiosk.servicesChanged', services);
    }
  }
}
