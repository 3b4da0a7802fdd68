import { type ChildProcess, spawn } from 'node:child_process';
import { readHostOutput, writeHostConfig } from './kiosk_host.js';

export interface SupervisedKiosk {
  url: string;
  /** Every stdout line so far: the supervisor's JSON logs and the host's. */
  logLines: string[];
  /** The pids of the hosts the supervisor started, in order (from its `supervisor-host-started` log lines). */
  hostPids(): number[];
  /** Sends SIGTERM to the supervisor, as a service manager would, and resolves with its exit status. */
  stop(): Promise<number | null>;
}

/** `npm start` in browser mode, as an operator runs it (after `npm run build`), without opening a browser. */
export async function startSupervisedKiosk(config: unknown): Promise<SupervisedKiosk> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['scripts/start.mjs', '--config', writeHostConfig(config), '--port', '0', '--no-open'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BALCAO_BROWSER_MODE: '1' } },
  );
  const logLines: string[] = [];
  const url = await readHostOutput(child, logLines);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url,
    logLines,
    hostPids: () =>
      logLines
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { event?: string; hostPid?: number })
        .filter((entry) => entry.event === 'supervisor-host-started' && typeof entry.hostPid === 'number')
        .map((entry) => entry.hostPid!),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
