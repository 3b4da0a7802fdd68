import type Database from 'better-sqlite3';
import { type FaceImageDecoder, sharedFaceImageDecoder } from '../devices/document/index.js';
import { err } from '../lib/result.js';
import { observeReachability } from './backend/backend_reachability.js';
import { type Backend, backendFromCall } from './backend/contract/backend.js';
import type { KioskConfig } from './config/config_schema.js';
import type { FlowServices } from './flows/flow.js';
import {
  flowDefinitions,
  flowHandlers,
  flowTransactionResolvers,
  prepareFlows,
} from './flows/flow_registry.js';
import { FlowRunner } from './flows/flow_runner.js';
import { type CscaTrustStore, loadCscaTrustStore } from './flows/identify/csca_trust_store.js';
import { devHandlers } from './handlers/dev_handlers.js';
import { guidanceHandlers } from './handlers/guidance_handlers.js';
import { kioskHandlers } from './handlers/kiosk_handlers.js';
import { sessionHandlers } from './handlers/session_handlers.js';
import { startHeartbeat } from './heartbeat/start_heartbeat.js';
import { type JournalServices, startJournalServices } from './journal/journal_services.js';
import { PrintJobStore } from './journal/print_job_store.js';
import type { TransactionResolvers } from './journal/transaction_recovery.js';
import { SigningKeyRegistration } from './key_registration/signing_key_registration.js';
import type { KioskLogger } from './logging/kiosk_logger.js';
import { logRpcRefusals } from './logging/rpc_refusal_log.js';
import { composeMaintenance } from './maintenance/compose_maintenance.js';
import { generateSigningKey, type TerminalSigningKey } from './printed/verification/document_signing.js';
import { EventBus } from './rpc/event_bus.js';
import { createRouter, type Handlers, type Router } from './rpc/router.js';
import { type Clock, systemClock } from './services/clock.js';
import type { DeviceHub } from './services/device_hub.js';
import { KioskStatusService } from './services/kiosk_status_service.js';
import { KioskPrintService } from './services/print_service.js';
import { SessionService } from './services/session_service.js';
import { StaffHelp } from './services/staff_help.js';
import { createSpeech, type Speech, type SpeechOptions } from './speech/speech_setup.js';
import { StaffDoor } from './staff/staff_door.js';

export interface KioskApp {
  router: Router;
  bus: EventBus;
  session: SessionService;
  flows: FlowRunner;
  /** What every flow is built from (tests build flows and identifications from it). */
  flowServices: FlowServices;
  kioskStatus: KioskStatusService;
  printing: KioskPrintService;
  /** Audio guidance and the tactile keypad's keys. */
  speech: Speech;
  journal: JournalServices;
  /** The terminal's document-signing key in the backend's key table; null in a composition without a backend. */
  keyRegistration: SigningKeyRegistration | null;
  close(): Promise<void>;
}

