import type { BrowserWindowConstructorOptions } from 'electron';

export const appScheme = 'app';
export const appHost = 'balcao';
/** The renderer's origin: a privileged custom protocol, never file://. */
export const appOrigin = `${appScheme}://${appHost}`;

/**
 * The kiosk window, locked down per Electron's security checklist: isolated, sandboxed, no Node, no webviews,
 * full-screen kiosk with no frame. `preloadPath` is the only script with IPC access.
 */
export function kioskWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#00564f',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
      safeDialogs: true,
    },
  };
}
