import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium, overridable for other distributions and for tests. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.BALCAO_CHROMIUM ?? env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Flags that keep Chromium quiet on a closed kiosk network and stop it from updating or syncing behind our back. */
export const chromiumQuietFlags = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Opens the renderer full-screen in Chromium's own kiosk mode, with a fresh profile each boot. */
export function openChromiumKiosk(url: string, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const profile = mkdtempSync(join(tmpdir(), 'balcao-chromium-'));
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return spawn(
    chromiumPath(env),
    [
      ...sandbox,
      ...chromiumQuietFlags,
      `--user-data-dir=${profile}`,
      '--kiosk',
      `--app=${url}`,
      '--disable-pinch',
      '--overscroll-history-navigation=0',
      '--noerrdialogs',
      '--disable-translate',
    ],
    { stdio: 'ignore', detached: false },
  );
}