export interface KioskAppOptions {
  clock?: Clock;
  /**
   * The government services the resident flows call; whoever made it closes it (startKiosk does). Without one,
   * every call answers `unreachable` (compositions that run no resident flow: printing and shell tests).
   */
  backend?: Backend;
  /** The CSCA trust store read at boot; read from `config.documents` here when absent. */
  trustStore?: CscaTrustStore;
  /** The face decoder worker; the process-wide one when absent. */
  faces?: FaceImageDecoder;
  /** The terminal's document-signing key, read at start-up (an ephemeral one when absent). */
  signingKey?: TerminalSigningKey;
  /** Every service logs through it; refused RPC calls and handler bugs are logged here. */
  logger: KioskLogger;
  /** How each kind of transaction left unfinished by an earlier run is settled (the flows provide them). */
  transactionResolvers?: TransactionResolvers;
  /** Restarts the kiosk application (the host's: exit for the supervisor, or Electron's relaunch). */
  restart?: () => void;
  /** Audio guidance's speaker and engine (tests give a silent speaker or a fake engine). */
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
  options: KioskAppOptions,
): KioskApp {
  const bus = new EventBus();
  const clock = options.clock ?? systemClock;
  const { logger } = options;
  const session = new SessionService(config.timeLimits, clock, bus);
  const kioskStatus = new KioskStatusService(config, bus);
  const configuration = { terminalId: config.terminal.id, mode: config.mode, settings: config };
  const configuredBackend = options.backend ?? noBackend();
  // Recovery asks the backend directly: it runs before the reachability observer exists, and retries on its own.
  const resolvers = {
    ...flowTransactionResolvers(
      { backend: configuredBackend, config },
      {
        // Read at recovery time, from the journal: the print service is built after recovery starts.
        printJobStatus: (key) => new PrintJobStore(journal, logger).byKey(key)?.status,
      },
    ),
    ...options.transactionResolvers,
  };
  const journalServices = startJournalServices(journal, { clock, logger, resolvers, configuration });
  const { audit, alerts } = journalServices;
  // One key for printing and for its registration: the printer would otherwise make an ephemeral key of its own.
  const signingKey = options.signingKey ?? generateSigningKey(config.terminal.id);
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
    signingKey,
  });
  printing.start();
  const reachability = observeReachability(configuredBackend, {
    clock,
    probe: (backend) => backend.terminalProfile({ terminalId: config.terminal.id }),
    probeEveryMs: backendProbeEveryMs,
    onChange(state) {
      logger.log(state === 'reachable' ? 'backend-services-restored' : 'backend-services-withdrawn');
      kioskStatus.setBackendReachable(state === 'reachable');
    },
  });
  // Every backend call goes through the reachability observer: the staff PIN check and the heartbeat too.
  const backend = reachability.backend;
  const documents = {
    trustStore: options.trustStore ?? trustStoreOf(config),
    faces: options.faces ?? sharedFaceImageDecoder(),
  };
  const staffAndMaintenance = composeMaintenance({
    config,
    db: journal,
    journal: journalServices,
    devices,
    session,
    kioskStatus,
    printing,
    backend,
    documents,
    clock,
    logger,
    restart: options.restart,
    sessionActive: () => session.activeSessionId !== null,
  });
  const { staff, maintenance } = staffAndMaintenance;
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
    documents,
    staff,
    maintenance,
  };
  const speech = createSpeech(config, { session, bus, clock, devices, logger }, options.speech);
  const help = new StaffHelp(journalServices.alerts, session, config.terminal.id, clock);
  const flows = new FlowRunner(services, flowDefinitions, {
    language: config.languages.default,
    idleSeconds: config.staff.sessionIdleSeconds,
  });
  const door = new StaffDoor({
    devices,
    flows,
    session,
    signIn: staff.signIn,
    mode: maintenance.mode,
    logger,
  });
  door.start();
  // A composition without a backend (printing and shell tests) has nobody to report to.
  const heartbeat = options.backend
    ? startHeartbeat({ config, db: journal, backend, bus, kioskStatus, devices, printing, clock, logger })
    : null;
  const stopPreparingFlows = prepareFlows(services);
  // Proofs this terminal prints are checked against the backend's key table: it must have this key (retried).
  const keyRegistration = options.backend
    ? new SigningKeyRegistration({ db: journal, backend, clock, logger })
    : null;
  void keyRegistration?.register(signingKey);

  kioskStatus.setDeviceStatuses(devices.statuses());
  const unsubscribeDevices = devices.onStatus((statuses) => {
    bus.emit('devices.changed', statuses);
    kioskStatus.setDeviceStatuses(statuses);
  });
  // Maintenance, once entered (never mid-transaction: MaintenanceMode waits), takes the kiosk from a resident
  // still on the screen: their session ends and its data is wiped. A staff session goes on.
  const unsubscribeStatus = bus.subscribe((event, payload) => {
    if (event !== 'kiosk.statusChanged') return;
    const status = payload as KioskStatusService['status'];
    const inMaintenance =
      status.mode === 'out-of-service' && status.reasons.some((r) => r.kind === 'maintenance');
    if (inMaintenance && flows.residentSession) session.end('out-of-service');
  });

  const handlers: Handlers = {
    ...kioskHandlers({ config, kioskStatus, session, devices }),
    ...sessionHandlers(session, flows),
    ...flowHandlers(flows),
    ...devHandlers({ maintenance: maintenance.mode, devices, printing }),
    ...guidanceHandlers(speech.service, help),
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
    flowServices: services,
    kioskStatus,
    printing,
    speech,
    journal: journalServices,
    keyRegistration,
    async close() {
      keyRegistration?.close();
      stopPreparingFlows();
      heartbeat?.close();
      door.close();
      staffAndMaintenance.close();
      speech.close();
      reachability.dispose();
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

/** While the backend does not answer, how often the kiosk asks again on its own (a resident's call also settles it). */
const backendProbeEveryMs = 30_000;

/** Boot reads and checks the trust store (exit 78 on a bad file); a composition without boot reads it here. */
function trustStoreOf(config: KioskConfig): CscaTrustStore {
  const loaded = loadCscaTrustStore(config.documents);
  if (!loaded.ok) throw new Error(`documents.trustAnchors: ${loaded.error}`);
  return loaded.value;
}

/** For compositions that run no resident flow: every call is answered as if the backend could not be reached. */
function noBackend(): Backend {
  return backendFromCall(
    'embedded',
    async () => err({ kind: 'unreachable', detail: 'no backend in this composition', neverSent: true }),
    async () => {},
  );
}
