import { mrzCommand } from '../../devices/document/icao9303/cli_commands.js';
import type { CliCommand } from './command.js';

export const mrz: CliCommand = {
  name: 'mrz',
  usage: 'balcao mrz <line1> <line2> [<line3>]',
  summary: 'validate and decode a machine-readable zone (TD1, TD2, TD3) and print JSON',
  async run(args, io) {
    if (args.length === 0) {
      io.err(`usage: ${this.usage}`);
      return 64;
    }
    const result = mrzCommand(args);
    io.out(JSON.stringify(result.json, null, 2));
    return result.exitCode;
  },
};
