/**
 * Runs an external command (CUPS `lp`, `lpstat`, `cancel`) with bytes on stdin. The spooler driver talks only to
 * this interface, so tests give it a fake CUPS that answers in CUPS' real output formats.
 */
import { spawn } from 'node:child_process';

export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type CommandError =
  | { code: 'not-found'; command: string }
  | { code: 'timeout' }
  | { code: 'spawn-failed'; detail: string };

export type CommandResult = { ok: true; value: CommandOutput } | { ok: false; error: CommandError };

export interface CommandRunner {
  run(
    command: string,
    args: readonly string[],
    stdin: Uint8Array | undefined,
    timeoutMs: number,
  ): Promise<CommandResult>;
}

/** Runs commands with `child_process.spawn`, without a shell (arguments are never interpreted). */
export class SpawnCommandRunner implements CommandRunner {
  run(
    command: string,
    args: readonly string[],
    stdin: Uint8Array | undefined,
    timeoutMs: number,
  ): Promise<CommandResult> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: CommandResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const child = spawn(command, [...args], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, LC_ALL: 'C' },
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish({ ok: false, error: { code: 'timeout' } });
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') finish({ ok: false, error: { code: 'not-found', command } });
        else finish({ ok: false, error: { code: 'spawn-failed', detail: error.message } });
      });
      child.on('close', (code) => {
        finish({
          ok: true,
          value: {
            exitCode: code ?? -1,
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8'),
          },
        });
      });
      // A command that exits before reading stdin closes the pipe: that is its answer, not our crash.
      child.stdin.on('error', () => undefined);
      if (stdin) child.stdin.end(Buffer.from(stdin.buffer, stdin.byteOffset, stdin.byteLength));
      else child.stdin.end();
    });
  }
}
