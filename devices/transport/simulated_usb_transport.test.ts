import { describe, expect, it } from 'vitest';
import { SimulatedUsbPort } from './simulated_usb_transport.js';

/** A tiny CCID-like device: answers GetSlotStatus `65 …` with SlotStatus `81 …` on bulk-IN (protocols.md §3.1). */
function slotStatusDevice() {
  const port: SimulatedUsbPort = new SimulatedUsbPort({
    onBulkOut: (data) => {
      if (data[0] === 0x65) port.sendBulkIn(Uint8Array.of(0x81, 0, 0, 0, 0, 0, data[6]!, 0x02, 0xfe, 0x00));
      return { ok: true, value: undefined };
    },
    onControlIn: (setup, length) =>
      setup.request === 0x00
        ? { ok: true, value: Uint8Array.of(0x18, 0x00, 0x07).subarray(0, length) }
        : { ok: false, error: { code: 'stall' } },
    onControlOut: () => ({ ok: true, value: undefined }),
  });
  return port;
}

describe('simulated USB transport', () => {
  it('answers bulk-OUT with bulk-IN, and control transfers through the device behaviour', async () => {
    const port = slotStatusDevice();
    const opened = await port.openTransport();
    if (!opened.ok) throw new Error('open failed');
    const usb = opened.value;
    const getSlotStatus = Uint8Array.of(0x65, 0, 0, 0, 0, 0, 0x01, 0, 0, 0);
    expect(await usb.bulkOut(getSlotStatus, 100)).toEqual({ ok: true, value: undefined });
    expect(await usb.bulkIn(64, 100)).toEqual({
      ok: true,
      value: Uint8Array.of(0x81, 0, 0, 0, 0, 0, 1, 0x02, 0xfe, 0),
    });
    const setup = { requestType: 0xa1, request: 0x00, value: 0, index: 0 };
    expect(await usb.controlIn(setup, 2, 100)).toEqual({ ok: true, value: Uint8Array.of(0x18, 0x00) });
    expect(await usb.controlIn({ ...setup, request: 0x07 }, 2, 100)).toEqual({
      ok: false,
      error: { code: 'stall' },
    });
    expect(await usb.interruptIn(8, 5)).toEqual({ ok: false, error: { code: 'timeout' } });
    port.sendInterruptIn(Uint8Array.of(0x50, 0x03));
    expect(await usb.interruptIn(8, 5)).toEqual({ ok: true, value: Uint8Array.of(0x50, 0x03) });
  });

  it('reports an IN transfer longer than asked for as an overflow', async () => {
    const port = slotStatusDevice();
    const opened = await port.openTransport();
    if (!opened.ok) throw new Error('open failed');
    port.sendBulkIn(new Uint8Array(100));
    expect(await opened.value.bulkIn(64, 10)).toMatchObject({ ok: false, error: { code: 'io' } });
  });

  it('fails pending and later transfers with disconnected on unplug', async () => {
    const port = slotStatusDevice();
    const opened = await port.openTransport();
    if (!opened.ok) throw new Error('open failed');
    const pendingBulk = opened.value.bulkIn(64, 10_000);
    const pendingInterrupt = opened.value.interruptIn(8, 10_000);
    port.unplug();
    expect(await pendingBulk).toEqual({ ok: false, error: { code: 'disconnected' } });
    expect(await pendingInterrupt).toEqual({ ok: false, error: { code: 'disconnected' } });
    expect(await opened.value.bulkOut(Uint8Array.of(0x65), 100)).toEqual({
      ok: false,
      error: { code: 'disconnected' },
    });
    port.replug();
    expect((await port.openTransport()).ok).toBe(true);
    expect(port.openHandles).toBe(1);
  });
});
