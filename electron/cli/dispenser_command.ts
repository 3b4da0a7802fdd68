import { parseArgs } from 'node:util';
import { testDispense } from '../../devices/dispenser/cli_commands.js';
import { defaultConfigPath } from '../config/config_loader.js';
import { settle, withDevice } from './cli_devices.js';
import type { CliCommand } from './command.js';

export const testDispenseCommand: CliCommand = {
  name: 'test-dispense',
  usage: 'balcao test-dispense [--config FILE] [--device ID] [--wait SECONDS]',
  summary:
    'dispense a test card to the gate; retract it into the reject bin if not taken within --wait (30 s)',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { config: { type: 'string' }, device: { type: 'string' }, wait: { type: 'string' } },
      strict: true,
    });
    const wait = values.wait === undefined ? 30 : Number(values.wait);
    if (!Number.isFinite(wait) || wait < 0 || wait > 600) {
      io.err(`--wait takes 0 to 600 seconds\nusage: ${this.usage}`);
      return 64;
    }
    const config = values.config ?? defaultConfigPath;
    return withDevice(config, values.device, 'document-dispenser', io, async (dispenser) => {
      await settle(() => dispenser.driver.status().state !== 'disconnected');
      io.out(`dispenser ${dispenser.id}`);
      return testDispense(dispenser.driver, wait * 1000, io.out);
    });
  },
};
