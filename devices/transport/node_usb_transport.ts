/// <reference types="w3c-web-usb" />
import { transferFailureFrom } from './usb_failure.js';
import type { ControlSetup, TransferResult, UsbTransport } from './usb_transport.js';

/** The device class of the `usb` package (it is not exported by name from the package's entry types). */
type UsbDevice = NonNullable<Awaited<ReturnType<typeof import('usb')['usb']['findDeviceByIds']>>>;

/**
 * `UsbTransport` over the `usb` package (v3: WebUSB-shaped API over nusb). Loaded with a dynamic `import()`
 * so that tests and simulated terminals never load the native module.
 */

export interface UsbDeviceSelector {
  vendorId: number;
  productId: number;
  /** Claim the first interface of this class (0x07 printer, 0x0B CCID); default: interface 0. */
  interfaceClass?: number;
}

interface ClaimedEndpoints {
  interfaceNumber: number;
  bulkIn?: number;
  bulkOut?: number;
  interruptIn?: number;
}

const requestTypes: readonly USBRequestType[] = ['standard', 'class', 'vendor'];
const recipients: readonly USBRecipient[] = ['device', 'interface', 'endpoint', 'other'];

/** Splits bmRequestType (bit 7 direction, bits 6..5 type, bits 4..0 recipient) into WebUSB's words. */
export function webUsbSetup(setup: ControlSetup): USBControlTransferParameters | undefined {
  const requestType = requestTypes[(setup.requestType >> 5) & 0x03];
  const recipient = recipients[setup.requestType & 0x1f];
  if (requestType === undefined || recipient === undefined) return undefined;
  return { requestType, recipient, request: setup.request, value: setup.value, index: setup.index };
}

function findEndpoints(device: UsbDevice, interfaceClass: number | undefined): ClaimedEndpoints | undefined {
  const iface = device.configuration.interfaces.find((candidate) =>
    interfaceClass === undefined ? true : candidate.alternate.interfaceClass === interfaceClass,
  );
  if (iface === undefined) return undefined;
  const claimed: ClaimedEndpoints = { interfaceNumber: iface.interfaceNumber };
  for (const endpoint of iface.alternate.endpoints) {
    if (endpoint.type === 'bulk' && endpoint.direction === 'in') claimed.bulkIn ??= endpoint.endpointNumber;
    if (endpoint.type === 'bulk' && endpoint.direction === 'out') claimed.bulkOut ??= endpoint.endpointNumber;
    if (endpoint.type === 'interrupt' && endpoint.direction === 'in') {
      claimed.interruptIn ??= endpoint.endpointNumber;
    }
  }
  return claimed;
}

/** Finds the device by VID/PID, opens it, claims the interface and finds its endpoints. */
export async function openUsbTransport(selector: UsbDeviceSelector): Promise<TransferResult<UsbTransport>> {
  try {
    const { usb } = await import('usb');
    const device = await usb.findDeviceByIds(selector.vendorId, selector.productId);
    if (device === undefined) return { ok: false, error: { code: 'disconnected' } };
    await device.open();
    const endpoints = findEndpoints(device, selector.interfaceClass);
    if (endpoints === undefined) {
      await device.close();
      return { ok: false, error: { code: 'io', detail: 'no matching interface' } };
    }
    // On Linux the kernel's usblp/usbhid may own the interface; detaching fails harmlessly when none does.
    if (process.platform === 'linux')
      await device.detachKernelDriver(endpoints.interfaceNumber).catch(() => {});
    await device.claimInterface(endpoints.interfaceNumber);
    return { ok: true, value: new NodeUsbTransport(device, endpoints) };
  } catch (error) {
    return { ok: false, error: transferFailureFrom(error) };
  }
}

const missingEndpoint = (which: string) =>
  ({ ok: false, error: { code: 'io', detail: `device has no ${which} endpoint` } }) as const;

class NodeUsbTransport implements UsbTransport {
  constructor(
    private readonly device: UsbDevice,
    private readonly endpoints: ClaimedEndpoints,
  ) {}

  async bulkOut(data: Uint8Array, timeoutMs: number): Promise<TransferResult<void>> {
    if (this.endpoints.bulkOut === undefined) return missingEndpoint('bulk OUT');
    try {
      const written = await this.device.nativeTransferOut(this.endpoints.bulkOut, timeoutMs, data);
      if (written < 0) return { ok: false, error: { code: 'stall' } };
      if (written !== data.length) {
        return { ok: false, error: { code: 'io', detail: `short write ${written}/${data.length}` } };
      }
      return { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, error: transferFailureFrom(error) };
    }
  }

  bulkIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    return this.transferIn(this.endpoints.bulkIn, 'bulk IN', maxLength, timeoutMs);
  }

  interruptIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    return this.transferIn(this.endpoints.interruptIn, 'interrupt IN', maxLength, timeoutMs);
  }

  private async transferIn(
    endpoint: number | undefined,
    which: string,
    maxLength: number,
    timeoutMs: number,
  ): Promise<TransferResult<Uint8Array>> {
    if (endpoint === undefined) return missingEndpoint(which);
    try {
      const data = await this.device.nativeTransferIn(endpoint, timeoutMs, maxLength);
      // node-usb 3 reports a STALL handshake as a null result rather than an exception.
      if (data === null) return { ok: false, error: { code: 'stall' } };
      return { ok: true, value: new Uint8Array(data) };
    } catch (error) {
      return { ok: false, error: transferFailureFrom(error) };
    }
  }

  async controlIn(
    setup: ControlSetup,
    length: number,
    timeoutMs: number,
  ): Promise<TransferResult<Uint8Array>> {
    const params = webUsbSetup(setup);
    if (params === undefined) return { ok: false, error: { code: 'io', detail: 'bad bmRequestType' } };
    try {
      const data = await this.device.nativeControlTransferIn(params, timeoutMs, length);
      if (data === null) return { ok: false, error: { code: 'stall' } };
      return { ok: true, value: new Uint8Array(data) };
    } catch (error) {
      return { ok: false, error: transferFailureFrom(error) };
    }
  }

  async controlOut(setup: ControlSetup, data: Uint8Array, timeoutMs: number): Promise<TransferResult<void>> {
    const params = webUsbSetup(setup);
    if (params === undefined) return { ok: false, error: { code: 'io', detail: 'bad bmRequestType' } };
    try {
      const written = await this.device.nativeControlTransferOut(params, timeoutMs, data);
      return written < 0 ? { ok: false, error: { code: 'stall' } } : { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, error: transferFailureFrom(error) };
    }
  }

  async close(): Promise<void> {
    // Closing a device that is already gone throws; there is nothing left to release then.
    await this.device.releaseInterface(this.endpoints.interfaceNumber).catch(() => {});
    await this.device.close().catch(() => {});
  }
}
