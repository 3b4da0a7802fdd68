import { err, ok } from '../../lib/result.js';
import type { DriverContext, DriverFactoryResult } from '../manager/driver_registry.js';
import { managedConnectionDevice } from '../manager/managed_connection_device.js';
import { LockerOptionsSchema } from './locker_config.js';
import { LockerDriver } from './locker_driver.js';
import { lockerControls } from './simulator/locker_simulator_controls.js';
import { RelayBoardSimulator } from './simulator/relay_board_simulator.js';
import { USB_RELAY_PRODUCT_ID, USB_RELAY_VENDOR_ID } from './usb_relay_protocol.js';

/** Locker controllers: a USBRelay HID board (16C0:05DF unless configured otherwise); options in locker_config.ts. */

export function simulatedLockerFactory(context: DriverContext): DriverFactoryResult<'locker-controller'> {
  const options = LockerOptionsSchema.safeParse(context.config.options);
  if (!options.success) return err({ code: 'bad-options', detail: options.error.message });
  const doors = options.data.doors;
  const wiring = new Map(Object.values(doors).map((door) => [door.relay, door.sensor] as const));
  const board = new RelayBoardSimulator(context.simulatorLatency, wiring);
  const controlsFor = (driver: LockerDriver) => lockerControls(context.config.id, board, doors, driver);
  return ok(
    managedConnectionDevice(
      () => board.port.openTransport(),
      context,
      (connection) => new LockerDriver(connection, options.data),
      controlsFor,
    ),
  );
}

export function hidLockerFactory(context: DriverContext): DriverFactoryResult<'locker-controller'> {
  const options = LockerOptionsSchema.safeParse(context.config.options);
  if (!options.success) return err({ code: 'bad-options', detail: options.error.message });
  const vendorId = context.config.vendorId ?? USB_RELAY_VENDOR_ID;
  const productId = context.config.productId ?? USB_RELAY_PRODUCT_ID;
  // The board has no numbered reports and no input reports; everything goes through feature reports.
  const open = () => context.hardware.openHid({ vendorId, productId, numberedInputReports: false });
  return ok(
    managedConnectionDevice(open, context, (connection) => new LockerDriver(connection, options.data)),
  );
}
