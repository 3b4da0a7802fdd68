// `npm start`: the Electron shell when its binary is installed, otherwise browser mode (the same services and
// renderer under plain Node, opened in Debian's Chromium in kiosk mode when a display is available).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, and throws when it is missing
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = process.env.BALCAO_BROWSER_MODE ? null : electronBinary();
const child = electron
  ? spawn(electron, ['dist/electron/main.cjs', ...args], { stdio: 'inherit' })
  : spawn(process.execPath, ['dist/electron/host.mjs', ...args], { stdio: 'inherit' });
if (!electron) console.log('Electron binary not installed: starting in browser mode.');
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
