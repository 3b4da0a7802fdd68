import { err, ok } from '../../lib/result.js';
import { USB_RELAY_PRODUCT_ID, USB_RELAY_VENDOR_ID } from '../locker/usb_relay_protocol.js';
import type { DriverContext, DriverFactoryResult } from '../manager/driver_registry.js';
import { managedConnectionDevice } from '../manager/managed_connection_device.js';
import { vendingControls } from './simulator/vending_simulator_controls.js';
import { VendingUnitSimulator } from './simulator/vending_unit_simulator.js';
import { VendingOptionsSchema } from './vending_config.js';
import { type VendingController, VendingDriver } from './vending_driver.js';

declare module '../manager/driver_registry.js' {
  interface DriverByKind {
    'vending-unit': VendingController;
  }
}

/**
 * Publications vending units: a USBRelay HID board driving the spiral matrix, with the chute's drop sensor on its
 * input (16C0:05DF unless configured otherwise, like the locker's board); options in vending_config.ts.
 *
 * The simulated unit starts empty, as a machine does before staff load it: the Dev dock (or, in development and
 * tests, the kiosk at start from the backend's planogram: electron/flows/publications/simulated_vending_load.ts)
 * puts the items in.
 */
export function simulatedVendingFactory(context: DriverContext): DriverFactoryResult<'vending-unit'> {
  const options = VendingOptionsSchema.safeParse(context.config.options);
  if (!options.success) return err({ code: 'bad-options', detail: options.error.message });
  const unit = new VendingUnitSimulator(options.data, context.simulatorLatency);
  return ok(
    managedConnectionDevice(
      () => unit.port.openTransport(),
      context,
      (connection) => new VendingDriver(connection, options.data),
      () => vendingControls(context.config.id, unit),
    ),
  );
}

export function hidVendingFactory(context: DriverContext): DriverFactoryResult<'vending-unit'> {
  const options = VendingOptionsSchema.safeParse(context.config.options);
  if (!options.success) return err({ code: 'bad-options', detail: options.error.message });
  const vendorId = context.config.vendorId ?? USB_RELAY_VENDOR_ID;
  const productId = context.config.productId ?? USB_RELAY_PRODUCT_ID;
  // The board has no numbered reports and no input reports; everything goes through feature reports.
  const open = () => context.hardware.openHid({ vendorId, productId, numberedInputReports: false });
  return ok(
    managedConnectionDevice(open, context, (connection) => new VendingDriver(connection, options.data)),
  );
}
