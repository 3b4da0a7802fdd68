import { err, ok } from '../../../lib/result.js';
import { simulatorControlsWithPlug } from '../../simulator/plug_controls.js';
import type { ControlResult, PlugControls } from '../../simulator/simulator_controls.js';
import type { Symbology } from '../scan_event.js';
import { HidPosScannerSimulator } from './hid_pos_scanner_simulator.js';
import type { KeyboardWedgeScannerSimulator } from './keyboard_wedge_scanner_simulator.js';

export interface ScannerSimulatorControls extends PlugControls {
  readonly kind: 'barcode-scanner';
  /** The scanner reads `text` as a `symbology` code and sends the reports a real one would. */
  scan(text: string, symbology: Symbology): ControlResult;
}

/** The dock's controls of a simulated scanner of either model. */
export function scannerControls(
  deviceId: string,
  simulator: HidPosScannerSimulator | KeyboardWedgeScannerSimulator,
): ScannerSimulatorControls {
  return simulatorControlsWithPlug<ScannerSimulatorControls>('barcode-scanner', deviceId, simulator, {
    scan: (text, symbology) => {
      if (!simulator.plugged) return err('unplugged');
      if (simulator instanceof HidPosScannerSimulator) {
        simulator.scan(text, symbology);
        return ok();
      }
      const typed = simulator.scan(text, symbology);
      return typed.ok ? ok() : err(`cannot type ${JSON.stringify(typed.error.char)}`);
    },
  });
}
