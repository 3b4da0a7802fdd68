import { describe, expect, it } from 'vitest';
import { SimulatedSerialPort } from './simulated_serial_transport.js';

function echoDevice() {
  const fromHost: Uint8Array[] = [];
  const port: SimulatedSerialPort = new SimulatedSerialPort({
    onHostBytes: (bytes) => {
      fromHost.push(bytes);
      port.sendToHost(Uint8Array.of(0x06));
    },
  });
  return { port, fromHost };
}

describe('simulated serial transport', () => {
  it('carries bytes both ways in order, drops unread bytes on discardInput, and times out a silent read', async () => {
    const { port, fromHost } = echoDevice();
    const opened = await port.openTransport();
    if (!opened.ok) throw new Error('open failed');
    const serial = opened.value;
    expect(await serial.write(Uint8Array.of(0xf2, 0x00), 10)).toEqual({ ok: true, value: undefined });
    expect(fromHost).toEqual([Uint8Array.of(0xf2, 0x00)]);
    port.sendToHost(Uint8Array.of(0x50, 0x51));
    expect(await serial.read(10)).toEqual({ ok: true, value: Uint8Array.of(0x06) });
    expect(await serial.read(10)).toEqual({ ok: true, value: Uint8Array.of(0x50, 0x51) });
    port.sendToHost(Uint8Array.of(0x15));
    serial.discardInput();
    expect(await serial.read(5)).toEqual({ ok: false, error: { code: 'timeout' } });
  });

  it('an unplugged adapter fails the pending read and every later call, and a replug needs a new handle', async () => {
    const { port } = echoDevice();
    const opened = await port.openTransport();
    if (!opened.ok) throw new Error('open failed');
    const pending = opened.value.read(10_000);
    port.unplug();
    expect(await pending).toEqual({ ok: false, error: { code: 'disconnected' } });
    expect(await port.openTransport()).toEqual({ ok: false, error: { code: 'disconnected' } });
    port.replug();
    expect(await opened.value.write(Uint8Array.of(1), 10)).toEqual({
      ok: false,
      error: { code: 'disconnected' },
    });
    const again = await port.openTransport();
    expect(again.ok && (await again.value.write(Uint8Array.of(1), 10))).toEqual({
      ok: true,
      value: undefined,
    });
    expect(port.openHandles).toBe(1);
  });
});
