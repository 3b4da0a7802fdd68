/**
 * Runs an external command (CUPS' `ipptool`) without a shell, optionally with bytes on stdin. The spooler client
 * talks only to this interface. (Node gives a child a socket, not a pipe, as stdin: a command that opens
 * `/dev/stdin` by name cannot read it, so file inputs are passed as files.)
 */
import { spawn } from 'node:child_process';
import { err, ok, type Result } from '../../../lib/result.js';

export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type CommandError =
  | { code: 'not-found'; command: string }
  | { code: 'timeout' }
  | { code: 'spawn-failed'; detail: string };

export type CommandResult = Result<CommandOutput, CommandError>;

export interface CommandInput {
  /** Written to the command's standard input. */
  stdin?: Uint8Array;
}

export interface CommandRunner {
  run(
    command: string,
    args: readonly string[],
    input: CommandInput,
    timeoutMs: number,
  ): Promise<CommandResult>;
}

function endPipe(pipe: NodeJS.WritableStream | null | undefined, bytes: Uint8Array | undefined): void {
  if (!pipe) return;
  // A command that exits before reading its input closes the pipe: that is its answer, not our crash.
  pipe.on('error', () => undefined);
  if (bytes) pipe.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  else pipe.end();
}

/** Runs commands with `child_process.spawn`, without a shell (arguments are never interpreted). */
export class SpawnCommandRunner implements CommandRunner {
  run(
    command: string,
    args: readonly string[],
    input: CommandInput,
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
        // C locale: messages for staff logs in one language, whatever the kiosk OS is set to.
        env: { ...process.env, LC_ALL: 'C' },
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(err({ code: 'timeout' }));
      }, timeoutMs);
      child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') finish(err({ code: 'not-found', command }));
        else finish(err({ code: 'spawn-failed', detail: error.message }));
      });
      child.on('close', (code) => {
        finish(
          ok({
            exitCode: code ?? -1,
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8'),
          }),
        );
      });
      endPipe(child.stdin, input.stdin);
    });
  }
}
