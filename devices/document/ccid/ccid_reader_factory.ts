/**
 * Device-manager factories for CCID document readers (kind 'document-reader'), simulated and USB. Register them:
 *   registry.registerDriverFactory('document-reader', 'simulated', simulatedCcidReaderFactory);
 *   registry.registerDriverFactory('document-reader', 'usb', usbCcidReaderFactory);
 * Options (zod-checked): see `ccid_reader_config.ts`. The driver object is a `ManagedCcidReader` (an ApduChannel).
 * The simulated reader starts empty; the dev dock places a sample through its controls (`ccid_simulator_controls.ts`).
 * It has the OCR window of a full-page reader unless `ocrWindow: false`; a USB CCID reader is a chip reader only
 * (no OCR protocol is implemented for a real one), so it refuses `ocrWindow: true`.
 */

import { err, ok } from '../../../lib/result.js';
import type { DriverContext, DriverFactoryResult } from '../../manager/driver_registry.js';
import { managedConnectionDevice } from '../../manager/managed_connection_device.js';
import { ccidReaderOptionsFromConfig } from './ccid_reader_config.js';
import { ManagedCcidReader } from './managed_ccid_reader.js';
import { CcidReaderSimulator } from './simulator/ccid_reader_simulator.js';
import { documentReaderControls } from './simulator/ccid_simulator_controls.js';

/** USB interface class of smart-card readers (CCID). */
export const CCID_INTERFACE_CLASS = 0x0b;

export function simulatedCcidReaderFactory(context: DriverContext): DriverFactoryResult<'document-reader'> {
  const options = ccidReaderOptionsFromConfig(context.config.options);
  if (!options.ok) return err({ code: 'bad-options', detail: options.error.issues.join('; ') });
  const { reader, ocrWindow } = options.value;
  const simulator = new CcidReaderSimulator({
    ...(reader.maxMessageLength === undefined ? {} : { maxMessageLength: reader.maxMessageLength }),
    extendedApdu: reader.extendedApdu ?? false,
    chipLatencyMs: context.simulatorLatency.baseMs,
    // A contactless reader: it answers GET DATA (UID) itself. eMRTDs use random UIDs; this one is fixed.
    uid: Uint8Array.of(0x08, 0x5a, 0x1c, 0x33),
  });
  const controls = documentReaderControls(context.config.id, simulator);
  return ok(
    managedConnectionDevice(
      async () => simulator.openTransport(),
      context,
      (connection) =>
        new ManagedCcidReader(connection, reader, {
          readOcrLines: ocrWindow === false ? undefined : () => simulator.readOcrLines(),
        }),
      () => controls,
    ),
  );
}

export function usbCcidReaderFactory(context: DriverContext): DriverFactoryResult<'document-reader'> {
  const options = ccidReaderOptionsFromConfig(context.config.options);
  if (!options.ok) return err({ code: 'bad-options', detail: options.error.issues.join('; ') });
  if (options.value.ocrWindow === true)
    return err({
      code: 'bad-options',
      detail: 'ocrWindow: a USB CCID reader offers no OCR this driver can read',
    });
  const { vendorId, productId } = context.config;
  if (vendorId === undefined || productId === undefined) {
    return err({ code: 'missing-usb-id', detail: 'a USB CCID reader needs vendorId and productId' });
  }
  const open = () => context.hardware.openUsb({ vendorId, productId, interfaceClass: CCID_INTERFACE_CLASS });
  return ok(
    managedConnectionDevice(
      open,
      context,
      (connection) => new ManagedCcidReader(connection, options.value.reader),
    ),
  );
}
