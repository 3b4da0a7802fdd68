import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { parseConfig } from '../config/config_loader.js';
import { openJournal } from '../journal/journal_database.js';
import { createKioskApp } from '../kiosk_app.js';
import { ManagerDeviceHub } from '../services/manager_device_hub.js';
import { registerAppScheme, serveRenderer } from './app_protocol.js';
import { decideRecovery } from './crash_recovery.js';
import type { ElectronApi } from './electron_api.js';
import { isBlockedShortcut } from './input_filter.js';
import { rpcChannel, serveRpcOverIpc } from './ipc_transport.js';
import { installLockdown, isAppUrl } from './lockdown.js';
import { appOrigin, kioskWindowOptions } from './window_options.js';

/** A stand-in for the parts of the `electron` module the shell touches, recording what was registered. */
function journalInMemory() {
  const journal = openJournal(':memory:');
  if (!journal.ok) throw new Error('journal');
  return journal.value;
}

function standIn() {
  const app = new EventEmitter();
  const handlers: Record<string, unknown> = {};
  const ipcHandlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const api = {
    app: Object.assign(app, { whenReady: vi.fn(), requestSingleInstanceLock: vi.fn(() => true) }),
    Menu: { setApplicationMenu: vi.fn() },
    protocol: {
      handle: (scheme: string, handler: (req: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
      registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: unknown) => (handlers.permissionRequest = h),
        setPermissionCheckHandler: (h: unknown) => (handlers.permissionCheck = h),
        setDevicePermissionHandler: (h: unknown) => (handlers.devicePermission = h),
        webRequest: { onBeforeRequest: (h: unknown) => (handlers.beforeRequest = h) },
      },
    },
    ipcMain: {
      handle: (channel: string, h: (event: unknown, raw: unknown) => Promise<unknown>) =>
        ipcHandlers.set(channel, h),
    },
    powerSaveBlocker: { start: vi.fn() },
  };
  return { api: api as unknown as ElectronApi, app, handlers, ipcHandlers, protocolHandlers, privileged };
}

function fakeWebContents() {
  const contents = new EventEmitter() as EventEmitter & {
    setWindowOpenHandler: ReturnType<typeof vi.fn>;
    closeDevTools: ReturnType<typeof vi.fn>;
  };
  contents.setWindowOpenHandler = vi.fn();
  contents.closeDevTools = vi.fn();
  return contents;
}

function preventable() {
  return { preventDefault: vi.fn() };
}

