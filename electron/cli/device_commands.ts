import { listDevices, openLockerDoor, watchScanner } from '../../devices/manager/cli_commands.js';
import { printerStatus, printTestPage, printTestTicket } from '../../devices/printer/cli_commands.js';
import { buildTestPagePdf } from '../../devices/printer/document/test_page_pdf.js';
import { parseDeviceArgs, settle, withDevice, withDevices } from './cli_devices.js';
import type { CliCommand } from './command.js';

export const devicesCommand: CliCommand = {
  name: 'devices',
  usage: 'balcao devices [--config FILE]',
  summary: 'list the configured devices and their live status',
  async run(args, io) {
    const values = parseDeviceArgs(args);
    return withDevices(values.config, io, async (hub) => {
      // Give each driver its first status read before printing the table.
      await settle(() => hub.statuses().every((s) => s.status.state !== 'disconnected'), 2000);
      io.out(listDevices(hub.manager));
      return hub.statuses().some((s) => s.status.state === 'error') ? 1 : 0;
    });
  },
};

export const watchScannerCommand: CliCommand = {
  name: 'watch-scanner',
  usage: 'balcao watch-scanner [--config FILE] [--device ID]',
  summary: 'print every code the scanner reads, and its status changes, until Ctrl-C',
  async run(args, io) {
    const values = parseDeviceArgs(args);
    return withDevices(values.config, io, async (hub) => {
      const watching = watchScanner(hub.manager, io.out, values.device);
      if (!watching.ok) {
        io.err(watching.error);
        return 1;
      }
      io.out(`watching ${watching.value.deviceId} — scan a code, Ctrl-C to stop`);
      await io.interrupted;
      watching.value.stop();
      return 0;
    });
  },
};

export const testTicketCommand: CliCommand = {
  name: 'test-ticket',
  usage: 'balcao test-ticket [--config FILE] [--device ID]',
  summary: 'print a self-test ticket and wait for the printer to confirm it',
  async run(args, io) {
    const values = parseDeviceArgs(args);
    return withDevice(values.config, values.device, 'ticket-printer', io, async (printer) => {
      await printer.driver.refreshStatus();
      const result = await printTestTicket(printer.driver);
      io.out(result);
      return result.includes('FAILED') ? 1 : 0;
    });
  },
};

export const testPageCommand: CliCommand = {
  name: 'test-page',
  usage: 'balcao test-page [--config FILE] [--device ID]',
  summary: 'print an A4 test page and follow it to completion',
  async run(args, io) {
    const values = parseDeviceArgs(args);
    return withDevice(values.config, values.device, 'document-printer', io, async (printer) => {
      await printer.driver.refreshStatus();
      io.out(await printerStatus(printer.id, printer.driver));
      const result = await printTestPage(printer.driver, await buildTestPagePdf());
      io.out(result);
      return result.includes('FAILED') ? 1 : 0;
    });
  },
};

export const openDoorCommand: CliCommand = {
  name: 'open-door',
  usage: 'balcao open-door <door> [--config FILE] [--device ID] [--wait-close SECONDS]',
  summary: 'open one Smart Locker door (and optionally wait for it to be shut)',
  async run(args, io) {
    const values = parseDeviceArgs(args);
    const door = values.positionals[0];
    if (!door) {
      io.err(`usage: ${this.usage}`);
      return 64;
    }
    const waitSeconds = values.waitClose === undefined ? undefined : Number(values.waitClose);
    if (waitSeconds !== undefined && !(waitSeconds > 0 && waitSeconds <= 3600)) {
      io.err(
        `balcao open-door: --wait-close must be a number of seconds (at most 3600), got "${values.waitClose}"`,
      );
      return 64;
    }
    return withDevice(values.config, values.device, 'locker-controller', io, async (locker, hub) => {
      await settle(() => locker.driver.status().state === 'ready');
      const waitMs = waitSeconds === undefined ? undefined : waitSeconds * 1000;
      const result = await openLockerDoor(hub.manager, locker.id, door, waitMs);
      io.out(result);
      return result.includes(': opened') ? 0 : 1;
    });
  },
};
