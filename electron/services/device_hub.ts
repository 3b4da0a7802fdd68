import type { DeviceStatus } from '../../devices/device_status.js';
import type { KeypadPress } from '../../devices/keypad/index.js';
import type { PrinterRegistration } from '../journal/print_pipeline.js';
import type { SimulatedDevice, SimulatorAction, SimulatorActionResult } from '../rpc/dev_contract.js';

/**
 * What the kiosk services need of the device layer: live statuses pushed on change, the printers for the print
 * pipeline, and the dev dock's control of simulated devices. `ManagerDeviceHub` is the one implementation; tests
 * use it over simulated devices.
 */
export interface DeviceHub {
  statuses(): DeviceStatus[];
  onStatus(listener: (statuses: DeviceStatus[]) => void): () => void;
  /** The simulated devices and what the dock can do to them (empty on a kiosk with real devices only). */
  simulators(): SimulatedDevice[];
  simulate(action: SimulatorAction): Promise<SimulatorActionResult>;
  /** Every key pressed on any tactile keypad, with the keypad's id (audio guidance and focus follow them). */
  onKeypad(listener: (deviceId: string, press: KeypadPress) => void): () => void;
  /** The configured printers' drivers, for the print pipeline. */
  printers(): PrinterRegistration[];
  close(): Promise<void>;
}