describe('kiosk window options', () => {
  it('isolates and sandboxes the renderer, with no Node, no webviews and devtools only when asked', () => {
    const options = kioskWindowOptions('/app/preload.cjs', false);
    expect(options).toMatchObject({ kiosk: true, frame: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(kioskWindowOptions('/p', true).webPreferences?.devTools).toBe(true);
  });
});

describe('lockdown', () => {
  it('removes the menu and denies every permission request, check and device', () => {
    const { api, handlers } = standIn();
    installLockdown(api, false);
    expect(api.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    const callback = vi.fn();
    (handlers.permissionRequest as (...a: unknown[]) => void)(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((handlers.permissionCheck as () => boolean)()).toBe(false);
    expect((handlers.devicePermission as () => boolean)()).toBe(false);
  });

  it('lets the renderer load only the app protocol', () => {
    const { api, handlers } = standIn();
    installLockdown(api, false);
    const decide = (url: string) => {
      const callback = vi.fn();
      (handlers.beforeRequest as (d: { url: string }, cb: unknown) => void)({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide(`${appOrigin}/assets/index.js`)).toEqual({ cancel: false });
    expect(decide('https://example.com/x.js')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('app://other/x')).toEqual({ cancel: true });
  });

  it('denies navigation away, new windows, webviews and browser shortcuts in every web contents', () => {
    const { api, app } = standIn();
    installLockdown(api, false);
    const contents = fakeWebContents();
    app.emit('web-contents-created', {}, contents);

    const away = preventable();
    contents.emit('will-navigate', away, 'https://example.com');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = preventable();
    contents.emit('will-navigate', inside, `${appOrigin}/index.html`);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = preventable();
    contents.emit('will-redirect', redirect, 'http://127.0.0.1:9/');
    expect(redirect.preventDefault).toHaveBeenCalled();

    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(openHandler()).toEqual({ action: 'deny' });
    const webview = preventable();
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const reload = preventable();
    contents.emit('before-input-event', reload, {
      type: 'keyDown',
      key: 'r',
      control: true,
      alt: false,
      meta: false,
      shift: false,
    });
    expect(reload.preventDefault).toHaveBeenCalled();
    const typing = preventable();
    contents.emit('before-input-event', typing, {
      type: 'keyDown',
      key: 'a',
      control: false,
      alt: false,
      meta: false,
      shift: false,
    });
    expect(typing.preventDefault).not.toHaveBeenCalled();

    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalled();
  });

  it('blocks reload, devtools, zoom, print and window switching keys, but not typing or Enter', () => {
    const key = (
      k: string,
      mods: Partial<{ control: boolean; alt: boolean; meta: boolean; shift: boolean }> = {},
    ) => ({
      type: 'keyDown',
      key: k,
      control: false,
      alt: false,
      meta: false,
      shift: false,
      ...mods,
    });
    for (const blocked of [
      key('F5'),
      key('F12'),
      key('F11'),
      key('r', { control: true }),
      key('+', { control: true }),
      key('p', { control: true }),
      key('Tab', { alt: true }),
      key('F4', { alt: true }),
      key('BrowserBack'),
    ]) {
      expect(isBlockedShortcut(blocked, false)).toBe(true);
    }
    for (const allowed of [
      key('a'),
      key('A', { shift: true }),
      key('Enter'),
      key('Backspace'),
      key('7'),
      key('Tab'),
    ]) {
      expect(isBlockedShortcut(allowed, false)).toBe(false);
    }
    expect(isBlockedShortcut(key('I', { control: true, shift: true }), true)).toBe(false);
    expect(isBlockedShortcut(key('I', { control: true, shift: true }), false)).toBe(true);
  });

  it('recognises only the app origin as the app', () => {
    expect(isAppUrl('app://balcao/index.html')).toBe(true);
    expect(isAppUrl('app://balcao.evil/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('app protocol', () => {
  it('is registered as a secure standard scheme and serves files with the CSP', async () => {
    const { api, privileged, protocolHandlers } = standIn();
    registerAppScheme(api);
    expect(privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    serveRenderer(api, 'renderer');
    const handler = protocolHandlers.get('app');
    const res = await handler!(new Request('app://balcao/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await handler!(new Request('app://other/index.html'))).status).toBe(404);
  });
});

describe('IPC transport', () => {
  function setup() {
    const { api, ipcHandlers } = standIn();
    const parsed = parseConfig({
      terminal: { id: 'MO-TEST-01' },
      site: { kind: 'macau', centreId: 'x', name: { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'A', en: 'A' } },
      mode: 'production',
      services: ['check-in'],
      // Production requires it; only the boot reads the file, and this test builds the app without booting.
      documents: { signingKeyFile: 'terminal.pem' },
    });
    if (!parsed.ok) throw new Error('config');
    const kiosk = createKioskApp(parsed.value, new ManagerDeviceHub([]), journalInMemory(), {
      logger: recordingLogger(),
    });
    const window = {
      webContents: { id: 7, send: vi.fn() },
      isDestroyed: () => false,
    } as unknown as Electron.BrowserWindow;
    serveRpcOverIpc(api, kiosk, () => window);
    const handler = ipcHandlers.get(rpcChannel)!;
    return { handler, window };
  }
  const frame = { id: 1, method: 'session.start', params: { language: 'en' } };

  it('serves calls from the kiosk window top frame on the app origin', async () => {
    const { handler } = setup();
    const event = { sender: { id: 7 }, senderFrame: { parent: null, url: `${appOrigin}/index.html` } };
    expect(await handler(event, frame)).toMatchObject({ id: 1, ok: true, value: { phase: 'active' } });
  });

  it('refuses calls from another web contents, a subframe or another origin', async () => {
    const { handler } = setup();
    const senders = [
      { sender: { id: 8 }, senderFrame: { parent: null, url: `${appOrigin}/index.html` } },
      { sender: { id: 7 }, senderFrame: { parent: {}, url: `${appOrigin}/index.html` } },
      { sender: { id: 7 }, senderFrame: { parent: null, url: 'https://example.com/' } },
      { sender: { id: 7 }, senderFrame: null },
    ];
    for (const event of senders) {
      expect(await handler(event, frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('crash recovery', () => {
  it('reloads after a crash and relaunches after repeated crashes within the window', () => {
    const policy = { maxReloads: 3, windowMs: 60_000 };
    expect(decideRecovery([0], 0, policy)).toBe('reload');
    expect(decideRecovery([0, 1, 2], 3, policy)).toBe('reload');
    expect(decideRecovery([0, 1, 2, 3], 4, policy)).toBe('relaunch');
    expect(decideRecovery([0, 1, 2, 70_000], 70_000, policy)).toBe('reload');
  });
});
