import { join } from 'node:path';
import * as electron from 'electron';
import { formatConfigError, loadConfigFile } from '../config/config_loader.js';
import { PlugStateDeviceHub } from '../host/simulated_device_hub.js';
import { createKioskApp } from '../kiosk_app.js';
import { registerAppScheme, serveRenderer } from './app_protocol.js';
import { installCrashRecovery } from './crash_recovery.js';
import type { ElectronApi } from './electron_api.js';
import { serveRpcOverIpc } from './ipc_transport.js';
import { installLockdown } from './lockdown.js';
import { appOrigin, kioskWindowOptions } from './window_options.js';

// Bundled to CommonJS (dist/electron/main.cjs), where __dirname is the bundle's folder.
const here = __dirname;
const api = electron as unknown as ElectronApi;
const exitConfigError = 78;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

registerAppScheme(api);

if (!electron.app.requestSingleInstanceLock()) {
  electron.app.quit();
} else {
  const configPath = argValue('--config') ?? process.env.BALCAO_CONFIG ?? 'config/balcao.config.json';
  const loaded = loadConfigFile(configPath);
  if (!loaded.ok) {
    const message = formatConfigError(loaded.error);
    console.error(message);
    electron.app.whenReady().then(() => {
      electron.dialog.showErrorBox('Balcão', message);
      electron.app.exit(exitConfigError);
    });
  } else {
    const config = loaded.config;
    // Devtools need both a non-production configuration and an explicit flag.
    const devTools = config.mode !== 'production' && process.argv.includes('--dev-tools');
    const devices = new PlugStateDeviceHub(config.devices);
    const kiosk = createKioskApp(config, devices, {
      onInternalError: (method, error) => console.error(`internal error in ${method}:`, error),
    });
    let window: electron.BrowserWindow | null = null;

    electron.app.on('second-instance', () => window?.focus());
    electron.app.on('window-all-closed', () => electron.app.quit());
    electron.app.on('before-quit', () => void kiosk.close());

    electron.app.whenReady().then(() => {
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
