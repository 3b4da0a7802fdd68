import { spawn } from 'node:child_process';
import { err, ok, type Result } from '../../../lib/result.js';

/**
 * poppler's pdftoppm, fed a PDF on stdin: the one rasteriser of the kiosk, for the ticket head's 1-bit raster
 * (ticket_rasteriser.ts) and for the on-screen preview of an A4 document (page_preview.ts). Every way it can fail
 * is a value; a pdftoppm that hangs is killed.
 */
export type PdftoppmError =
  | { code: 'pdftoppm-missing'; command: string }
  | { code: 'pdftoppm-failed'; exitCode: number | null; stderr: string }
  | { code: 'timeout'; afterMs: number };

export interface PdftoppmOptions {
  /** pdftoppm's path; `pdftoppm` on PATH by default (poppler-utils on Debian, bundled on Windows). */
  command?: string;
  timeoutMs?: number;
}

export function runPdftoppm(
  args: readonly string[],
  pdf: Uint8Array,
  options: PdftoppmOptions = {},
): Promise<Result<Buffer, PdftoppmError>> {
  const command = options.command ?? 'pdftoppm';
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const stderrChunks: Buffer[] = [];
    let settled = false;
    const settle = (result: Result<Buffer, PdftoppmError>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(err({ code: 'timeout', afterMs: timeoutMs }));
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') settle(err({ code: 'pdftoppm-missing', command }));
      else settle(err({ code: 'pdftoppm-failed', exitCode: null, stderr: error.message }));
    });
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderrChunks.push(chunk));
    child.on('close', (exitCode) => {
      if (exitCode !== 0) {
        const stderr = Buffer.concat(stderrChunks).toString('utf8').slice(0, 500);
        settle(err({ code: 'pdftoppm-failed', exitCode, stderr }));
        return;
      }
      settle(ok(Buffer.concat(out)));
    });
    // A closed stdin (pdftoppm died early) must not crash the kiosk: the close handler reports it.
    child.stdin.on('error', () => undefined);
    child.stdin.end(pdf);
  });
}
