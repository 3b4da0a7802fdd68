import type Database from 'better-sqlite3';
import type { Backend } from '../backend/contract/backend.js';
import type { KioskConfig } from '../config/config_schema.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { EventBus } from '../rpc/event_bus.js';
import type { Clock } from '../services/clock.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { KioskStatusService } from '../services/kiosk_status_service.js';
import type { KioskPrintService } from '../services/print_service.js';
import { HeartbeatQueue } from './heartbeat_queue.js';
import { heartbeatReport } from './heartbeat_report.js';
import { HeartbeatService } from './heartbeat_service.js';

export interface HeartbeatDeps {
  config: KioskConfig;
  db: Database.Database;
  backend: Pick<Backend, 'reportHeartbeat'>;
  bus: EventBus;
  kioskStatus: KioskStatusService;
  devices: DeviceHub;
  printing: KioskPrintService;
  clock: Clock;
  logger: KioskLogger;
}

/** Starts the heartbeat (a report now, on every beat, and after every status change); returns its stop. */
export function startHeartbeat(deps: HeartbeatDeps): HeartbeatService {
  const { config, clock } = deps;
  const startedAt = clock.now();
  const service = new HeartbeatService({
    backend: deps.backend,
    queue: new HeartbeatQueue(deps.db, config.heartbeat.queueLimit, () => clock.now()),
    clock,
    logger: deps.logger,
    intervalSeconds: config.heartbeat.intervalSeconds,
    build: () =>
      heartbeatReport({
        config,
        status: () => deps.kioskStatus.status,
        devices: deps.devices,
        printing: deps.printing,
        startedAt,
        now: () => clock.now(),
      }),
  });
  const stop = deps.bus.subscribe((event) => {
    if (event === 'kiosk.statusChanged' || event === 'devices.changed') service.changed();
  });
  service.start();
  const close = service.close.bind(service);
  service.close = () => {
    stop();
    close();
  };
  return service;
}
