import type { Closable, DeviceConnection } from './device_connection.js';

/**
 * The status of an input-only device (a barcode scanner, a tactile keypad) follows its connection alone: ready
 * while connected, disconnected when it is absent or stopped answering, an error when it is there but cannot be
 * opened (permissions: see the udev rules). One mapping for every such driver.
 */
export type InputDeviceState =
  | { state: 'ready' }
  | { state: 'disconnected' }
  | { state: 'error'; code: 'open-failed'; detail?: string };

export function inputDeviceState<T extends Closable>(connection: DeviceConnection<T>): InputDeviceState {
  if (connection.state === 'connected') return { state: 'ready' };
  const failure = connection.failure;
  switch (failure.code) {
    case 'disconnected':
    case 'timeout':
    case 'stall':
      return { state: 'disconnected' };
    case 'io':
      return { state: 'error', code: 'open-failed', detail: failure.detail };
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}
