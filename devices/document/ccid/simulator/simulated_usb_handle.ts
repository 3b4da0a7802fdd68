/**
 * A host handle on a simulated USB device, as `HardwareAccess.openUsb` returns one: every call goes to the device
 * while the handle is alive; after an unplug (`alive()` false) or `close()` every call resolves `disconnected`,
 * exactly as a real handle dies with its device. Closing ends only this handle, never the simulated device.
 */
import type { TransferResult, UsbTransport } from '../../../transport/usb_transport.js';

export function simulatedUsbHandle(
  device: Omit<UsbTransport, 'close'>,
  deviceAlive: () => boolean,
  onClose: () => void,
): UsbTransport {
  let open = true;
  const alive = () => open && deviceAlive();
  const dead = <T>(): Promise<TransferResult<T>> =>
    Promise.resolve({ ok: false, error: { code: 'disconnected' } });
  return {
    bulkOut: (data, timeoutMs) => (alive() ? device.bulkOut(data, timeoutMs) : dead()),
    bulkIn: (maxLength, timeoutMs) => (alive() ? device.bulkIn(maxLength, timeoutMs) : dead()),
    interruptIn: (maxLength, timeoutMs) => (alive() ? device.interruptIn(maxLength, timeoutMs) : dead()),
    controlIn: (setup, length, timeoutMs) => (alive() ? device.controlIn(setup, length, timeoutMs) : dead()),
    controlOut: (setup, data, timeoutMs) => (alive() ? device.controlOut(setup, data, timeoutMs) : dead()),
    close: async () => {
      if (!alive()) return;
      open = false;
      onClose();
    },
  };
}
