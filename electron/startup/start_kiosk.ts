import pino from 'pino';
import { err, ok, type Result } from '../../lib/result.js';
import type { Backend } from '../backend/contract/backend.js';
import type { SeedCatalogue } from '../backend/seed/seed_schema.js';
import type { KioskConfig } from '../config/config_schema.js';
import { createKioskApp, type KioskApp } from '../kiosk_app.js';
import { logBackendReports } from '../logging/backend_log.js';
import { logDeviceReports } from '../logging/device_log.js';
import { logKioskEvents } from '../logging/kiosk_event_log.js';
import { createKioskLogger, type KioskLogger, type LogLevelSetting } from '../logging/kiosk_logger.js';
import { RecentLogFile } from '../logging/recent_log_file.js';
import { maintenancePaths } from '../maintenance/maintenance_config.js';
import { ManagerDeviceHub } from '../services/manager_device_hub.js';
import type { KioskHostKind } from './kiosk_arguments.js';
import { type AdmitConfig, type BootFailure, prepareBackend, prepareBoot } from './kiosk_boot.js';

export interface StartKioskOptions {
  host: KioskHostKind;
  configPath: string;
  logLevel: LogLevelSetting;
  /** The host's own refusal of a configuration (the packaged Electron build's production rule). */
  admit?: AdmitConfig;
  /** Where the JSON log lines go: stdout unless given (tests). */
  logDestination?: pino.DestinationStream;
  /**
   * How this host restarts the kiosk when staff ask (maintenance → Terminal); absent where nothing would start it
   * again (a host run by hand), and the screen then says a restart is not available.
   */
  restart?: () => void;
  /**
   * The embedded backend's catalogue when it is not the real one: a benchmark's 10× load catalogue. A terminal
   * never sets it (neither host passes it on); the configured backend is used as it is.
   */
  seed?: () => SeedCatalogue;
}

export interface RunningKiosk {
  config: KioskConfig;
  logger: KioskLogger;
  devices: ManagerDeviceHub;
  app: KioskApp;
  /** The government services, as configured; closed by `stop`. */
  backend: Backend;
  /** Logs why, then closes the services, devices, journal and backend. */
  stop(reason: string): Promise<void>;
}

/**
 * The kiosk's one composition root, called by both hosts (the Electron shell and browser mode): boot (config,
 * signing key, journal), the logger, the backend with its reports connected to the log, the devices with theirs,
 * the services, audio guidance's prompts rendered ahead, and the log of the kiosk's life. What is left to a host is its transport and its window.
 *
 * A failure is logged (`kiosk-boot-failed`) and returned with the message and exit status the host shows.
 */
export async function startKiosk(options: StartKioskOptions): Promise<Result<RunningKiosk, BootFailure>> {
  const { host, configPath, logLevel, logDestination } = options;
  const bootFailed = (logger: KioskLogger, failure: BootFailure) => {
    logger.log('kiosk-boot-failed', {
      host,
      configPath,
      exitCode: failure.exitCode,
      problem: failure.message,
    });
    return err(failure);
  };
  const boot = prepareBoot(configPath, options.admit);
  if (!boot.ok)
    return bootFailed(createKioskLogger({ level: logLevel, destination: logDestination }), boot.error);
  const { config, journal, signingKey, ephemeralKey, trustStore } = boot.value;
  // Every line goes to stdout and to the recent log staff read in maintenance (and the support bundle carries).
  const { recentLogs } = maintenancePaths(config.maintenance, config.journal.path);
  const recentLog = recentLogs === null ? null : new RecentLogFile(recentLogs);
  const stdout = logDestination ?? pino.destination({ dest: 1, sync: true });
  const logger = createKioskLogger({
    terminalId: config.terminal.id,
    level: logLevel,
    destination:
      recentLog === null
        ? stdout
        : pino.multistream([
            { level: 'trace', stream: stdout },
            { level: 'trace', stream: recentLog },
          ]),
  });
  const recentLogFault = recentLog?.takeFault();
  if (recentLogs && recentLogFault)
    logger.log('recent-log-unavailable', { path: recentLogs.path, code: recentLogFault });
  logger.log('config-loaded', {
    path: configPath,
    mode: config.mode,
    site: config.site.centreId,
    services: config.services.length,
    devices: config.devices.length,
  });
  logger.log('journal-opened', { path: config.journal.path });
  if (ephemeralKey) logger.log('signing-key-ephemeral');
  if (Object.keys(config.staff.badgeKeys).length === 0) logger.log('staff-badge-keys-missing');
  const backend = prepareBackend(config, logBackendReports(logger), options.seed);
  if (!backend.ok) {
    journal.close();
    return bootFailed(logger, backend.error);
  }
  if (config.backend.kind === 'http')
    logger.log('backend-http-configured', {
      baseUrl: config.backend.baseUrl,
      mutualTls: config.backend.tls?.certFile !== undefined,
    });

  const devices = new ManagerDeviceHub(config.devices, { report: logDeviceReports(logger) });
  await devices.start();
  const app = createKioskApp(config, devices, journal, {
    restart: options.restart,
    signingKey,
    logger,
    backend: backend.value,
    trustStore,
  });
  const stopLogging = logKioskEvents(app.bus, logger, app.kioskStatus.status);
  logger.log('kiosk-started', { host, mode: config.mode, status: app.kioskStatus.status.mode });
  // Audio guidance indexes the site's recorded prompts and renders the screens' words ahead, in the background:
  // the kiosk serves residents at once, and a prompt not yet rendered is rendered when it is first spoken.
  void app.speech.warmUp();

  let stopping: Promise<void> | undefined;
  return ok({
    config,
    logger,
    devices,
    app,
    backend: backend.value,
    stop(reason) {
      stopping ??= (async () => {
        logger.log('kiosk-stopping', { reason });
        await app.close();
        await backend.value.close();
        stopLogging();
        recentLog?.close();
      })();
      return stopping;
    },
  });
}
