import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitStatus } from '../startup/exit_status.js';
import { parseBrowserHostArguments } from '../startup/kiosk_arguments.js';
import { startKiosk } from '../startup/start_kiosk.js';
import { startBrowserHost } from './browser_host.js';
import { openChromiumKiosk } from './chromium_kiosk.js';
import { takeHostToken } from './host_token.js';

function rendererRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // Bundled: dist/electron/host.mjs → dist/renderer; from source: electron/host → dist/renderer.
  const candidates = [resolve(here, '../renderer'), resolve(here, '../../dist/renderer')];
  return candidates.find((c) => existsSync(join(c, 'index.html'))) ?? candidates[0]!;
}

/** Browser mode: the kiosk (startKiosk) behind the loopback HTTP + WebSocket host. Resolves with an exit status. */
async function main(): Promise<number | undefined> {
  // Taken first, so that nothing this process starts (Chromium) inherits it.
  const token = takeHostToken(process.env);
  const args = parseBrowserHostArguments(process.argv.slice(2), process.env);
  if (!args.ok) {
    console.error(`Balcão: ${args.error}`);
    return exitStatus.usage;
  }
  if (!token.ok) {
    console.error(`Balcão cannot start: ${token.error}.`);
    return exitStatus.config;
  }
  const { configPath, logLevel, port, open } = args.value;
  // Started by the supervisor (it hands over the token), a restart is an exit it answers by starting the host
  // again; started by hand, nothing would, so staff are not offered one.
  let restartHost = () => {};
  const supervised = token.value !== undefined;
  const started = await startKiosk({
    host: 'browser',
    configPath,
    logLevel,
    restart: supervised ? () => restartHost() : undefined,
  });
  if (!started.ok) {
    console.error(started.error.message);
    return started.error.exitCode;
  }
  const kiosk = started.value;
  const host = await startBrowserHost(kiosk.app, {
    rendererRoot: rendererRoot(),
    port,
    logger: kiosk.logger,
    token: token.value,
  });
  // Machine-readable: tests and supervisors read the URL from this line (log lines are JSON).
  console.log(`BALCAO_URL=${host.url}`);
  kiosk.logger.log('host-listening', { port: host.port });
  console.log(
    `Balcão ${kiosk.config.terminal.id} (${kiosk.config.mode}) in browser mode. Open the URL above in Chromium.`,
  );
  const browser = open ? openChromiumKiosk(host.url) : null;

  const stop = async (signal: NodeJS.Signals) => {
    browser?.kill();
    await host.close();
    await kiosk.stop(signal);
    process.exit(exitStatus.ok);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  restartHost = () => {
    void (async () => {
      browser?.kill();
      await host.close();
      await kiosk.stop('restart-requested');
      process.exit(exitStatus.restartRequested);
    })();
  };
  return undefined;
}

main().then(
  (status) => {
    if (status !== undefined) process.exit(status);
  },
  (error) => {
    // A bug, not a mistake of the person starting the kiosk: the stack trace is what a developer needs.
    console.error(error);
    process.exit(1);
  },
);
