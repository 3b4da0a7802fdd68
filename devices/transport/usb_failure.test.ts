import { describe, expect, it } from 'vitest';
import { webUsbSetup } from './node_usb_transport.js';
import { transferFailureFrom } from './usb_failure.js';

describe('native USB/HID errors → TransferFailure', () => {
  it('maps libusb errno values of usb 2.x', () => {
    const libusb = (errno: number, message: string) => Object.assign(new Error(message), { errno });
    expect(transferFailureFrom(libusb(-4, 'LIBUSB_ERROR_NO_DEVICE'))).toEqual({ code: 'disconnected' });
    expect(transferFailureFrom(libusb(-7, 'LIBUSB_ERROR_TIMEOUT'))).toEqual({ code: 'timeout' });
    expect(transferFailureFrom(libusb(-9, 'LIBUSB_ERROR_PIPE'))).toEqual({ code: 'stall' });
  });

  it('maps the libusb names in messages, nusb messages of usb 3.x and hidapi messages', () => {
    expect(transferFailureFrom(new Error('LIBUSB_ERROR_NO_DEVICE'))).toEqual({ code: 'disconnected' });
    expect(transferFailureFrom(new Error('LIBUSB_ERROR_TIMEOUT'))).toEqual({ code: 'timeout' });
    expect(transferFailureFrom(new Error('LIBUSB_ERROR_PIPE'))).toEqual({ code: 'stall' });
    expect(transferFailureFrom(new Error('device disconnected'))).toEqual({ code: 'disconnected' });
    expect(transferFailureFrom(new Error('endpoint stalled'))).toEqual({ code: 'stall' });
    expect(transferFailureFrom(new Error('transfer was cancelled'))).toEqual({ code: 'timeout' });
    expect(transferFailureFrom(new TypeError('could not read data from device: No such device'))).toEqual({
      code: 'disconnected',
    });
    expect(transferFailureFrom(new Error('failed to open device: permission denied'))).toEqual({
      code: 'io',
      detail: 'failed to open device: permission denied',
    });
    expect(transferFailureFrom(42)).toEqual({ code: 'io', detail: '42' });
  });

  it("splits bmRequestType into WebUSB's request type and recipient", () => {
    expect(webUsbSetup({ requestType: 0xa1, request: 0x01, value: 0x0300, index: 0 })).toEqual({
      requestType: 'class',
      recipient: 'interface',
      request: 0x01,
      value: 0x0300,
      index: 0,
    });
    expect(webUsbSetup({ requestType: 0x80, request: 0x06, value: 0x0100, index: 0 })).toMatchObject({
      requestType: 'standard',
      recipient: 'device',
    });
    expect(webUsbSetup({ requestType: 0xe0, request: 0, value: 0, index: 0 })).toBeUndefined();
  });
});
