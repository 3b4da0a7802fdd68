import type Database from 'better-sqlite3';
import type { KioskConfig } from './config/config_schema.js';
import type { FlowServices } from './flows/flow.js';
import { flowHandlers } from './flows/flow_registry.js';
import { FlowRunner } from './flows/flow_runner.js';
import { devHandlers } from './handlers/dev_handlers.js';
import { guidanceHandlers } from './handlers/guidance_handlers.js';
import { kioskHandlers } from './handlers/kiosk_handlers.js';
import { maintenanceHandlers } from './handlers/maintenance_handlers.js';
import { sessionHandlers } from './handlers/session_handlers.js';
import { StaffAlertStore } from './journal/staff_alerts.js';
import type { TerminalSigningKey } from './printed/verification/document_signing.js';
import { EventBus } from './rpc/event_bus.js';
import { createRouter, type Handlers, type Router } from './rpc/router.js';
import { type Clock, systemClock } from './services/clock.js';
import type { DeviceHub } from './services/device_hub.js';
import { KioskStatusService } from './services/kiosk_status_service.js';
import { KioskPrintService } from './services/print_service.js';
import { SessionService } from './services/session_service.js';
import { StaffHelp } from './services/staff_help.js';
import { createSpeech, type Speech, type SpeechOptions } from './speech/speech_setup.js';

export interface KioskApp {
  router: Router;
  bus: EventBus;
  session: SessionService;
  flows: FlowRunner;
  kioskStatus: KioskStatusService;
  printing: KioskPrintService;
  /** Audio guidance and the tactile keypad's keys. */
  speech: Speech;
  close(): Promise<void>;
}

export interface KioskAppOptions {
  clock?: Clock;
  /** The terminal's document-signing key, read at start-up (an ephemeral one when absent). */
  signingKey?: TerminalSigningKey;
  logger?: {
    info(fields: Record<string, unknown>, message: string): void;
    warn(fields: Record<string, unknown>, message: string): void;
  };
  onInternalError?: (method: string, error: unknown) => void;
  /** Audio guidance's speaker and engine (tests give a silent speaker). */
  speech?: SpeechOptions;
}

/**
 * Composes the kiosk's services, flows and RPC handlers behind the router. Both hosts (the Electron shell and the
 * browser-mode host) build exactly this, so the services never know which transport called them.
 *
 * The handler map is each contract domain's builder spread into one object (as VxSuite's scan app assembles its
 * API): a new method touches its domain's contract module and builder only.
 */
export function createKioskApp(
  config: KioskConfig,
  devices: DeviceHub,
  journal: Database.Database,
  options: KioskAppOptions = {},
): KioskApp {
  const bus = new EventBus();
  const clock = options.clock ?? systemClock;
  const session = new SessionService(config.timeLimits, clock, bus);
  const kioskStatus = new KioskStatusService(config, bus);
  const printing = new KioskPrintService(
    journal,
    config,
    devices,
    session,
    bus,
    options.logger,
    options.signingKey,
  );
  const services: FlowServices = { clock, session, kioskStatus, devices, printing };
  const speech = createSpeech(config, { session, bus, clock, devices }, options.speech, options.logger);
  const help = new StaffHelp(new StaffAlertStore(journal), session, config.terminal.id, clock);
  const flows = new FlowRunner(services);

  kioskStatus.setDeviceStatuses(devices.statuses());
  const unsubscribeDevices = devices.onStatus((statuses) => {
    bus.emit('devices.changed', statuses);
    kioskStatus.setDeviceStatuses(statuses);
  });
  // Maintenance takes the kiosk from the resident at once: the session ends and its data is wiped.
  const unsubscribeStatus = bus.subscribe((event, payload) => {
    if (event !== 'kiosk.statusChanged') return;
    const status = payload as KioskStatusService['status'];
    if (status.mode === 'out-of-service' && status.reasons.some((r) => r.kind === 'maintenance')) {
      session.end('out-of-service');
    }
  });

  const handlers: Handlers = {
    ...kioskHandlers({ config, kioskStatus, session, devices }),
    ...sessionHandlers(session, flows),
    ...flowHandlers(flows),
    ...devHandlers({ kioskStatus, devices, printing }),
    ...maintenanceHandlers(printing),
    ...guidanceHandlers(speech.service, help),
  };
  const router = createRouter(handlers, {
    allowDevMethods: config.mode !== 'production',
    inMaintenance: () => kioskStatus.maintenance,
    onInternalError: options.onInternalError,
  });

  return {
    router,
    bus,
    session,
    flows,
    kioskStatus,
    printing,
    speech,
    async close() {
      speech.close();
      unsubscribeDevices();
      unsubscribeStatus();
      session.end('out-of-service');
      await printing.pipeline.idle();
      printing.close();
      await devices.close();
      journal.close();
    },
  };
}
