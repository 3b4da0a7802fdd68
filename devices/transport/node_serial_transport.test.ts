import { EventEmitter } from 'node:events';
import type { SerialPort } from 'serialport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PtyAdapter, ptyAvailable } from '../../test/fixtures/serial/pty_adapter.js';
import { NodeSerialTransport, openSerialTransport, serialFailureFrom } from './node_serial_transport.js';
import type { SerialTransport } from './serial_transport.js';

/**
 * The real `serialport` module (native bindings) on a pseudo-terminal standing in for a USB–serial adapter: bytes
 * both ways, timeouts, and the adapter pulled out, as values.
 */
describe.skipIf(!ptyAvailable)('serial transport over the serialport package', () => {
  let adapter: PtyAdapter | undefined;
  let transport: SerialTransport | undefined;
  afterEach(async () => {
    await transport?.close();
    await adapter?.pullOut();
    transport = undefined;
    adapter = undefined;
  });

  async function openAdapter(): Promise<{ adapter: PtyAdapter; transport: SerialTransport }> {
    adapter = await PtyAdapter.open();
    const opened = await openSerialTransport({ path: adapter.path, baudRate: 9600 });
    if (!opened.ok) throw new Error(`open failed: ${JSON.stringify(opened.error)}`);
    transport = opened.value;
    return { adapter, transport };
  }

  it('carries bytes both ways, byte for byte, and times out a read when the device is silent', async () => {
    const { adapter, transport } = await openAdapter();
    expect(
      await transport.write(Uint8Array.of(0xf2, 0x00, 0x00, 0x03, 0x43, 0x31, 0x30, 0x03, 0xb0), 1_000),
    ).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await adapter.fromHost(9)).toEqual(
      Uint8Array.of(0xf2, 0x00, 0x00, 0x03, 0x43, 0x31, 0x30, 0x03, 0xb0),
    );
    adapter.sendToHost(Uint8Array.of(0x06));
    expect(await transport.read(2_000)).toEqual({ ok: true, value: Uint8Array.of(0x06) });
    expect(await transport.read(30)).toEqual({ ok: false, error: { code: 'timeout' } });
  });

  it('drops unread bytes on discardInput (a late answer to an abandoned command)', async () => {
    const { adapter, transport } = await openAdapter();
    adapter.sendToHost(Uint8Array.of(0x15, 0x15));
    // The stale bytes must have reached the transport's inbox before it discards them (no fixed sleep: on a
    // loaded machine the pseudo-terminal may take longer than any fixed wait).
    const inbox = (transport as unknown as { inbox: { length: number } }).inbox;
    await vi.waitFor(() => expect(inbox.length).toBeGreaterThan(0), { timeout: 5_000, interval: 10 });
    transport.discardInput();
    adapter.sendToHost(Uint8Array.of(0x06));
    expect(await transport.read(2_000)).toEqual({ ok: true, value: Uint8Array.of(0x06) });
  });

  it('the adapter pulled out: a pending read and every later call resolve "disconnected"', async () => {
    const { adapter, transport } = await openAdapter();
    const pending = transport.read(5_000);
    await adapter.pullOut();
    expect(await pending).toEqual({ ok: false, error: { code: 'disconnected' } });
    expect(await transport.write(Uint8Array.of(0x05), 500)).toEqual({
      ok: false,
      error: { code: 'disconnected' },
    });
    expect(await transport.read(10)).toEqual({ ok: false, error: { code: 'disconnected' } });
  });
});

describe('opening a serial port that is not there', () => {
  it('is "disconnected" for a missing tty, never an exception', async () => {
    expect(await openSerialTransport({ path: '/dev/ttyUSB-balcao-absent', baudRate: 9600 })).toEqual({
      ok: false,
      error: { code: 'disconnected' },
    });
  });

  it('finding an adapter by USB id resolves to a value whether or not udevadm exists', async () => {
    const opened = await openSerialTransport({ vendorId: 0x0403, productId: 0x6001, baudRate: 9600 });
    expect(opened.ok).toBe(false);
    expect(['disconnected', 'io']).toContain(opened.ok ? 'opened' : opened.error.code);
  });

  it('reads serialport errors: unplug, absent, busy', () => {
    const unplugged = Object.assign(new Error('bad file descriptor'), { disconnected: true });
    expect(serialFailureFrom(unplugged)).toEqual({ code: 'disconnected' });
    expect(
      serialFailureFrom(new Error('Error: No such file or directory, cannot open /dev/ttyUSB0')),
    ).toEqual({
      code: 'disconnected',
    });
    expect(serialFailureFrom(new Error('Error Resource temporarily unavailable Cannot lock port'))).toEqual({
      code: 'io',
      detail: 'Error Resource temporarily unavailable Cannot lock port',
    });
  });
});

describe('a write the tty never drains', () => {
  /** The part of a `SerialPort` the transport uses, with a drain that never calls back (a tty whose device froze). */
  class StuckPort extends EventEmitter {
    isOpen = true;
    write(_data: Buffer, callback: (error?: Error | null) => void): boolean {
      callback(null);
      return false;
    }
    drain(_callback: (error?: Error | null) => void): void {}
    close(callback: () => void): void {
      this.isOpen = false;
      callback();
    }
  }
  const over = (port: StuckPort) => new NodeSerialTransport(port as unknown as SerialPort);

  it('ends "disconnected" when the adapter is pulled out while it waits, not at its deadline as a timeout', async () => {
    const port = new StuckPort();
    const writing = over(port).write(Uint8Array.of(0x05), 60_000);
    port.emit('close', Object.assign(new Error('Port is disconnected'), { disconnected: true }));
    expect(await writing).toEqual({ ok: false, error: { code: 'disconnected' } });
  });

  it('is a timeout when the port stays open', async () => {
    expect(await over(new StuckPort()).write(Uint8Array.of(0x05), 20)).toEqual({
      ok: false,
      error: { code: 'timeout' },
    });
  });
});
