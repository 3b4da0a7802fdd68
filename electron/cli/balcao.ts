import type { CliCommand, CliIo } from './command.js';
import { mrz } from './mrz_command.js';

/**
 * `balcao` — the command for the people who install and repair kiosks. Each subcommand lives in its own file and
 * is listed here.
 */
const commands: CliCommand[] = [mrz];

function help(io: CliIo): void {
  io.out('balcao — Balcão kiosk field tool\n');
  for (const c of commands) io.out(`  ${c.usage}\n      ${c.summary}`);
  io.out('\nDevice commands take --config FILE (default config/balcao.config.json).');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name ? 0 : 64;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`balcao: unknown command "${name}". Run "balcao help".`);
    return 64;
  }
  return command.run(args, io);
}
