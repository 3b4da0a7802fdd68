import type { DriverContext, DriverFactoryResult } from '../manager/driver_registry.js';
import { managedConnectionDevice } from '../manager/managed_connection_device.js';
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

function layoutOf(context: DriverContext): DriverFactoryResult<'tactile-keypad'> | KeypadReportLayout {
  const model = context.config.model ?? 'composite';
  if (model === 'composite') return compositeLayout;
  if (model === 'boot-keyboard') return bootKeyboardLayout;
  return { ok: false, error: { code: 'unknown-model', detail: `keypad model ${model}` } };
}

function hasNoOptions(context: DriverContext): DriverFactoryResult<'tactile-keypad'> | undefined {
  const keys = Object.keys(context.config.options);
  return keys.length === 0
    ? undefined
    : { ok: false, error: { code: 'bad-options', detail: `a keypad takes no options (${keys.join(', ')})` } };
}

export function simulatedKeypadFactory(context: DriverContext): DriverFactoryResult<'tactile-keypad'> {
  const layout = layoutOf(context);
  if ('ok' in layout) return layout;
  const refused = hasNoOptions(context);
  if (refused) return refused;
  const simulator = new KeypadSimulator(layout, context.simulatorLatency);
  const controls = keypadControls(context.config.id, simulator);
  return {
    ok: true,
    device: managedConnectionDevice(
      () => simulator.port.openTransport(),
      context,
      (connection) =>
        new KeypadDriver(connection, new KeypadReportDecoder(layout), defaultKeypadDriverOptions),
      () => controls,
    ),
  };
}

export function hidKeypadFactory(context: DriverContext): DriverFactoryResult<'tactile-keypad'> {
  const layout = layoutOf(context);
  if ('ok' in layout) return layout;
  const refused = hasNoOptions(context);
  if (refused) return refused;
  const { vendorId, productId } = context.config;
  if (vendorId === undefined || productId === undefined) {
    return { ok: false, error: { code: 'bad-config', detail: 'a hid keypad needs vendorId and productId' } };
  }
  const open = () =>
    context.hardware.openHid({
      vendorId,
      productId,
      usagePage: GENERIC_DESKTOP_USAGE_PAGE,
      numberedInputReports: layout.keyboardReportId !== 0,
    });
  return {
    ok: true,
    device: managedConnectionDevice(
      open,
      context,
      (connection) =>
        new KeypadDriver(connection, new KeypadReportDecoder(layout), defaultKeypadDriverOptions),
    ),
  };
}
