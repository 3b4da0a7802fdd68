import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The government gateway of an end-to-end spec: the built `balcao backend serve` (the embedded backend over the
 * HTTP contract) in a process of its own, on a database file of its own, that a spec can stop in the middle of a
 * resident's flow ("the backend is down") and start again on the same port and file.
 */
export interface ReferenceBackend {
  /** `http://127.0.0.1:<port>`, the same across restarts. */
  url: string;
  /** Ends the server process (the kiosk's calls then find nothing listening). */
  stop(): Promise<void>;
  /** Serves again on the same port and database. */
  restart(): Promise<void>;
}

function serve(db: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['dist/electron/cli.mjs', 'backend', 'serve', '--port', String(port), '--db', db],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('BACKEND_URL=')) resolve({ child, url: line.slice('BACKEND_URL='.length) });
    });
    child.once('exit', (code) => reject(new Error(`reference backend exited with ${code}`)));
  });
}

async function end(child: ChildProcess): Promise<void> {
  // A process ended by a signal has no exit code, only its signal.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function startReferenceBackend(): Promise<ReferenceBackend> {
  const db = join(tmpdir(), `balcao-e2e-gateway-${process.pid}-${Date.now()}.sqlite`);
  let running = await serve(db, 0);
  const port = Number(new URL(running.url).port);
  return {
    url: running.url,
    stop: () => end(running.child),
    async restart() {
      await end(running.child);
      running = await serve(db, port);
    },
  };
}

/**
 * The kiosk's `backend` setting for a spec's gateway: fail fast (one attempt, a 2 s timeout, a circuit that opens
 * after three failures and tries again after 300 ms), so "the backend is down" shows within a spec's patience.
 */
export function quickHttpBackend(url: string) {
  return {
    kind: 'http',
    baseUrl: url,
    timeoutMs: 2000,
    retries: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    circuit: { failureThreshold: 3, cooldownMs: 300 },
  };
}
