import { join } from 'node:path';
import type Database from 'better-sqlite3';
import * as electron from 'electron';
import { formatConfigError, loadConfigFile } from '../config/config_loader.js';
import type { KioskConfig } from '../config/config_schema.js';
import { formatJournalError, openKioskJournal } from '../journal/kiosk_journal.js';
import { createKioskApp } from '../kiosk_app.js';
import { createKioskLogger } from '../services/kiosk_logger.js';
import { ManagerDeviceHub } from '../services/manager_device_hub.js';
import { registerAppScheme, serveRenderer } from './app_protocol.js';
import { installCrashRecovery } from './crash_recovery.js';
import type { ElectronApi } from './electron_api.js';
import { serveRpcOverIpc } from './ipc_transport.js';
import { installLockdown } from './lockdown.js';
import { appOrigin, kioskWindowOptions } from './window_options.js';

// Bundled to CommonJS (dist/electron/main.cjs), where __dirname is the bundle's folder.
const here = __dirname;
const api = electron as unknown as ElectronApi;
/** Exit statuses a supervisor can tell from a crash (sysexits): a bad configuration, an unusable journal. */
const exitConfigError = 78;
const exitJournalError = 74;

type Boot =
  | { ok: true; config: KioskConfig; journal: Database.Database }
  | { ok: false; message: string; exitCode: number };

/** Configuration and journal, or the one message that says why the kiosk cannot start. */
function prepareBoot(configPath: string): Boot {
  const loaded = loadConfigFile(configPath);
  if (!loaded.ok) return { ok: false, message: formatConfigError(loaded.error), exitCode: exitConfigError };
  const journal = openKioskJournal(loaded.config.journal.path);
  if (!journal.ok) {
    const message = formatJournalError(loaded.config.journal.path, journal.error);
    return { ok: false, message, exitCode: exitJournalError };
  }
  return { ok: true, config: loaded.config, journal: journal.value };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

registerAppScheme(api);

if (!electron.app.requestSingleInstanceLock()) {
  electron.app.quit();
} else {
  const configPath = argValue('--config') ?? process.env.BALCAO_CONFIG ?? 'config/balcao.config.json';
  const boot = prepareBoot(configPath);
  if (!boot.ok) {
    console.error(boot.message);
    electron.app.whenReady().then(() => {
      electron.dialog.showErrorBox('Balcão', boot.message);
      electron.app.exit(boot.exitCode);
    });
  } else {
    const { config, journal } = boot;
    // Devtools need both a non-production configuration and an explicit flag.
    const devTools = config.mode !== 'production' && process.argv.includes('--dev-tools');
    const logger = createKioskLogger(config.terminal.id);
    const devices = new ManagerDeviceHub(config.devices);
    const kiosk = createKioskApp(config, devices, journal, {
      logger,
      onInternalError: (method, error) => logger.error({ method, err: error }, 'internal error'),
    });
    let window: electron.BrowserWindow | null = null;

    electron.app.on('second-instance', () => window?.focus());
    electron.app.on('window-all-closed', () => electron.app.quit());
    electron.app.on('before-quit', () => void kiosk.close());

    electron.app.whenReady().then(async () => {
      await devices.start();
      installLockdown(api, devTools);
      serveRenderer(api, join(here, '../renderer'));
      electron.powerSaveBlocker.start('prevent-display-sleep');
      window = new electron.BrowserWindow(kioskWindowOptions(join(here, 'preload.cjs'), devTools));
      serveRpcOverIpc(api, kiosk, () => window);
      installCrashRecovery(electron.app, window, (m) => console.error(m));
      window.once('ready-to-show', () => window?.show());
      void window.loadURL(`${appOrigin}/index.html`);
    });
  }
}
