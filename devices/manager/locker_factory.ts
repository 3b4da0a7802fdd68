import { LockerOptionsSchema } from '../locker/locker_config.js';
import { LockerDriver } from '../locker/locker_driver.js';
import { RelayBoardSimulator } from '../locker/relay_board_simulator.js';
import { USB_RELAY_PRODUCT_ID, USB_RELAY_VENDOR_ID } from '../locker/usb_relay_protocol.js';
import { simulatorControlsWithPlug } from '../simulator/plug_controls.js';
import type { LockerSimulatorControls } from '../simulator/simulator_controls.js';
import type { DriverContext, DriverFactoryResult } from './driver_registry.js';
import { managedConnectionDevice } from './managed_connection_device.js';

/** Locker controllers: a USBRelay HID board (16C0:05DF unless configured otherwise); options in locker_config.ts. */

export function simulatedLockerFactory(context: DriverContext): DriverFactoryResult<'locker-controller'> {
  const options = LockerOptionsSchema.safeParse(context.config.options);
  if (!options.success) return { ok: false, error: { code: 'bad-options', detail: options.error.message } };
  const doors = options.data.doors;
  const wiring = new Map(Object.values(doors).map((door) => [door.relay, door.sensor] as const));
  const board = new RelayBoardSimulator(context.simulatorLatency, wiring);
  const controlsFor = (driver: LockerDriver) =>
    simulatorControlsWithPlug<LockerSimulatorControls>('locker-controller', context.config.id, board, {
      doors: () => Object.keys(doors),
      isDoorOpen: (door) => {
        const wiring = doors[door];
        return wiring === undefined ? undefined : board.isDoorOpen(wiring.sensor);
      },
      openDoor: (door) => driver.openDoor(door),
      closeDoor: (door) => {
        const wiring = doors[door];
        if (wiring === undefined) return { ok: false, error: `unknown door ${door}` };
        board.closeDoor(wiring.sensor);
        return { ok: true };
      },
    });
  return {
    ok: true,
    device: managedConnectionDevice(
      () => board.port.openTransport(),
      context,
      (connection) => new LockerDriver(connection, options.data),
      controlsFor,
    ),
  };
}

export function hidLockerFactory(context: DriverContext): DriverFactoryResult<'locker-controller'> {
  const options = LockerOptionsSchema.safeParse(context.config.options);
  if (!options.success) return { ok: false, error: { code: 'bad-options', detail: options.error.message } };
  const vendorId = context.config.vendorId ?? USB_RELAY_VENDOR_ID;
  const productId = context.config.productId ?? USB_RELAY_PRODUCT_ID;
  // The board has no numbered reports and no input reports; everything goes through feature reports.
  const open = () => context.hardware.openHid({ vendorId, productId, numberedInputReports: false });
  return {
    ok: true,
    device: managedConnectionDevice(
      open,
      context,
      (connection) => new LockerDriver(connection, options.data),
    ),
  };
}
