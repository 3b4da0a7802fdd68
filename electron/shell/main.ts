import { join } from 'node:path';
import * as electron from 'electron';
import { createKioskApp } from '../kiosk_app.js';
import { prepareBoot } from '../kiosk_boot.js';
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
    const { config, journal, signingKey } = boot;
    // Devtools need both a non-production configuration and an explicit flag.
    const devTools = config.mode !== 'production' && process.argv.includes('--dev-tools');
    const logger = createKioskLogger(config.terminal.id);
    const devices = new ManagerDeviceHub(config.devices);
    if (boot.ephemeralKey)
      logger.warn({}, 'no documents.signingKeyFile: documents are signed with a key for this run only');
    const kiosk = createKioskApp(config, devices, journal, {
      signingKey,
      logger,
      onInternalError: (method, error) => logger.error({ method, err: error }, 'internal error'),
    });
    let window: electron.BrowserWindow | null = null;

    // Audio guidance: index a site's recorded prompts and render the screens' words ahead, in the background.
    void kiosk.speech
      .warmUp()
      .then((warm) => logger.info({ ...warm, output: kiosk.speech.output }, 'speech ready'));
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
