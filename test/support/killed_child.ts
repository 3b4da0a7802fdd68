/**
 * Runs a TypeScript script in a child process that is expected to die by SIGKILL (a power cut at a chosen
 * point), and fails the test if it ended any other way: an error, a clean exit, or no kill at all.
 */
import { spawnSync } from 'node:child_process';

export function runUntilKilled(script: string, args: readonly string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.signal !== 'SIGKILL')
    throw new Error(`${script} ${args.join(' ')} was not killed (status ${run.status}): ${run.stderr}`);
}
