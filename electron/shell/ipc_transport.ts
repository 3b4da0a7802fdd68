import type * as Electron from 'electron';
import type { KioskApp } from '../kiosk_app.js';
import { eventFrame, handleRequestFrame } from '../rpc/frame_handler.js';
import type { ElectronApi } from './electron_api.js';
import { isAppUrl } from './lockdown.js';

export const rpcChannel = 'balcao:rpc';
export const eventChannel = 'balcao:event';

/**
 * Electron IPC transport for the RPC contract. Every message's sender frame must be the kiosk window's top frame
 * on the app origin; anything else (a subframe, a navigated-away page) is refused before the router sees it.
 */
export function serveRpcOverIpc(
  electron: ElectronApi,
  app: KioskApp,
  window: () => Electron.BrowserWindow | null,
): () => void {
  electron.ipcMain.handle(rpcChannel, async (event, raw: unknown) => {
    const win = window();
    const frame = event.senderFrame;
    const trusted =
      win !== null &&
      event.sender.id === win.webContents.id &&
      frame !== null &&
      frame.parent === null &&
      isAppUrl(frame.url);
    if (!trusted) return { id: -1, ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
    return handleRequestFrame(app.router, raw);
  });
  return app.bus.subscribe((event, payload) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(eventChannel, eventFrame(event, payload));
  });
}
