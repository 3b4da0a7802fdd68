import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventually } from '../../test/support/eventually.js';

/**
 * The Electron shell's entry point against a stand-in `electron` module (the binary cannot run here): what it
 * refuses, what it calls before 'ready', and that it boots through startKiosk into a sandboxed window.
 */

function fakeElectron(packaged: boolean) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: packaged,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    relaunch: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
  });
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { id: 1, send: vi.fn(), reload: vi.fn() });
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      super();
      windows.push({ options, loaded: this.loaded });
    }
    isDestroyed = () => false;
    show = vi.fn();
    focus = vi.fn();
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  const module = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    Menu: { setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    ipcMain: { handle: vi.fn() },
    powerSaveBlocker: { start: vi.fn() },
  };
  return { module, app, windows };
}

function devConfigFile(mode: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-shell-'));
  const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify({ ...shipped, mode, journal: { path: join(dir, 'journal.sqlite') } }));
  return path;
}

const argv = process.argv;
const defaultApp = process.defaultApp;
/** Electron sets `process.defaultApp` when it runs an app from a path; Node's types mark it read-only. */
function setDefaultApp(value: boolean | undefined): void {
  Object.defineProperty(process, 'defaultApp', { value, configurable: true, writable: true });
}

async function runMain(packaged: boolean, userArgs: string[]) {
  const electron = fakeElectron(packaged);
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  vi.stubEnv('BALCAO_LOG_LEVEL', 'silent');
  vi.spyOn(console, 'error').mockImplementation(() => {});
  process.argv = packaged
    ? ['/opt/balcao/balcao', ...userArgs]
    : ['electron', 'dist/electron/main.cjs', ...userArgs];
  setDefaultApp(!packaged);
  await import('./main.js');
  return electron;
}

describe('the Electron shell entry point', () => {
  afterEach(() => {
    process.argv = argv;
    setDefaultApp(defaultApp);
    vi.doUnmock('electron');
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('sandboxes every renderer, then refuses a debugging switch in a packaged build before anything starts', async () => {
    const { app, module } = await runMain(true, ['--remote-debugging-port=9222']);
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(module.dialog.showErrorBox).toHaveBeenCalledWith(
      'Balcão',
      'Balcão refuses to start: a production build does not accept debugging switches (--remote-debugging-port=9222).',
    );
    expect(app.exit).toHaveBeenCalledWith(64);
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });

  it('refuses a development configuration in a packaged build (78)', async () => {
    const { app, module } = await runMain(true, ['--config', devConfigFile('development')]);
    await eventually(() => app.exit.mock.calls.length > 0, 5_000);
    expect(app.exit).toHaveBeenCalledWith(78);
    expect(module.dialog.showErrorBox.mock.calls[0]?.[1]).toContain(
      'does not run a "development" configuration',
    );
  });

  it('refuses its own flag without a value with one line and the usage status', async () => {
    const { app, module } = await runMain(false, ['--config']);
    expect(app.exit).toHaveBeenCalledWith(64);
    expect(module.dialog.showErrorBox).toHaveBeenCalledWith(
      'Balcão',
      'Balcão: --config needs a value (--config FILE)',
    );
  });

  it('boots through startKiosk into one sandboxed kiosk window on the app origin', async () => {
    const { app, windows } = await runMain(false, [
      '--config',
      devConfigFile('development'),
      '--ozone-platform=x11',
    ]);
    await eventually(() => windows.length === 1 && (windows[0]?.loaded.length ?? 0) === 1, 5_000);
    expect(app.exit).not.toHaveBeenCalled();
    expect(windows[0]?.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true } });
    expect(windows[0]?.loaded).toEqual(['app://balcao/index.html']);
    app.emit('before-quit');
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});
