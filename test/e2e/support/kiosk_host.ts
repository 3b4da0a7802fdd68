import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import type { MethodName, MethodParams } from '../../../electron/rpc/contract.js';
import type { ResponseFrame } from '../../../electron/rpc/wire.js';

export interface KioskHost {
  url: string;
  /** The embedded backend's SQLite file (read-only for specs: what the backend registered). */
  backendPath: string;
  /** Every line the host wrote on stdout so far (its JSON logs), for specs that check what was logged. */
  logLines: string[];
  /** Calls an RPC method as the renderer would (used for the dev dock: unplug a device, maintenance). */
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<ResponseFrame>;
  stop(): Promise<void>;
  /** A power cut: SIGKILL, no shutdown of any kind (a spec then starts a host on the same files). */
  kill(): Promise<void>;
  /** The configuration file the host runs with (its journal and embedded backend beside it). */
  configPath: string;
}

/**
 * Writes the configuration to a temporary folder of its own, with its own journal — and so its own embedded backend,
 * which lives beside the journal — so no spec (and no other checkout on the machine) sees another's print jobs,
 * bookings or backend schema, and every run starts from the backend's sample state.
 */
export function writeHostConfig(config: unknown): string {
  return writeHostFiles(config).configPath;
}

/** The configuration file written, and the embedded backend's file beside its journal (specs read what it keeps). */
export function writeHostFiles(config: unknown): { configPath: string; backendPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-e2e-'));
  const configPath = join(dir, 'config.json');
  const journalPath = join(dir, 'journal.sqlite');
  writeFileSync(configPath, JSON.stringify({ journal: { path: journalPath }, ...(config as object) }));
  return { configPath, backendPath: join(dir, 'backend.sqlite') };
}

/** Collects the process's stdout lines and resolves with the URL from its `BALCAO_URL=` line. */
export function readHostOutput(child: ChildProcess, lines: string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line.startsWith('BALCAO_URL=')) resolve(line.slice('BALCAO_URL='.length));
    });
    child.once('exit', (code) => reject(new Error(`kiosk host exited with ${code}`)));
  });
}

/** Starts the built browser-mode host (dist/electron/host.mjs) with the given configuration object. */
export async function startKioskHost(config: unknown): Promise<KioskHost> {
  const { configPath, backendPath } = writeHostFiles(config);
  return startKioskHostOn(configPath, backendPath);
}

/** Starts the host on files an earlier host used (after `kill()`: the next start recovers what it left). */
export async function startKioskHostOn(configPath: string, backendPath: string): Promise<KioskHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['dist/electron/host.mjs', '--config', configPath, '--port', '0', '--no-open'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const logLines: string[] = [];
  const url = await readHostOutput(child, logLines);
  const { origin, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  let nextId = 1;

  const ended = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  return {
    url,
    backendPath,
    configPath,
    logLines,
    call(method, params) {
      return new Promise((resolve, reject) => {
        const ws = new WebSocket(`${origin.replace('http', 'ws')}/rpc?token=${token}`, { origin });
        const id = nextId++;
        ws.once('open', () => ws.send(JSON.stringify({ id, method, params })));
        ws.on('message', (data) => {
          const frame = JSON.parse(data.toString()) as ResponseFrame | { event: string };
          if ('id' in frame && frame.id === id) {
            ws.close();
            resolve(frame);
          }
        });
        ws.once('error', reject);
      });
    },
    stop: ended('SIGTERM'),
    kill: ended('SIGKILL'),
  };
}
