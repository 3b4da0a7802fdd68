/**
 * How a printer driver gets its USB handle: the real `usb` transport on a kiosk (found by VID/PID and claimed by
 * the device manager), a simulator's `open()` in tests and development. Called again after a disconnect, which
 * is how drivers come back after a replug.
 */
import type { TransferResult, UsbTransport } from '../transport/usb_transport.js';

export type UsbTransportOpener = () => Promise<TransferResult<UsbTransport>>;
