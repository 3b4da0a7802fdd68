import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatConfigError, loadConfigFile } from '../config/config_loader.js';
import { formatJournalError, openKioskJournal } from '../journal/kiosk_journal.js';
import { createKioskApp } from '../kiosk_app.js';
import { createKioskLogger } from '../services/kiosk_logger.js';
import { ManagerDeviceHub } from '../services/manager_device_hub.js';
import { startBrowserHost } from './browser_host.js';
import { openChromiumKiosk } from './chromium_kiosk.js';
import { parseHostArguments } from './command_line.js';

/** Exit statuses a supervisor can tell from a crash (sysexits): a bad configuration, an unusable journal. */
const exitConfigError = 78;
const exitJournalError = 74;

function rendererRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // Bundled: dist/electron/host.mjs → dist/renderer; from source: electron/host → dist/renderer.
  const candidates = [resolve(here, '../renderer'), resolve(here, '../../dist/renderer')];
  return candidates.find((c) => existsSync(join(c, 'index.html'))) ?? candidates[0]!;
}

async function main(): Promise<void> {
  const args = parseHostArguments(process.argv.slice(2), process.env);
  const loaded = loadConfigFile(args.configPath);
  if (!loaded.ok) {
    console.error(formatConfigError(loaded.error));
    process.exit(exitConfigError);
  }
  const config = loaded.config;
  const journal = openKioskJournal(config.journal.path);
  if (!journal.ok) {
    console.error(formatJournalError(config.journal.path, journal.error));
    process.exit(exitJournalError);
  }
  const logger = createKioskLogger(config.terminal.id);
  const devices = new ManagerDeviceHub(config.devices);
  await devices.start();
  const app = createKioskApp(config, devices, journal.value, {
    logger,
    onInternalError: (method, error) => logger.error({ method, err: error }, 'internal error'),
  });
  const host = await startBrowserHost(app, { rendererRoot: rendererRoot(), port: args.port });
  // The first line is machine-readable: tests and supervisors read the URL from it.
  console.log(`BALCAO_URL=${host.url}`);
  console.log(
    `Balcão ${config.terminal.id} (${config.mode}) in browser mode. Open the URL above in Chromium.`,
  );
  const browser = args.open ? openChromiumKiosk(host.url) : null;

  const stop = async () => {
    browser?.kill();
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
