import { join } from 'node:path';
import * as electron from 'electron';
import { createKioskLogger } from '../logging/kiosk_logger.js';
import { exitStatus } from '../startup/exit_status.js';
import {
  type ElectronShellArguments,
  electronUserArguments,
  parseElectronShellArguments,
} from '../startup/kiosk_arguments.js';
import { startKiosk } from '../startup/start_kiosk.js';
import { registerAppScheme, serveRenderer } from './app_protocol.js';
import { installCrashRecovery } from './crash_recovery.js';
import type { ElectronApi } from './electron_api.js';
import { serveRpcOverIpc } from './ipc_transport.js';
import { installLockdown } from './lockdown.js';
import { checkLaunchConfig, checkLaunchSwitches, describeRefusal } from './production_guard.js';
import { appOrigin, kioskWindowOptions } from './window_options.js';

// Bundled to CommonJS (dist/electron/main.cjs), where __dirname is the bundle's folder.
const here = __dirname;
const api = electron as unknown as ElectronApi;
const packaged = electron.app.isPackaged;

/** The one message a person at the kiosk sees (and the console), then the exit status for the supervisor. */
function refuseToStart(message: string, exitCode: number): void {
  console.error(message);
  // Safe before 'ready' (Electron documents it so): the refusal shows even when the app never gets that far.
  electron.dialog.showErrorBox('Balcão', message);
  electron.app.exit(exitCode);
}

// Every renderer sandboxed, whatever a window's options say; must be called before 'ready'.
electron.app.enableSandbox();
registerAppScheme(api);

const switches = checkLaunchSwitches(packaged, process.argv);
const args = parseElectronShellArguments(
  electronUserArguments(process.argv, process.defaultApp === true),
  process.env,
);
if (!switches.ok) {
  const refusal = describeRefusal(switches.error);
  createKioskLogger({ level: args.ok ? args.value.logLevel : 'info' }).log('launch-refused', {
    refusal: switches.error.code,
    switches: switches.error.switches,
  });
  refuseToStart(refusal.message, refusal.exitCode);
} else if (!args.ok) {
  refuseToStart(`Balcão: ${args.error}`, exitStatus.usage);
} else if (!electron.app.requestSingleInstanceLock()) {
  electron.app.quit();
} else {
  void runShell(args.value);
}

async function runShell(args: ElectronShellArguments): Promise<void> {
  // Bound once the kiosk runs: a restart staff ask for stops it (journal closed) before the app relaunches.
  let stopKiosk = async (_reason: string): Promise<void> => {};
  const started = await startKiosk({
    host: 'electron',
    configPath: args.configPath,
    logLevel: args.logLevel,
    admit: (config) => {
      const admitted = checkLaunchConfig(packaged, config.mode);
      return admitted.ok ? admitted : { ok: false, error: describeRefusal(admitted.error) };
    },
    // Staff's "Restart now" (maintenance → Terminal): the way crash recovery relaunches the app.
    restart: () => {
      void stopKiosk('restart-requested').then(() => {
        electron.app.relaunch();
        electron.app.exit(0);
      });
    },
  });
  if (!started.ok) {
    await electron.app.whenReady();
    refuseToStart(started.error.message, started.error.exitCode);
    return;
  }
  const kiosk = started.value;
  stopKiosk = (reason) => kiosk.stop(reason);
  const { config, logger } = kiosk;
  if (args.chromiumSwitches.length > 0)
    logger.log('chromium-switches-passed', { switches: args.chromiumSwitches });
  // Devtools need both a non-production configuration and an explicit flag.
  const devTools = config.mode !== 'production' && args.devTools;
  let window: electron.BrowserWindow | null = null;

  electron.app.on('second-instance', () => window?.focus());
  electron.app.on('window-all-closed', () => electron.app.quit());
  electron.app.on('before-quit', () => void kiosk.stop('quit'));

  await electron.app.whenReady();
  installLockdown(api, devTools);
  serveRenderer(api, join(here, '../renderer'));
  electron.powerSaveBlocker.start('prevent-display-sleep');
  window = new electron.BrowserWindow(kioskWindowOptions(join(here, 'preload.cjs'), devTools));
  serveRpcOverIpc(api, kiosk.app, () => window);
  installCrashRecovery(electron.app, window, (detail) => logger.log('renderer-gone', { detail }));
  window.once('ready-to-show', () => window?.show());
  void window.loadURL(`${appOrigin}/index.html`);
}
