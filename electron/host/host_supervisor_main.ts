import { fileURLToPath } from 'node:url';
import { createKioskLogger } from '../logging/kiosk_logger.js';
import { exitStatus } from '../startup/exit_status.js';
import { parseBrowserHostArguments } from '../startup/kiosk_arguments.js';
import { openChromiumKiosk } from './chromium_kiosk.js';
import { type HostSupervisor, superviseBrowserHost } from './host_supervisor.js';

/**
 * The supervisor as `npm start` runs it (scripts/start.mjs imports this bundle, dist/electron/host_supervisor.mjs):
 * the host bundle beside it under this Node, the kiosk's JSON-line log on stdout beside the host's, Debian's
 * Chromium.
 *
 * The flags are the host's, checked here with the host's own parser: a mistake is the same one line and exit 64
 * as from the host, before any host is started (instead of a host failing the same way at every restart). The
 * supervisor logs without a terminal id: it never reads the configuration, the host does.
 */
export function startSupervisedBrowserHost(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): HostSupervisor {
  const flags = parseBrowserHostArguments(argv, env);
  if (!flags.ok) {
    console.error(`Balcão: ${flags.error}`);
    return { done: Promise.resolve(exitStatus.usage), stop: () => {} };
  }
  return superviseBrowserHost({
    argv,
    flags: flags.value,
    env,
    hostCommand: { command: process.execPath, args: [fileURLToPath(new URL('./host.mjs', import.meta.url))] },
    logger: createKioskLogger({ level: flags.value.logLevel }),
    output: process.stdout,
    openBrowser: (url) => openChromiumKiosk(url),
  });
}
