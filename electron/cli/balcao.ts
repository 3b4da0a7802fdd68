import { defaultConfigPath } from '../config/config_loader.js';
import { exitStatus } from '../startup/exit_status.js';
import { auditCommand } from './audit_command.js';
import { backendCommand, catalogueCommand } from './backend_commands.js';
import type { CliCommand, CliIo } from './command.js';
import {
  devicesCommand,
  openDoorCommand,
  testPageCommand,
  testTicketCommand,
  watchScannerCommand,
} from './device_commands.js';
import { testDispenseCommand } from './dispenser_command.js';
import { readDocumentCommand, readPermitCommand, verifyDocumentCliCommand } from './document_commands.js';
import { lockerCommand } from './locker_commands.js';
import { mrz } from './mrz_command.js';
import { salesCommand } from './sales_commands.js';
import { signingKeyCommand } from './signing_key_command.js';
import { staffCommand } from './staff_commands.js';

/**
 * `balcao` — the command for the people who install and repair kiosks. Each subcommand lives in its own file and
 * is listed here.
 */
const commands: CliCommand[] = [
  devicesCommand,
  watchScannerCommand,
  testTicketCommand,
  testPageCommand,
  openDoorCommand,
  testDispenseCommand,
  readDocumentCommand,
  readPermitCommand,
  mrz,
  verifyDocumentCliCommand,
  signingKeyCommand,
  lockerCommand,
  staffCommand,
  auditCommand,
  backendCommand,
  catalogueCommand,
  salesCommand,
];

function help(io: CliIo): void {
  io.out('balcao — Balcão kiosk field tool\n');
  for (const c of commands) io.out(`  ${c.usage}\n      ${c.summary}`);
  io.out(`\nDevice commands take --config FILE (default ${defaultConfigPath}).`);
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
  try {
    return await command.run(args, io);
  } catch (error) {
    // node:util parseArgs throws on an unknown or malformed flag: that is a usage error, not a crash. Its first
    // sentence names the flag ("Unknown option '--bogus'", "Option '--config <value>' argument missing").
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      const problem = error.message.split('. ')[0];
      io.err(`balcao ${name}: ${problem} (usage: ${command.usage})`);
      return exitStatus.usage;
    }
    throw error;
  }
}
