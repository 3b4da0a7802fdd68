import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openChromiumKiosk } from './chromium_kiosk.js';
import { type HostSupervisor, superviseBrowserHost } from './host_supervisor.js';

/**
 * The supervisor as `npm start` runs it (scripts/start.mjs imports this bundle, dist/electron/host_supervisor.mjs):
 * the host bundle beside it under this Node, JSON-line logs on stdout like the host's, Debian's Chromium.
 */
export function startSupervisedBrowserHost(argv: string[]): HostSupervisor {
  const logger = pino({
    level: process.env.BALCAO_LOG_LEVEL ?? 'info',
    base: { component: 'host-supervisor' },
  });
  return superviseBrowserHost({
    argv,
    env: process.env,
    hostCommand: { command: process.execPath, args: [fileURLToPath(new URL('./host.mjs', import.meta.url))] },
    logger,
    output: process.stdout,
    openBrowser: (url) => openChromiumKiosk(url),
  });
}
