/**
 * Device-manager factories for GA 467 identity card readers (kind 'id-card-reader'), simulated and USB bulk:
 *   registry.registerDriverFactory('id-card-reader', 'simulated', simulatedGa467ReaderFactory);
 *   registry.registerDriverFactory('id-card-reader', 'usb', usbGa467ReaderFactory);
 * Options (zod-checked): see `ga467_reader_config.ts`. The driver object is a `ManagedGa467Reader`.
 * The simulated reader starts empty; the dev dock lays a sample on it through its controls (`ga467_simulator_controls.ts`).
 * HID-class GA 467 readers are not covered (see `ga467_link.ts`).
 */

import { err, ok } from '../../../lib/result.js';
import type { DriverContext, DriverFactoryResult } from '../../manager/driver_registry.js';
import { managedConnectionDevice } from '../../manager/managed_connection_device.js';
import { ga467OptionsFromConfig } from './ga467_reader_config.js';
import { ManagedGa467Reader } from './managed_ga467_reader.js';
import { Ga467ReaderSimulator } from './simulator/ga467_reader_simulator.js';
import { idCardReaderControls } from './simulator/ga467_simulator_controls.js';

export function simulatedGa467ReaderFactory(context: DriverContext): DriverFactoryResult<'id-card-reader'> {
  const options = ga467OptionsFromConfig(context.config.options);
  if (!options.ok) return err({ code: 'bad-options', detail: options.error.issues.join('; ') });
  const simulator = new Ga467ReaderSimulator();
  const controls = idCardReaderControls(context.config.id, simulator);
  return ok(
    managedConnectionDevice(
      async () => simulator.openTransport(),
      context,
      (connection) => new ManagedGa467Reader(connection, options.value.reader, options.value.link),
      () => controls,
    ),
  );
}

export function usbGa467ReaderFactory(context: DriverContext): DriverFactoryResult<'id-card-reader'> {
  const options = ga467OptionsFromConfig(context.config.options);
  if (!options.ok) return err({ code: 'bad-options', detail: options.error.issues.join('; ') });
  const { vendorId, productId } = context.config;
  if (vendorId === undefined || productId === undefined) {
    return err({ code: 'missing-usb-id', detail: 'a USB GA 467 reader needs vendorId and productId' });
  }
  // GA 467 readers are vendor-class devices: claim interface 0 (no interface class to match on).
  const open = () => context.hardware.openUsb({ vendorId, productId });
  return ok(
    managedConnectionDevice(
      open,
      context,
      (connection) => new ManagedGa467Reader(connection, options.value.reader, options.value.link),
    ),
  );
}
