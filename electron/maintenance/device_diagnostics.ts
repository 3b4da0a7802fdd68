/**
 * What the maintenance screen's Devices tool knows and does, each through the real device layer (the same drivers
 * residents' documents go through; the byte-level simulators in development and tests):
 *
 * - the inventory: every configured device's status, model, USB ids, identity (the printer's IEEE 1284 device ID,
 *   or the USB descriptors Linux publishes: manufacturer, product, serial, release), its last faults and, for
 *   printers, the counters;
 * - the tests: a test read of the staff test card, a test scan (the next code the scanner reads), a test ticket,
 *   an A4 test page; and the repairs: reconnect, open a locker door, reset the paper counter after a refill.
 *
 * Every outcome is a value (`ok` or a code); nothing here throws for anything a device does.
 */
import type { DeviceKind, DeviceStatus } from '../../devices/device_status.js';
import { describeUsbDevice, type UsbDescription } from '../../devices/manager/index.js';
import { buildTestPagePdf, type PrintFailure } from '../../devices/printer/index.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { PrinterCounters } from '../journal/print_job_rows.js';
import type { Clock } from '../services/clock.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { DeviceFault, DeviceHistory } from './device_history.js';
import { type DeviceSupplies, suppliesOf } from './device_supplies.js';
import {
  readTestCard,
  type TestCardReader,
  type TestCardReading,
  type TestReadFailure,
} from './test_card_read.js';

export interface DeviceIdentity {
  source: 'ieee1284' | 'usb';
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  firmware: string | null;
}

export type DeviceTest = 'test-read' | 'test-scan' | 'test-ticket' | 'test-page';

export interface DeviceInventoryEntry {
  deviceId: string;
  kind: DeviceKind;
  transport: 'simulated' | 'usb' | 'hid' | 'serial';
  model: string | null;
  /** `04b8:0202`, when configured. */
  usbIds: string | null;
  required: boolean;
  status: DeviceStatus['status'];
  identity: DeviceIdentity | null;
  lastFaults: DeviceFault[];
  counters: Omit<PrinterCounters, 'printerId'> | null;
  /** Paper, toner, cards: only what the device reports. */
  supplies: DeviceSupplies;
  /** What staff can run on this device. */
  tests: DeviceTest[];
  doors: string[];
}

export type TestScanResult = { symbology: string; text: string };

export type DeviceTestResult =
  | { test: 'test-read'; reading: TestCardReading }
  | { test: 'test-scan'; scan: TestScanResult }
  | { test: 'test-ticket' }
  | { test: 'test-page' };

export type DeviceTestFailure =
  | 'unknown-device'
  | 'not-offered'
  | 'timeout'
  | 'no-paper'
  | 'cover-open'
  | 'disconnected'
  | 'printer-error'
  | 'queue-stopped'
  | 'job-aborted'
  | 'spooler-unavailable'
  | 'scan-error'
  | TestReadFailure;

export interface PrinterCounterSource {
  counters(): PrinterCounters[];
  recordTestPrint(printerId: string, printed: { pages: number } | { tickets: number }): void;
}

export interface DeviceDiagnosticsOptions {
  devices: DeviceHub;
  history: DeviceHistory;
  printing: PrinterCounterSource;
  /** The trust store, the face decoder and the configured test card a test read uses. */
  testRead: TestCardReader;
  clock: Clock;
  /** Where Linux lists USB devices (a fake folder in tests). */
  sysfsRoot?: string;
}

/** How long a test scan waits for a code. */
export const testScanMs = 30_000;

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

export class DeviceDiagnostics {
  readonly #options: DeviceDiagnosticsOptions;
  /** Identities read once per device (a control transfer each time would disturb nothing, but needs no repeat). */
  readonly #identities = new Map<string, DeviceIdentity | null>();

  constructor(options: DeviceDiagnosticsOptions) {
    this.#options = options;
  }

  /** Every configured device; identities are read the first time (and again after a reconnect). */
  async inventory(): Promise<DeviceInventoryEntry[]> {
    const { devices, history, printing } = this.#options;
    const statuses = new Map(devices.statuses().map((s) => [s.id, s.status]));
    const counters = new Map(printing.counters().map(({ printerId, ...rest }) => [printerId, rest]));
    const lockers = new Map(devices.lockers().map((l) => [l.id, l.driver]));
    const a4Printers = new Map(devices.documentPrinters().map((p) => [p.id, p.driver]));
    const dispensers = new Map(devices.dispensers().map((d) => [d.id, d.driver]));
    return Promise.all(
      devices.configs().map(async (config) => ({
        deviceId: config.id,
        kind: config.kind,
        transport: config.transport,
        model: config.model ?? null,
        usbIds:
          config.vendorId === undefined || config.productId === undefined
            ? null
            : `${hex4(config.vendorId)}:${hex4(config.productId)}`,
        required: config.required,
        status: statuses.get(config.id) ?? { state: 'disconnected' as const },
        supplies: suppliesOf(config.kind, statuses.get(config.id) ?? { state: 'disconnected' }, {
          markers: a4Printers.get(config.id)?.markerLevels(),
          dispenser: dispensers.get(config.id)?.counts(),
        }),
        identity: await this.#identity(config.id),
        lastFaults: history.faults(config.id),
        counters: counters.get(config.id) ?? null,
        tests: testsFor(config.kind),
        doors: lockers.get(config.id)?.doors() ?? [],
      })),
    );
  }

  async reconnect(deviceId: string): Promise<boolean> {
    this.#identities.delete(deviceId);
    return this.#options.devices.reconnect(deviceId);
  }

