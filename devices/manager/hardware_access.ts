/// <reference types="w3c-web-usb" />
import type { HidTransport } from '../transport/hid_transport.js';
import { type HidDeviceSelector, openHidTransport } from '../transport/node_hid_transport.js';
import { openSerialTransport, type SerialPortSelector } from '../transport/node_serial_transport.js';
import { openUsbTransport, type UsbDeviceSelector } from '../transport/node_usb_transport.js';
import type { SerialTransport } from '../transport/serial_transport.js';
import type { TransferResult, UsbTransport } from '../transport/usb_transport.js';

/**
 * Everything the manager needs from the machine's real USB/HID stack, behind one interface so tests can
 * replace the bus (attach/detach events) without native modules.
 */

export interface BusEvent {
  change: 'attach' | 'detach';
  vendorId: number;
  productId: number;
}

export interface HardwareAccess {
  openHid(selector: HidDeviceSelector): Promise<TransferResult<HidTransport>>;
  openUsb(selector: UsbDeviceSelector): Promise<TransferResult<UsbTransport>>;
  /** A serial port (a USB–serial adapter's tty) by path, or by the adapter's USB vendor/product id. */
  openSerial(selector: SerialPortSelector): Promise<TransferResult<SerialTransport>>;
  /** Follows USB hot-plug; resolves with an unsubscribe function. Never rejects (no bus = no events). */
  watchBus(listener: (event: BusEvent) => void): Promise<() => void>;
}

/** The kiosk's real hardware: node-hid, usb and serialport, each loaded only when first used. */
export const nativeHardware: HardwareAccess = {
  openHid: openHidTransport,
  openUsb: openUsbTransport,
  openSerial: openSerialTransport,
  async watchBus(listener) {
    try {
      const { usb } = await import('usb');
      // Probe the bus first: without one (a container, a machine with no USB sysfs) the package's hot-plug
      // watcher rejects a promise nobody can catch, which would take the process down.
      await usb.getDevices();
      const onConnect = (event: USBConnectionEvent) =>
        listener({ change: 'attach', vendorId: event.device.vendorId, productId: event.device.productId });
      const onDisconnect = (event: USBConnectionEvent) =>
        listener({ change: 'detach', vendorId: event.device.vendorId, productId: event.device.productId });
      usb.addEventListener('connect', onConnect);
      usb.addEventListener('disconnect', onDisconnect);
      return () => {
        usb.removeEventListener('connect', onConnect);
        usb.removeEventListener('disconnect', onDisconnect);
      };
    } catch {
      // Without the native module (unsupported platform) the drivers' backoff still reconnects.
      return () => {};
    }
  },
};
