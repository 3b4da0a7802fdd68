import type * as Electron from 'electron';

export interface CrashPolicy {
  /** More renderer crashes than this within `windowMs` relaunch the whole app instead of reloading. */
  maxReloads: number;
  windowMs: number;
}

export const defaultCrashPolicy: CrashPolicy = { maxReloads: 3, windowMs: 5 * 60_000 };

/** Pure decision, tested on its own: reload the page, or relaunch the app after repeated failures. */
export function decideRecovery(
  crashTimes: number[],
  now: number,
  policy: CrashPolicy,
): 'reload' | 'relaunch' {
  const recent = crashTimes.filter((t) => now - t <= policy.windowMs);
  return recent.length > policy.maxReloads ? 'relaunch' : 'reload';
}

/**
 * A renderer or GPU process that dies must not leave a resident in front of a blank screen: reload, and if the
 * page keeps dying, relaunch the app (the supervisor restarts it if that fails too).
 */
export function installCrashRecovery(
  app: { on: Electron.App['on']; relaunch: () => void; exit: (code?: number) => void },
  window: Electron.BrowserWindow,
  log: (message: string) => void,
  now: () => number = Date.now,
  policy: CrashPolicy = defaultCrashPolicy,
): void {
  const crashes: number[] = [];
  const recover = (what: string, reason: string) => {
    crashes.push(now());
    const decision = decideRecovery(crashes, now(), policy);
    log(`${what} gone (${reason}); ${decision}`);
    if (decision === 'relaunch') {
      app.relaunch();
      app.exit(0);
    } else if (!window.isDestroyed()) {
      window.webContents.reload();
    }
  };
  window.webContents.on('render-process-gone', (_event, details) => recover('renderer', details.reason));
  window.webContents.on('unresponsive', () => recover('renderer', 'unresponsive'));
  app.on('child-process-gone', (_event, details) => {
    if (details.type === 'GPU' || details.type === 'Utility') recover(details.type, details.reason);
  });
}
