import type { DeviceConfig } from '../../devices/device_config.js';
import type { DeviceStatus } from '../../devices/device_status.js';
import type { CcidSimulatorExtra } from '../../devices/document/ccid/ccid_reader_factory.js';
import type { Ga467SimulatorExtra } from '../../devices/document/ga467/ga467_reader_factory.js';
import {
  emrtdSampleCard,
  emrtdSamples,
  idCardSampleCard,
  idCardSamples,
  isEmrtdSample,
  isIdCardSample,
} from '../../devices/document/simulated_documents.js';
import { createDefaultRegistry } from '../../devices/manager/default_registry.js';
import { DeviceManager, type DeviceManagerOptions } from '../../devices/manager/device_manager.js';
import type { SimulatorControls } from '../../devices/simulator/simulator_controls.js';
import type { PrinterRegistration } from '../journal/print_pipeline.js';
import type { SimulatedDevice, SimulatorAction, SimulatorActionResult } from '../rpc/dev_dock_contract.js';
import type { DeviceHub } from './device_hub.js';

/** The sensor controls the printer simulators expose in `extra` (devices/printer/simulator). */
interface PaperAndCover {
  loadPaper?(lines?: number): void;
  runOutOfPaper?(): void;
  setPaperLow?(lines?: number): void;
  setSheets?(sheets: number): void;
  openCover(): void;
  closeCover(): void;
}

function extraOf<T>(controls: SimulatorControls): T | undefined {
  return 'extra' in controls ? (controls.extra as T | undefined) : undefined;
}

const fail = (error: string): SimulatorActionResult => ({ ok: false, error });

/** The kiosk's devices through the device manager: real drivers over real or simulated transports. */
export class ManagerDeviceHub implements DeviceHub {
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
        controls.kind === 'document-reader'
          ? Object.keys(emrtdSamples)
          : controls.kind === 'id-card-reader'
            ? Object.keys(idCardSamples)
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
        return this.manager.simulators.scan(action.deviceId, action.text, action.symbology);
      case 'paper': {
        const sensors = extraOf<PaperAndCover>(controls);
        if (!sensors) return fail(`${action.deviceId} has no paper`);
        if (action.paper === 'out') sensors.runOutOfPaper?.() ?? sensors.setSheets?.(0);
        if (action.paper === 'low') sensors.setPaperLow?.() ?? sensors.setSheets?.(5);
        if (action.paper === 'loaded') sensors.loadPaper?.() ?? sensors.setSheets?.(500);
        return { ok: true };
      }
      case 'cover': {
        const sensors = extraOf<PaperAndCover>(controls);
        if (!sensors) return fail(`${action.deviceId} has no cover`);
        if (action.open) sensors.openCover();
        else sensors.closeCover();
        return { ok: true };
      }
      case 'door': {
        if (controls.kind !== 'locker-controller') return fail(`${action.deviceId} has no doors`);
        if (!action.open) return controls.closeDoor(action.door);
        const opened = await controls.openDoor(action.door);
        return opened.ok ? { ok: true } : fail(`door ${action.door}: ${opened.error.code}`);
      }
      case 'document':
        return this.#placeDocument(controls, action.sample);
      default: {
        const unreachable: never = action;
        return unreachable;
      }
    }
  }

  /** A person places a sample document on a simulated reader, or takes it away (`null`). */
  async #placeDocument(controls: SimulatorControls, sample: string | null): Promise<SimulatorActionResult> {
    if (controls.kind === 'document-reader') {
      const reader = extraOf<CcidSimulatorExtra>(controls);
      if (!reader) return fail(`${controls.deviceId} has no card slot`);
      if (sample === null) reader.removeCard();
      else if (isEmrtdSample(sample)) reader.insertCard(await emrtdSampleCard(sample));
      else return fail(`unknown document sample ${sample}`);
      return { ok: true };
    }
    if (controls.kind === 'id-card-reader') {
      const reader = extraOf<Ga467SimulatorExtra>(controls);
      if (!reader) return fail(`${controls.deviceId} has no card slot`);
      if (sample === null) reader.takeCard();
      else if (isIdCardSample(sample)) reader.placeCard(idCardSampleCard(sample));
      else return fail(`unknown card sample ${sample}`);
      return { ok: true };
    }
    return fail(`${controls.deviceId} is not a document reader`);
  }

  printers(): PrinterRegistration[] {
    return this.manager.configs().flatMap((config): PrinterRegistration[] => {
      if (config.kind === 'ticket-printer') {
        const printer = this.manager.get(config.id, 'ticket-printer');
        return printer ? [{ id: config.id, kind: 'ticket', printer }] : [];
      }
      if (config.kind === 'document-printer') {
        const printer = this.manager.get(config.id, 'document-printer');
        return printer ? [{ id: config.id, kind: 'document', printer }] : [];
      }
      return [];
    });
  }

  close(): Promise<void> {
    return this.manager.stop();
  }
}
