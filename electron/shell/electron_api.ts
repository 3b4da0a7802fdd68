import type * as Electron from 'electron';

/**
 * The slice of the `electron` module the shell uses. main.ts passes the real module; the lockdown tests pass a
 * stand-in, so every security setting is unit-tested without an Electron binary.
 */
export interface ElectronApi {
  app: Pick<
    Electron.App,
    | 'on'
    | 'whenReady'
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'relaunch'
    | 'exit'
    | 'isPackaged'
    | 'getAppPath'
  >;
  BrowserWindow: new (options: Electron.BrowserWindowConstructorOptions) => Electron.BrowserWindow;
  Menu: Pick<typeof Electron.Menu, 'setApplicationMenu'>;
  protocol: Pick<Electron.Protocol, 'handle' | 'registerSchemesAsPrivileged'>;
  session: {
    defaultSession: Pick<
      Electron.Session,
      | 'setPermissionRequestHandler'
      | 'setPermissionCheckHandler'
      | 'setDevicePermissionHandler'
      | 'webRequest'
    >;
  };
  ipcMain: Pick<Electron.IpcMain, 'handle'>;
  powerSaveBlocker: Pick<Electron.PowerSaveBlocker, 'start'>;
}
