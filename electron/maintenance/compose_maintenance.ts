/**
 * Builds the staff and maintenance services from the kiosk's own (called once by createKioskApp): staff sign-in
 * with its lock-out store and the backend's PIN check, who is signed in, maintenance mode, the device diagnostics
 * with their fault history, the restart scheduler, the support bundles and the recent log's location.
 */
import type Database from 'better-sqlite3';
import type { Backend } from '../backend/contract/backend.js';
import type { KioskConfig } from '../config/config_schema.js';
import type { DocumentServices, FlowServices } from '../flows/flow.js';
import type { JournalServices } from '../journal/journal_services.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { Clock } from '../services/clock.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { KioskStatusService } from '../services/kiosk_status_service.js';
import type { KioskPrintService } from '../services/print_service.js';
import type { SessionService } from '../services/session_service.js';
import { backendStaffPinCheck } from '../staff/backend_pin_check.js';
import { StaffLockoutStore } from '../staff/staff_lockout_store.js';
import { StaffSessions } from '../staff/staff_sessions.js';
import { StaffSignIn } from '../staff/staff_sign_in.js';
import { DeviceDiagnostics } from './device_diagnostics.js';
import { DeviceHistory } from './device_history.js';
import { maintenancePaths } from './maintenance_config.js';
import { MaintenanceMode } from './maintenance_mode.js';
import type { MaintenanceServices } from './maintenance_services.js';
import { RestartScheduler } from './restart_scheduler.js';
import { SupportBundles } from './support_bundles.js';
import { terminalInfo } from './terminal_info.js';

export interface MaintenanceDeps {
  config: KioskConfig;
  db: Database.Database;
  journal: JournalServices;
  devices: DeviceHub;
  session: SessionService;
  kioskStatus: KioskStatusService;
  printing: KioskPrintService;
  backend: Backend;
  documents: DocumentServices;
  clock: Clock;
  logger: KioskLogger;
  /** The host's restart (see RestartScheduler); absent in tests. */
  restart: (() => void) | undefined;
  /** Whether the screen has a session right now (a scheduled restart waits for it to end). */
  sessionActive: () => boolean;
}

export interface StaffAndMaintenance {
  staff: FlowServices['staff'];
  maintenance: MaintenanceServices;
  close(): void;
}

export function composeMaintenance(deps: MaintenanceDeps): StaffAndMaintenance {
  const { config, journal, devices, clock, logger, printing } = deps;
  const { audit } = journal;
  const startedAt = clock.now();
  const signIn = new StaffSignIn({
    keys: config.staff.badgeKeys,
    policy: config.staff.lockout,
    lockouts: new StaffLockoutStore(deps.db),
    checkPin: backendStaffPinCheck(deps.backend, config.terminal.id),
    audit,
    logger,
    now: () => clock.now(),
  });
  const sessions = new StaffSessions(deps.session, audit, logger);
  const mode = new MaintenanceMode({
    kioskStatus: deps.kioskStatus,
    residentTransactions: () => journal.transactions.inProgress().length,
    clock,
    audit,
    logger,
  });
  const history = new DeviceHistory(clock, devices.statuses());
  const stopHistory = devices.onStatus((statuses) => history.record(statuses));
  const diagnostics = new DeviceDiagnostics({
    devices,
    history,
    printing,
    testRead: { ...deps.documents, testCard: config.staff.testCard },
    clock,
  });
  const restart = new RestartScheduler({
    clock,
    audit,
    logger,
    busy: () => deps.sessionActive() || mode.residentBusy(),
    restart: deps.restart,
  });
  const paths = maintenancePaths(config.maintenance, config.journal.path);
  const terminal = () => terminalInfo(config, startedAt, clock.now());
  const bundles = new SupportBundles({
    terminalId: config.terminal.id,
    kioskDir: paths.supportBundleDir,
    removableRoots: config.maintenance.removableMediaRoots,
    recentLogs: paths.recentLogs,
    gather: async () => ({
      configuration: config,
      devices: await diagnostics.inventory(),
      journal: {
        printJobs: printing.staffJobs(),
        counters: printing.counters(),
        unfinishedTransactions: journal.transactions
          .unfinished()
          .map(({ idempotencyKey: _k, pendingCall: _p, ...t }) => t),
        staffAlerts: printing.alerts(),
      },
      terminal: terminal(),
      auditVerification: audit.verify(),
    }),
    now: () => clock.now(),
    audit,
    logger,
  });
  return {
    staff: { signIn, sessions },
    maintenance: { mode, diagnostics, restart, bundles, terminal, recentLogs: paths.recentLogs },
    close() {
      stopHistory();
      restart.close();
      mode.close();
      sessions.close();
    },
  };
}
