// `npm start`: the Electron shell when its binary is installed, otherwise browser mode (the same services and
// renderer under plain Node, opened in Debian's Chromium in kiosk mode when a display is available).
import { spawn } from 'node:child_process';
import { electronBinary } from './electron_binary.mjs';

const args = process.argv.slice(2);

const electron = process.env.BALCAO_BROWSER_MODE ? null : electronBinary();
const child = electron
  ? spawn(electron, ['dist/electron/main.cjs', ...args], { stdio: 'inherit' })
  : spawn(process.execPath, ['dist/electron/host.mjs', ...args], { stdio: 'inherit' });
if (!electron) console.log('Electron binary not installed: starting in browser mode.');
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
