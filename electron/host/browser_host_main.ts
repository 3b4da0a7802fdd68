import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKioskApp } from '../kiosk_app.js';
import { prepareBoot } from '../kiosk_boot.js';
import { createKioskLogger } from '../services/kiosk_logger.js';
import { ManagerDeviceHub } from '../services/manager_device_hub.js';
import { startBrowserHost } from './browser_host.js';
import { openChromiumKiosk } from './chromium_kiosk.js';
import { parseHostArguments } from './command_line.js';

function rendererRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // Bundled: dist/electron/host.mjs → dist/renderer; from source: electron/host → dist/renderer.
  const candidates = [resolve(here, '../renderer'), resolve(here, '../../dist/renderer')];
  return candidates.find((c) => existsSync(join(c, 'index.html'))) ?? candidates[0]!;
}

async function main(): Promise<void> {
  const args = parseHostArguments(process.argv.slice(2), process.env);
  const boot = prepareBoot(args.configPath);
  if (!boot.ok) {
    console.error(boot.message);
    process.exit(boot.exitCode);
  }
  const { config, journal, signingKey } = boot;
  const logger = createKioskLogger(config.terminal.id);
  if (boot.ephemeralKey)
    logger.warn({}, 'no documents.signingKeyFile: documents are signed with a key for this run only');
  const devices = new ManagerDeviceHub(config.devices);
  await devices.start();
  const app = createKioskApp(config, devices, journal, {
    signingKey,
    logger,
    onInternalError: (method, error) => logger.error({ method, err: error }, 'internal error'),
  });
  // Audio guidance: index a site's recorded prompts and render the screens' words ahead, in the background.
  void app.speech
    .warmUp()
    .then((warm) => logger.info({ ...warm, output: app.speech.output }, 'speech ready'));
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
