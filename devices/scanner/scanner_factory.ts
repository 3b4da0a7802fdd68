import { err, ok, type Result } from '../../lib/result.js';
import type { DriverContext, DriverFactoryResult } from '../manager/driver_registry.js';
import { managedConnectionDevice } from '../manager/managed_connection_device.js';
import { BarcodeScannerDriver, defaultScannerDriverOptions } from './barcode_scanner_driver.js';
import { defaultHidPosDecoderOptions, HidPosDecoder } from './hid_pos_decoder.js';
import { defaultKeyboardWedgeDecoderOptions, KeyboardWedgeDecoder } from './keyboard_wedge_decoder.js';
import type { ScanDecoder } from './scan_event.js';
import { type ScannerOptions, ScannerOptionsSchema } from './scanner_config.js';
import { HidPosScannerSimulator } from './simulator/hid_pos_scanner_simulator.js';
import { KeyboardWedgeScannerSimulator } from './simulator/keyboard_wedge_scanner_simulator.js';
import { scannerControls } from './simulator/scanner_simulator_controls.js';

/**
 * Barcode scanners: `model` 'hid-pos' (default; usage page 0x8C, report ID 2) or 'keyboard-wedge' (boot
 * keyboard; Linux hidraw only — hidapi cannot open keyboards on Windows/macOS, protocols.md §6.1).
 * Options: ScannerOptionsSchema in scanner_config.ts.
 */

const HID_POS_USAGE_PAGE = 0x8c;
const GENERIC_DESKTOP_USAGE_PAGE = 0x01;

type ScannerModel = 'hid-pos' | 'keyboard-wedge';

function parse(
  context: DriverContext,
): Result<{ model: ScannerModel; options: ScannerOptions }, { code: string; detail: string }> {
  const model = context.config.model ?? 'hid-pos';
  if (model !== 'hid-pos' && model !== 'keyboard-wedge') {
    return err({ code: 'unknown-model', detail: `scanner model ${model}` });
  }
  const options = ScannerOptionsSchema.safeParse(context.config.options);
  if (!options.success) return err({ code: 'bad-options', detail: options.error.message });
  return ok({ model, options: options.data });
}

function decoderFor(model: ScannerModel, options: ScannerOptions): ScanDecoder {
  return model === 'hid-pos'
    ? new HidPosDecoder({ ...defaultHidPosDecoderOptions, interReportGapMs: options.gapMs })
    : new KeyboardWedgeDecoder({
        ...defaultKeyboardWedgeDecoderOptions,
        interKeyGapMs: options.gapMs,
        aimPrefix: options.aimPrefix,
      });
}

export function simulatedScannerFactory(context: DriverContext): DriverFactoryResult<'barcode-scanner'> {
  const parsed = parse(context);
  if (!parsed.ok) return parsed;
  const id = context.config.id;
  const simulator =
    parsed.value.model === 'hid-pos'
      ? new HidPosScannerSimulator(context.simulatorLatency)
      : new KeyboardWedgeScannerSimulator(context.simulatorLatency, {
          aimPrefix: parsed.value.options.aimPrefix,
          keying: 'press-release',
        });
  const controls = scannerControls(id, simulator);
  const decoder = decoderFor(parsed.value.model, parsed.value.options);
  return ok(
    managedConnectionDevice(
      () => simulator.port.openTransport(),
      context,
      (connection) => new BarcodeScannerDriver(connection, decoder, defaultScannerDriverOptions),
      () => controls,
    ),
  );
}

export function hidScannerFactory(context: DriverContext): DriverFactoryResult<'barcode-scanner'> {
  const parsed = parse(context);
  if (!parsed.ok) return parsed;
  const { vendorId, productId } = context.config;
  if (vendorId === undefined || productId === undefined) {
    return err({ code: 'bad-config', detail: 'a hid scanner needs vendorId and productId' });
  }
  const hidPos = parsed.value.model === 'hid-pos';
  const open = () =>
    context.hardware.openHid({
      vendorId,
      productId,
      usagePage: hidPos ? HID_POS_USAGE_PAGE : GENERIC_DESKTOP_USAGE_PAGE,
      numberedInputReports: hidPos,
    });
  const decoder = decoderFor(parsed.value.model, parsed.value.options);
  return ok(
    managedConnectionDevice(
      open,
      context,
      (connection) => new BarcodeScannerDriver(connection, decoder, defaultScannerDriverOptions),
    ),
  );
}
