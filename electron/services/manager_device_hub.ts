import type { DeviceConfig } from '../../devices/device_config.js';
import type { DeviceStatus } from '../../devices/device_status.js';
import type { CardDispenser } from '../../devices/dispenser/index.js';
import type { KeypadPress } from '../../devices/keypad/index.js';
import type { LockerController } from '../../devices/locker/index.js';
import {
  createDefaultRegistry,
  DeviceManager,
  type DeviceManagerOptions,
  type DriverByKind,
} from '../../devices/manager/index.js';
import type { SimulatorControls } from '../../devices/simulator/index.js';
import type { VendingController } from '../../devices/vending/index.js';
import type { PrinterRegistration } from '../journal/print_pipeline.js';
import type { SimulatedDevice, SimulatorAction, SimulatorActionResult } from '../rpc/dev_contract.js';
import type { DeviceHub, DriverRegistration } from './device_hub.js';

const fail = (error: string): SimulatorActionResult => ({ ok: false, error });

/**
 * The kiosk's devices through the device manager: real drivers over real or simulated transports. The dev dock's
 * actions go to each simulated device's typed controls (devices/<kind>/simulator/*_simulator_controls.ts), chosen
 * by its kind; an action a kind does not have is refused as a value, never thrown.
 */
export class ManagerDeviceHub implements DeviceHub {
  /** The manager itself, for the `balcao` field tool (which drives single devices). */
  readonly manager: DeviceManager;

  constructor(configs: DeviceConfig[], options: Partial<DeviceManagerOptions> = {}) {
    this.manager = new DeviceManager(configs, { registry: createDefaultRegistry(), ...options });
  }

  start(): Promise<void> {
    return this.manager.start();
  }

  statuses(): DeviceStatus[] {
    return this.manager.statuses();
  }

  onStatus(listener: (statuses: DeviceStatus[]) => void): () => void {
    return this.manager.onStatus(() => listener(this.manager.statuses()));
  }

  simulators(): SimulatedDevice[] {
    return this.manager.simulators.list().map((controls) => ({
      deviceId: controls.deviceId,
      kind: controls.kind,
      plugged: controls.plugged,
      doors:
        controls.kind === 'locker-controller'
          ? controls.doors().map((door) => ({ door, open: controls.isDoorOpen(door) ?? false }))
          : undefined,
      samples:
        controls.kind === 'document-reader' || controls.kind === 'id-card-reader'
          ? controls.samples()
          : undefined,
      dispenser: controls.kind === 'document-dispenser' ? controls.view() : undefined,
      keys: controls.kind === 'tactile-keypad' ? controls.keys() : undefined,
      vending:
        controls.kind === 'vending-unit'
          ? { slots: controls.slots(), missingDrops: controls.missingDrops() }
          : undefined,
    }));
  }

  async simulate(action: SimulatorAction): Promise<SimulatorActionResult> {
    const controls = this.manager.simulators.get(action.deviceId);
    if (!controls) return fail(`${action.deviceId} is not a simulated device`);
    switch (action.action) {
      case 'unplug':
        controls.unplug();
        return { ok: true };
      case 'replug':
        controls.replug();
        return { ok: true };
      case 'scan':
        if (controls.kind !== 'barcode-scanner') return fail(`${action.deviceId} is not a scanner`);
        return controls.scan(action.text, action.symbology);
      case 'paper':
        if (!isPrinter(controls)) return fail(`${action.deviceId} has no paper`);
        controls.setPaper(action.paper);
        return { ok: true };
      case 'cover':
        if (!isPrinter(controls)) return fail(`${action.deviceId} has no cover`);
        if (action.open) controls.openCover();
        else controls.closeCover();
        return { ok: true };
      case 'door': {
        if (controls.kind !== 'locker-controller') return fail(`${action.deviceId} has no doors`);
        if (!action.open) return controls.closeDoor(action.door);
        const opened = await controls.openDoor(action.door);
        return opened.ok ? { ok: true } : fail(`door ${action.door}: ${opened.error.code}`);
      }
      case 'door-jam':
        if (controls.kind !== 'locker-controller') return fail(`${action.deviceId} has no doors`);
        return controls.jamDoor(action.door, action.jam);
      case 'document':
        if (!isReader(controls)) return fail(`${action.deviceId} is not a document reader`);
        if (action.sample === null) {
          controls.takeDocument();
          return { ok: true };
        }
        return controls.placeSample(action.sample);
      case 'pull-mid-read':
        if (controls.kind !== 'document-reader') return fail(`${action.deviceId} reads no chip`);
        controls.faults.removeCardDuringNextTransfer();
        return { ok: true };
      case 'cards':
        if (controls.kind !== 'document-dispenser') return fail(`${action.deviceId} has no card stacker`);
        return controls.loadCards(action.count);
      case 'take-card':
        if (controls.kind !== 'document-dispenser') return fail(`${action.deviceId} has no card gate`);
        return controls.takeCard();
      case 'jam':
        if (controls.kind !== 'document-dispenser') return fail(`${action.deviceId} cannot jam`);
        controls.setJam(action.jam);
        return { ok: true };
      case 'key':
        if (controls.kind !== 'tactile-keypad') return fail(`${action.deviceId} is not a keypad`);
        return controls.press(action.key);
      case 'slot-stock':
        if (controls.kind !== 'vending-unit') return fail(`${action.deviceId} has no spirals`);
        return controls.setStock(action.slot, action.count);
      case 'slot-jam':
        if (controls.kind !== 'vending-unit') return fail(`${action.deviceId} has no spirals`);
        return controls.jamSlot(action.slot, action.jam);
      case 'miss-drop':
        if (controls.kind !== 'vending-unit') return fail(`${action.deviceId} has no drop sensor`);
        return controls.missNextDrop();
      default: {
        const unreachable: never = action;
        return unreachable;
      }
    }
  }

