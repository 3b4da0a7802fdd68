import { describe, expect, it } from 'vitest';
import { ok } from '../../lib/result.js';
import { HidPosScannerSimulator } from '../scanner/simulator/hid_pos_scanner_simulator.js';
import type { ScannerSimulatorControls } from '../scanner/simulator/scanner_simulator_controls.js';
import { simulatorControlsWithPlug } from './plug_controls.js';

describe('simulatorControlsWithPlug', () => {
  it('keeps `plugged` live, and unplug/replug reach the simulator', () => {
    const scanner = new HidPosScannerSimulator();
    const scan = () => ok();
    const controls = simulatorControlsWithPlug<ScannerSimulatorControls>(
      'barcode-scanner',
      'scanner-1',
      scanner,
      {
        scan,
      },
    );
    expect(controls.kind).toBe('barcode-scanner');
    expect(controls.deviceId).toBe('scanner-1');
    expect(controls.scan).toBe(scan);
    expect(controls.plugged).toBe(true);
    controls.unplug();
    expect(controls.plugged).toBe(false);
    expect(scanner.port.plug.plugged).toBe(false);
    controls.replug();
    expect(controls.plugged).toBe(true);
  });
});
