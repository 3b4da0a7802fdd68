import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import type { MethodName, MethodParams } from '../../../electron/rpc/contract.js';
import type { ResponseFrame } from '../../../electron/rpc/wire.js';

export interface KioskHost {
  url: string;
  /** Calls an RPC method as the renderer would (used for the dev dock: unplug a device, maintenance). */
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<ResponseFrame>;
  stop(): Promise<void>;
}

/** Starts the built browser-mode host (dist/electron/host.mjs) with the given configuration object. */
export async function startKioskHost(config: unknown): Promise<KioskHost> {
  const configPath = join(tmpdir(), `balcao-e2e-${process.pid}-${Date.now()}.json`);
  // Each host gets its own journal, so no spec sees another's print jobs.
  const journalPath = join(tmpdir(), `balcao-e2e-${process.pid}-${Date.now()}.sqlite`);
  writeFileSync(configPath, JSON.stringify({ journal: { path: journalPath }, ...(config as object) }));
  const child: ChildProcess = spawn(
    process.execPath,
    ['dist/electron/host.mjs', '--config', configPath, '--port', '0', '--no-open'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('BALCAO_URL=')) resolve(line.slice('BALCAO_URL='.length));
    });
    child.once('exit', (code) => reject(new Error(`kiosk host exited with ${code}`)));
  });
  const { origin, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  let nextId = 1;

  return {
    url,
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
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