  onKeypad(listener: (deviceId: string, press: KeypadPress) => void): () => void {
    const offs = this.driversOf('tactile-keypad').map(({ id, driver }) =>
      driver.onKey((press) => listener(id, press)),
    );
    return () => {
      for (const off of offs) off();
    };
  }

  printers(): PrinterRegistration[] {
    return this.manager.configs().flatMap((config): PrinterRegistration[] => {
      if (config.kind === 'ticket-printer') {
        const printer = this.manager.get(config.id, 'ticket-printer');
        return printer ? [{ id: config.id, kind: 'ticket-printer', printer }] : [];
      }
      if (config.kind === 'document-printer') {
        const printer = this.manager.get(config.id, 'document-printer');
        return printer ? [{ id: config.id, kind: 'document-printer', printer }] : [];
      }
      return [];
    });
  }

  documentReaders(): DriverRegistration<DriverByKind['document-reader']>[] {
    return this.driversOf('document-reader');
  }

  idCardReaders(): DriverRegistration<DriverByKind['id-card-reader']>[] {
    return this.driversOf('id-card-reader');
  }

  scanners(): DriverRegistration<DriverByKind['barcode-scanner']>[] {
    return this.driversOf('barcode-scanner');
  }

  dispensers(): DriverRegistration<CardDispenser>[] {
    return this.driversOf('document-dispenser');
  }

  lockers(): DriverRegistration<LockerController>[] {
    return this.driversOf('locker-controller');
  }

  vendingUnits(): DriverRegistration<VendingController>[] {
    return this.driversOf('vending-unit');
  }

  configs(): DeviceConfig[] {
    return this.manager.configs();
  }

  ticketPrinters(): DriverRegistration<DriverByKind['ticket-printer']>[] {
    return this.driversOf('ticket-printer');
  }

  documentPrinters(): DriverRegistration<DriverByKind['document-printer']>[] {
    return this.driversOf('document-printer');
  }

  reconnect(deviceId: string): Promise<boolean> {
    return this.manager.reconnect(deviceId);
  }

  close(): Promise<void> {
    return this.manager.stop();
  }

  private driversOf<K extends keyof DriverByKind>(kind: K): DriverRegistration<DriverByKind[K]>[] {
    return this.manager.configs().flatMap((config) => {
      if (config.kind !== kind) return [];
      const driver = this.manager.get(config.id, kind);
      return driver === undefined ? [] : [{ id: config.id, driver }];
    });
  }
}

function isPrinter(
  controls: SimulatorControls,
): controls is Extract<SimulatorControls, { kind: 'ticket-printer' | 'document-printer' }> {
  return controls.kind === 'ticket-printer' || controls.kind === 'document-printer';
}

function isReader(
  controls: SimulatorControls,
): controls is Extract<SimulatorControls, { kind: 'document-reader' | 'id-card-reader' }> {
  return controls.kind === 'document-reader' || controls.kind === 'id-card-reader';
}
