import type Database from 'better-sqlite3';
import type { Backend } from './backend/contract/backend.js';
import { unreachableBackend } from './backend/unreachable_backend.js';
import type { KioskConfig } from './config/config_schema.js';
import type { FlowServices } from './flows/flow.js';
import { flowHandlers, flowTransactionResolvers, prepareFlows } from './flows/flow_registry.js';
import { FlowRunner } from './flows/flow_runner.js';
import { devHandlers } from './handlers/dev_handlers.js';
import { kioskHandlers } from './handlers/kiosk_handlers.js';
import { maintenanceHandlers } from './handlers/maintenance_handlers.js';
import { sessionHandlers } from './handlers/session_handlers.js';
import { type JournalServices, startJournalServices } from './journal/journal_services.js';
import type { TransactionResolvers } from './journal/transaction_recovery.js';
import type { KioskLogger } from './logging/kiosk_logger.js';
import { logRpcRefusals } from './logging/rpc_refusal_log.js';
import type { TerminalSigningKey } from './printed/verification/document_signing.js';
import { EventBus } from './rpc/event_bus.js';
import { createRouter, type Handlers, type Router } from './rpc/router.js';
import { type Clock, systemClock } from './services/clock.js';
import type { DeviceHub } from './services/device_hub.js';
import { KioskStatusService } from './services/kiosk_status_service.js';
import { KioskPrintService } from './services/print_service.js';
import { SessionService } from './services/session_service.js';

export interface KioskApp {
  router: Router;
  bus: EventBus;
  session: SessionService;
  flows: FlowRunner;
  kioskStatus: KioskStatusService;
  printing: KioskPrintService;
  journal: JournalServices;
  close(): Promise<void>;
}

export interface KioskAppOptions {
  clock?: Clock;
  /** The government services the resident flows call; whoever made it closes it (startKiosk does). */
  backend?: Backend;
  /** The terminal's document-signing key, read at start-up (an ephemeral one when absent). */
  signingKey?: TerminalSigningKey;
  /** Every service logs through it; refused RPC calls and handler bugs are logged here. */
  logger: KioskLogger;
  /** How each kind of transaction left unfinished by an earlier run is settled (the flows provide them). */
  transactionResolvers?: TransactionResolvers;
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
  options: KioskAppOptions,
): KioskApp {
  const bus = new EventBus();
  const clock = options.clock ?? systemClock;
  const { logger } = options;
  const session = new SessionService(config.timeLimits, clock, bus);
  const kioskStatus = new KioskStatusService(config, bus);
  const configuration = { terminalId: config.terminal.id, mode: config.mode, settings: config };
  const backend = options.backend ?? unreachableBackend();
  // The flows settle their own kinds of transaction; a resolver given here (a test's) takes precedence.
  const resolvers = { ...flowTransactionResolvers(backend), ...options.transactionResolvers };
  const journalServices = startJournalServices(journal, { clock, logger, resolvers, configuration });
  const { audit, alerts } = journalServices;
  const printing = new KioskPrintService({
    db: journal,
    config,
    devices,
    session,
    bus,
    audit,
    alerts,
    clock,
    logger,
    signingKey: options.signingKey,
  });
  printing.start();
  const services: FlowServices = {
    clock,
    logger,
    session,
    kioskStatus,
    devices,
    printing,
    journal: journalServices,
    backend,
    config,
  };
  const flows = new FlowRunner(services);
  const stopPreparingFlows = prepareFlows(services);

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
  };
  const router = createRouter(handlers, {
    allowDevMethods: config.mode !== 'production',
    inMaintenance: () => kioskStatus.maintenance,
    onInternalError: (method, error) => logger.log('rpc-internal-error', { method, err: error }),
  });

  return {
    router: logRpcRefusals(router, logger),
    bus,
    session,
    flows,
    kioskStatus,
    printing,
    journal: journalServices,
    async close() {
      stopPreparingFlows();
      unsubscribeDevices();
      unsubscribeStatus();
      session.end('out-of-service');
      await printing.pipeline.idle();
      printing.close();
      journalServices.close();
      await journalServices.recovered;
      await devices.close();
      journal.close();
    },
  };
}
