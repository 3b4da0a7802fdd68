import { runCli } from '../../electron/cli/balcao.js';

/** Runs `balcao …` in-process, capturing what it prints and its exit status. */
export async function balcao(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    interrupted: new Promise(() => {}),
  });
  return { status, out: out.join('\n'), err: err.join('\n') };
}