  async run(deviceId: string, test: DeviceTest): Promise<Result<DeviceTestResult, DeviceTestFailure>> {
    const config = this.#options.devices.configs().find((c) => c.id === deviceId);
    if (!config) return err('unknown-device');
    if (!testsFor(config.kind).includes(test)) return err('not-offered');
    switch (test) {
      case 'test-ticket':
        return this.#testTicket(deviceId);
      case 'test-page':
        return this.#testPage(deviceId);
      case 'test-read':
        return this.#testRead(deviceId);
      case 'test-scan':
        return this.#testScan(deviceId);
      default: {
        const unreachable: never = test;
        return unreachable;
      }
    }
  }

  async openDoor(deviceId: string, door: string): Promise<Result<void, string>> {
    const locker = this.#options.devices.lockers().find((l) => l.id === deviceId);
    if (!locker) return err('unknown-device');
    const opened = await locker.driver.openDoor(door);
    return opened.ok ? ok() : err(opened.error.code);
  }

  async #testTicket(deviceId: string): Promise<Result<DeviceTestResult, DeviceTestFailure>> {
    const printer = this.#options.devices.ticketPrinters().find((p) => p.id === deviceId);
    if (!printer) return err('unknown-device');
    const outcome = await printer.driver.printTestTicket(new Date(this.#options.clock.now()));
    if (!outcome.ok) return err(printFailure(outcome.error.reason));
    this.#options.printing.recordTestPrint(deviceId, { tickets: 1 });
    return ok({ test: 'test-ticket' });
  }

  async #testPage(deviceId: string): Promise<Result<DeviceTestResult, DeviceTestFailure>> {
    const printer = this.#options.devices.documentPrinters().find((p) => p.id === deviceId);
    if (!printer) return err('unknown-device');
    const pdf = await buildTestPagePdf(new Date(this.#options.clock.now()));
    const outcome = await printer.driver.printPdf(pdf, 'balcao-test-page');
    if (!outcome.ok) return err(printFailure(outcome.error.reason));
    this.#options.printing.recordTestPrint(deviceId, { pages: 1 });
    return ok({ test: 'test-page' });
  }

  async #testRead(deviceId: string): Promise<Result<DeviceTestResult, DeviceTestFailure>> {
    const reader = this.#options.devices.documentReaders().find((r) => r.id === deviceId);
    if (!reader) return err('unknown-device');
    const read = await readTestCard(
      reader.driver,
      this.#options.testRead,
      new Date(this.#options.clock.now()),
    );
    return read.ok ? ok({ test: 'test-read', reading: read.value }) : read;
  }

  /** Waits for the next code the scanner reads (or `testScanMs`). */
  #testScan(deviceId: string): Promise<Result<DeviceTestResult, DeviceTestFailure>> {
    const scanner = this.#options.devices.scanners().find((s) => s.id === deviceId);
    if (!scanner) return Promise.resolve(err('unknown-device'));
    return new Promise((resolve) => {
      const done = (result: Result<DeviceTestResult, DeviceTestFailure>) => {
        stop();
        cancel();
        resolve(result);
      };
      const stop = scanner.driver.onScan((event) =>
        done(
          event.ok
            ? ok({
                test: 'test-scan',
                // Shown to staff only; long codes are cut for the screen.
                scan: { symbology: event.value.symbology, text: event.value.text.slice(0, 200) },
              })
            : err('scan-error'),
        ),
      );
      const cancel = this.#options.clock.setTimeout(() => done(err('timeout')), testScanMs);
    });
  }

  async #identity(deviceId: string): Promise<DeviceIdentity | null> {
    if (this.#identities.has(deviceId)) return this.#identities.get(deviceId) ?? null;
    const identity = await this.#readIdentity(deviceId);
    this.#identities.set(deviceId, identity);
    return identity;
  }

  async #readIdentity(deviceId: string): Promise<DeviceIdentity | null> {
    const { devices, sysfsRoot } = this.#options;
    const config = devices.configs().find((c) => c.id === deviceId);
    if (!config) return null;
    const printer =
      devices.ticketPrinters().find((p) => p.id === deviceId)?.driver ??
      devices.documentPrinters().find((p) => p.id === deviceId)?.driver;
    const usb =
      config.vendorId === undefined || config.productId === undefined
        ? undefined
        : describeUsbDevice(config.vendorId, config.productId, sysfsRoot);
    const id = printer ? await printer.readDeviceId() : undefined;
    if (id?.ok)
      return {
        source: 'ieee1284',
        manufacturer: id.value.manufacturer || null,
        model: id.value.model || null,
        serialNumber: id.value.serialNumber ?? usb?.serialNumber ?? null,
        firmware: usb?.release ?? null,
      };
    return usb ? fromUsb(usb) : null;
  }
}

function fromUsb(usb: UsbDescription): DeviceIdentity {
  return {
    source: 'usb',
    manufacturer: usb.manufacturer ?? null,
    model: usb.product ?? null,
    serialNumber: usb.serialNumber ?? null,
    firmware: usb.release ?? null,
  };
}

function testsFor(kind: DeviceKind): DeviceTest[] {
  switch (kind) {
    case 'barcode-scanner':
      return ['test-scan'];
    case 'ticket-printer':
      return ['test-ticket'];
    case 'document-printer':
      return ['test-page'];
    case 'document-reader':
      return ['test-read'];
    case 'id-card-reader':
    case 'locker-controller':
    case 'document-dispenser':
    case 'tactile-keypad':
    case 'vending-unit':
      return [];
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

function printFailure(reason: PrintFailure['reason']): DeviceTestFailure {
  switch (reason) {
    case 'no-paper':
    case 'cover-open':
    case 'disconnected':
    case 'timeout':
      return reason;
    case 'error':
      return 'printer-error';
    case 'queue-stopped':
    case 'job-aborted':
    case 'spooler-unavailable':
      return reason;
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}
