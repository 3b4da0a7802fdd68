import { contextBridge, ipcRenderer } from 'electron';

/**
 * The only bridge between the sandboxed renderer and the main process: one call and one event stream, carrying
 * contract frames. No Electron or Node object ever crosses it.
 */
const rpcChannel = 'balcao:rpc';
const eventChannel = 'balcao:event';

contextBridge.exposeInMainWorld('balcao', {
  invoke: (frame: unknown): Promise<unknown> => ipcRenderer.invoke(rpcChannel, frame),
  onEvent: (listener: (frame: unknown) => void): (() => void) => {
    const wrapped = (_event: unknown, frame: unknown) => listener(frame);
    ipcRenderer.on(eventChannel, wrapped);
    return () => ipcRenderer.removeListener(eventChannel, wrapped);
  },
});
