/**
 * Ticket PDF → the 1-bit raster the ESC/POS ticket printer prints: poppler's pdftoppm renders at the head's
 * 203 dpi with -mono (PBM), and the result is fitted to the head's 576 dots.
 */
import { spawn } from 'node:child_process';
import type { MonoBitmap } from '../../../devices/printer/index.js';
import { err, ok, type Result } from '../../../lib/result.js';
import { TICKET_DOTS, TICKET_DPI } from '../pdf/render_pdf.js';
import { fitWidth, type PbmError, parsePbm } from './pbm.js';

export type RasteriseError =
  | { code: 'pdftoppm-missing'; command: string }
  | { code: 'pdftoppm-failed'; exitCode: number | null; stderr: string }
  | { code: 'timeout'; afterMs: number }
  | PbmError;

export type RasteriseResult = Result<MonoBitmap, RasteriseError>;

export interface RasteriseOptions {
  /** pdftoppm's path; `pdftoppm` on PATH by default (poppler-utils on Debian, bundled on Windows). */
  command?: string;
  timeoutMs?: number;
  dpi?: number;
  widthDots?: number;
}

export function rasteriseTicket(pdf: Uint8Array, options: RasteriseOptions = {}): Promise<RasteriseResult> {
  const command = options.command ?? 'pdftoppm';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const dpi = options.dpi ?? TICKET_DPI;
  const widthDots = options.widthDots ?? TICKET_DOTS;
  return new Promise((resolve) => {
    const child = spawn(command, ['-mono', '-r', String(dpi), '-f', '1', '-l', '1', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const stderrChunks: Buffer[] = [];
    let settled = false;
    const settle = (result: RasteriseResult): void => {
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
      const parsed = parsePbm(Buffer.concat(out));
      settle(parsed.ok ? ok(fitWidth(parsed.value, widthDots)) : parsed);
    });
    // A closed stdin (pdftoppm died early) must not crash the kiosk: the close handler reports it.
    child.stdin.on('error', () => undefined);
    child.stdin.end(pdf);
  });
}
