import { err, ok, type Result } from '../../lib/result.js';
import type { DriverContext, DriverFactoryResult } from '../manager/driver_registry.js';
import { managedConnectionDevice } from '../manager/managed_connection_device.js';
import { KeypadOptionsSchema } from './keypad_config.js';
import { defaultKeypadDriverOptions, KeypadDriver, type TactileKeypad } from './keypad_driver.js';
import {
  bootKeyboardLayout,
  compositeLayout,
  KeypadReportDecoder,
  type KeypadReportLayout,
} from './keypad_report.js';
import { KeypadSimulator } from './simulator/keypad_simulator.js';
import { keypadControls } from './simulator/keypad_simulator_controls.js';

declare module '../manager/driver_registry.js' {
  interface DriverByKind {
    'tactile-keypad': TactileKeypad;
  }
}

/**
 * Tactile keypads: `model` 'composite' (default; keyboard report 0x01 and consumer-control report 0x02 for the
 * volume keys, as AudioNav-style keypads) or 'boot-keyboard' (one unnumbered keyboard report; volume on the
 * Keyboard page's Volume Up/Down). Both are keyboards to the operating system: hidapi can open them on Linux
 * (hidraw) only, and the kiosk image must keep the desktop from also taking their keys (README, udev rules).
 */
const GENERIC_DESKTOP_USAGE_PAGE = 0x01;

type FactoryError = { code: string; detail: string };

/** The report layout of the configured model, once the configuration is known to be one a keypad takes. */
function layoutOf(context: DriverContext): Result<KeypadReportLayout, FactoryError> {
  const options = KeypadOptionsSchema.safeParse(context.config.options);
  if (!options.success) return err({ code: 'bad-options', detail: options.error.message });
  const model = context.config.model ?? 'composite';
  if (model === 'composite') return ok(compositeLayout);
  if (model === 'boot-keyboard') return ok(bootKeyboardLayout);
  return err({ code: 'unknown-model', detail: `keypad model ${model}` });
}

export function simulatedKeypadFactory(context: DriverContext): DriverFactoryResult<'tactile-keypad'> {
  const parsed = layoutOf(context);
  if (!parsed.ok) return parsed;
  const layout = parsed.value;
  const simulator = new KeypadSimulator(layout, context.simulatorLatency);
  const controls = keypadControls(context.config.id, simulator);
  return ok(
    managedConnectionDevice(
      () => simulator.port.openTransport(),
      context,
      (connection) =>
        new KeypadDriver(connection, new KeypadReportDecoder(layout), defaultKeypadDriverOptions),
      () => controls,
    ),
  );
}

export function hidKeypadFactory(context: DriverContext): DriverFactoryResult<'tactile-keypad'> {
  const parsed = layoutOf(context);
  if (!parsed.ok) return parsed;
  const layout = parsed.value;
  const { vendorId, productId } = context.config;
  if (vendorId === undefined || productId === undefined) {
    return err({ code: 'bad-config', detail: 'a hid keypad needs vendorId and productId' });
  }
  const open = () =>
    context.hardware.openHid({
      vendorId,
      productId,
      usagePage: GENERIC_DESKTOP_USAGE_PAGE,
      numberedInputReports: layout.keyboardReportId !== 0,
    });
  return ok(
    managedConnectionDevice(
      open,
      context,
      (connection) =>
        new KeypadDriver(connection, new KeypadReportDecoder(layout), defaultKeypadDriverOptions),
    ),
  );
}
