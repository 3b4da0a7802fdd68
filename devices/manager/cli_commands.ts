import { err, ok, type Result } from '../../lib/result.js';
import type { DeviceStatus } from '../device_status.js';
import type { DoorFailure } from '../locker/locker_driver.js';
import type { ScanEvent } from '../scanner/scan_event.js';
import type { DeviceManager } from './device_manager.js';

/**
 * The device commands of the `balcao` CLI, as plain functions of a running manager (the bin parses argv
 * and prints). They return or write printable text and never throw.
 */

function hex4(value: number | undefined): string {
  return value === undefined ? '----' : value.toString(16).padStart(4, '0');
}

export function describeStatus(status: DeviceStatus['status']): string {
  return status.state === 'error'
    ? `error ${status.code}${status.detail === undefined ? '' : ` (${status.detail})`}`
    : status.state;
}

/** A table of every configured device and its current status. */
export function listDevices(manager: DeviceManager): string {
  const header = ['ID', 'KIND', 'TRANSPORT', 'MODEL', 'VID:PID', 'REQUIRED', 'STATUS'];
  const rows = manager.configs().map((config) => {
    const status = manager.status(config.id);
    return [
      config.id,
      config.kind,
      config.transport,
      config.model ?? '-',
      `${hex4(config.vendorId)}:${hex4(config.productId)}`,
      config.required ? 'yes' : 'no',
      status === undefined ? 'unknown' : describeStatus(status.status),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function describeScan(event: ScanEvent): string {
  if (!event.ok)
    return `scan error: ${event.error.code}${event.error.detail ? ` (${event.error.detail})` : ''}`;
  const { symbology, text, bytes } = event.value;
  return `${symbology} ${JSON.stringify(text)} (${bytes.length} bytes)`;
}

/**
 * Prints every code the scanner reads (and its status changes) to `out` until `stop()` is called.
 * Uses the first configured scanner when `deviceId` is not given.
 */
export function watchScanner(
  manager: DeviceManager,
  out: (line: string) => void,
  deviceId?: string,
): Result<{ deviceId: string; stop: () => void }, string> {
  const id = deviceId ?? manager.configs().find((config) => config.kind === 'barcode-scanner')?.id;
  const scanner = id === undefined ? undefined : manager.get(id, 'barcode-scanner');
  if (id === undefined || scanner === undefined) {
    return err(deviceId ? `${deviceId} is not a running barcode scanner` : 'no barcode scanner configured');
  }
  out(`watching ${id} (${describeStatus(scanner.status())}); scan a code`);
  const stopScans = scanner.onScan((event) => out(describeScan(event)));
  const stopStatus = scanner.onStatus((status) => out(`${id} is ${describeStatus(status)}`));
  return ok({
    deviceId: id,
    stop: () => {
      stopScans();
      stopStatus();
    },
  });
}

function describeDoorFailure(failure: DoorFailure): string {
  switch (failure.code) {
    case 'unknown-door':
      return `no door ${failure.door} in the configuration`;
    case 'disconnected':
      return 'the locker board is disconnected';
    case 'relay-not-confirmed':
      return `relay ${failure.channel} did not switch on (read-back)`;
    case 'relay-stuck-on':
      return `relay ${failure.channel} is stuck on after the pulse: check the board`;
    case 'timeout':
      return 'timed out';
    case 'io':
      return `I/O error: ${failure.detail}`;
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/** Opens one locker door (pulse + read-back) and, if `waitCloseMs` is given, waits for it to be shut. */
export async function openLockerDoor(
  manager: DeviceManager,
  deviceId: string,
  door: string,
  waitCloseMs?: number,
): Promise<string> {
  const locker = manager.get(deviceId, 'locker-controller');
  if (locker === undefined) return `${deviceId} is not a running locker controller`;
  const opened = await locker.openDoor(door);
  if (!opened.ok) return `door ${door}: not opened — ${describeDoorFailure(opened.error)}`;
  if (waitCloseMs === undefined) return `door ${door}: opened`;
  const closed = await locker.waitClosed(door, waitCloseMs);
  return closed.ok
    ? `door ${door}: opened, then closed`
    : `door ${door}: opened, not closed — ${describeDoorFailure(closed.error)}`;
}
