import type Database from 'better-sqlite3';
import type { Backend } from './backend/contract/backend.js';
import type { KioskConfig } from './config/config_schema.js';
import type { TerminalSigningKey } from './printed/verification/document_signing.js';
import type { KioskSnapshot } from './rpc/contract.js';
import { EventBus } from './rpc/event_bus.js';
import { createRouter, type Router } from './rpc/router.js';
import { type Clock, systemClock } from './services/clock.js';
import type { DeviceHub } from './services/device_hub.js';
import { KioskStatusService } from './services/kiosk_status_service.js';
import { KioskPrintService } from './services/print_service.js';
import { SessionService } from './services/session_service.js';

export interface KioskApp {
  router: Router;
  bus: EventBus;
  session: SessionService;
  kioskStatus: KioskStatusService;
  printing: KioskPrintService;
  close(): Promise<void>;
}

export interface KioskAppOptions {
  clock?: Clock;
  /** The government services the resident flows call; the app closes it on exit. */
  backend?: Backend;
  /** The terminal's document-signing key, read at start-up (an ephemeral one when absent). */
  signingKey?: TerminalSigningKey;
  logger?: {
    info(fields: Record<string, unknown>, message: string): void;
    warn(fields: Record<string, unknown>, message: string): void;
  };
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * Composes the kiosk's services behind the RPC router. Both hosts (the Electron shell and the browser-mode host)
 * build exactly this, so the services never know which transport called them.
 */
export function createKioskApp(
  config: KioskConfig,
  devices: DeviceHub,
  journal: Database.Database,
  options: KioskAppOptions = {},
): KioskApp {
  const bus = new EventBus();
  const session = new SessionService(config.timeLimits, options.clock ?? systemClock, bus);
  const kioskStatus = new KioskStatusService(config, bus);
  const devTools = config.mode !== 'production';
  const printing = new KioskPrintService(
    journal,
    config,
    devices,
    session,
    bus,
    options.logger,
    options.signingKey,
  );

  kioskStatus.setDeviceStatuses(devices.statuses());
  const unsubscribeDevices = devices.onStatus((statuses) => {
    bus.emit('devices.changed', statuses);
    kioskStatus.setDeviceStatuses(statuses);
  });
  // Maintenance takes the kiosk from the resident at once: the session ends and its data is wiped.
  const unsubscribeStatus = bus.subscribe((event, payload) => {
    if (event !== 'kiosk.statusChanged') return;
    const status = payload as KioskSnapshot['status'];
    if (status.mode === 'out-of-service' && status.reasons.some((r) => r.kind === 'maintenance')) {
      session.end('out-of-service');
    }
  });

  const snapshot = (): KioskSnapshot => ({
    terminalId: config.terminal.id,
    site: { kind: config.site.kind, name: config.site.name },
    languages: config.languages,
    attractSlideSeconds: config.timeLimits.attractSlideSeconds,
    devTools,
    status: kioskStatus.status,
    session: session.view(),
    services: kioskStatus.services,
    devices: devices.statuses(),
  });

  const router = createRouter(
    {
      'kiosk.snapshot': () => snapshot(),
      'session.start': ({ language }) => session.start(language),
      'session.setLanguage': ({ language }) => session.setLanguage(language),
      'session.touch': () => session.touch(),
      'session.extend': () => session.extend(),
      'session.end': ({ reason }) => session.end(reason),
      'dev.setMaintenance': ({ on }) => kioskStatus.setMaintenance(on),
      'dev.simulators': () => devices.simulators(),
      'dev.simulate': (action) => devices.simulate(action),
      'dev.printSample': ({ template, unprintableName }) => printing.printSample(template, unprintableName),
      'maintenance.printJobs': () => printing.staffJobs(),
      'maintenance.printerCounters': () => printing.counters(),
      'maintenance.reprint': ({ jobId, staffId, reason }) => printing.reprint(jobId, staffId, reason),
      'maintenance.voidJob': ({ jobId, staffId, reason }) => printing.voidJob(jobId, staffId, reason),
      'maintenance.alerts': () => printing.alerts(),
      'maintenance.acknowledgeAlert': ({ alertId, staffId }) => printing.acknowledgeAlert(alertId, staffId),
    },
    {
      allowDevMethods: devTools,
      inMaintenance: () => kioskStatus.maintenance,
      onInternalError: options.onInternalError,
    },
  );

  return {
    router,
    bus,
    session,
    kioskStatus,
    printing,
    async close() {
      unsubscribeDevices();
      unsubscribeStatus();
      session.end('out-of-service');
      await printing.pipeline.idle();
      printing.close();
      await devices.close();
      await options.backend?.close();
      journal.close();
    },
  };
}
