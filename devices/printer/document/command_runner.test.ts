import { describe, expect, it } from 'vitest';
import { SpawnCommandRunner } from './command_runner.js';

describe('SpawnCommandRunner', () => {
  const runner = new SpawnCommandRunner();

  it('feeds stdin and collects stdout and the exit code', async () => {
    const result = await runner.run(
      process.execPath,
      [
        '-e',
        'let n=0;process.stdin.on("data",d=>n+=d.length).on("end",()=>{console.log("got "+n);process.exit(3)})',
      ],
      { stdin: new Uint8Array(1234) },
      5000,
    );
    expect(result).toEqual({ ok: true, value: { exitCode: 3, stdout: 'got 1234\n', stderr: '' } });
  });

  it('reports a missing command as not-found', async () => {
    expect(await runner.run('balcao-no-such-command', [], {}, 1000)).toEqual({
      ok: false,
      error: { code: 'not-found', command: 'balcao-no-such-command' },
    });
  });

  it('kills a command that overruns its timeout', async () => {
    expect(await runner.run(process.execPath, ['-e', 'setTimeout(()=>{},10000)'], {}, 100)).toEqual({
      ok: false,
      error: { code: 'timeout' },
    });
  });
});
