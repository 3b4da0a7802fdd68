import type * as Electron from 'electron';
import type { ElectronApi } from './electron_api.js';
import { isBlockedShortcut } from './input_filter.js';
import { appOrigin } from './window_options.js';

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === appOrigin;
  } catch {
    return false;
  }
}

/**
 * Session-wide denials: no permission (camera, notifications, USB/HID from the page…) is ever granted, and the
 * renderer may load nothing but the app protocol — no remote content, ever.
 */
export function lockDownSession(electron: ElectronApi, devTools: boolean): void {
  const ses = electron.session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url) || (devTools && details.url.startsWith('devtools://'));
    callback({ cancel: !allowed });
  });
}

/** Per-webContents denials: navigation away, new windows, webviews, browser shortcuts, devtools in production. */
export function lockDownWebContents(contents: Electron.WebContents, devTools: boolean): void {
  const denyNavigation = (event: Electron.Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', denyNavigation);
  contents.on('will-redirect', denyNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, devTools)) event.preventDefault();
  });
  if (!devTools) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Applies every lockdown the shell owns; call before the first window is created. */
export function installLockdown(electron: ElectronApi, devTools: boolean): void {
  electron.Menu.setApplicationMenu(null);
  lockDownSession(electron, devTools);
  electron.app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, devTools));
}
