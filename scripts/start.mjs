// `npm start`: the Electron shell when its binary is installed, otherwise browser mode (the same services and
// renderer under plain Node, opened in Debian's Chromium in kiosk mode when a display is available). In browser
// mode a supervisor restarts the host after a crash (electron/host/host_supervisor.ts); the Electron shell does
// its own crash recovery.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron_binary.mjs';

const args = process.argv.slice(2);
const signals = ['SIGINT', 'SIGTERM'];

const electron = process.env.BALCAO_BROWSER_MODE ? null : electronBinary();
if (electron) {
  const child = spawn(electron, ['dist/electron/main.cjs', ...args], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of signals) process.on(signal, () => child.kill(signal));
} else {
  console.log(
    process.env.BALCAO_BROWSER_MODE
      ? 'BALCAO_BROWSER_MODE is set: starting in browser mode.'
      : 'Electron binary not installed: starting in browser mode.',
  );
  const { startSupervisedBrowserHost } = await import('../dist/electron/host_supervisor.mjs');
  const supervisor = startSupervisedBrowserHost(args);
  for (const signal of signals) process.on(signal, () => supervisor.stop(signal));
  process.exitCode = await supervisor.done;
}
