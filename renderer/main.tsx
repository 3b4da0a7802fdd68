import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.js';
import { createI18n } from './i18n/i18n.js';
import { createIpcRpcClient } from './rpc/ipc_rpc_client.js';
import type { PreloadBridge, RpcClient } from './rpc/rpc_client.js';
import { RpcContext } from './rpc/rpc_context.js';
import { createWebSocketRpcClient } from './rpc/websocket_rpc_client.js';
import './styles.css';

declare global {
  interface Window {
    /** Present only inside the Electron shell (see electron/shell/preload.ts). */
    balcao?: PreloadBridge;
  }
}

// A kiosk has no context menu, no drag-and-drop of files onto the page, no pinch zoom.
window.addEventListener('contextmenu', (e) => e.preventDefault());
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());
window.addEventListener('wheel', (e) => e.ctrlKey && e.preventDefault(), { passive: false });

const client: RpcClient = window.balcao
  ? createIpcRpcClient(window.balcao)
  : createWebSocketRpcClient(window.location, window.sessionStorage);
const i18n = createI18n('zh-Hant');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <RpcContext.Provider value={client}>
      <I18nextProvider i18n={i18n}>
        <App client={client} i18n={i18n} />
      </I18nextProvider>
    </RpcContext.Provider>
  </StrictMode>,
);
