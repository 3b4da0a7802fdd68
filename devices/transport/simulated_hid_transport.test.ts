import { describe, expect, it } from 'vitest';
import { SimulatedHidPort } from './simulated_hid_transport.js';

function echoPort() {
  const written: Uint8Array[] = [];
  const port = new SimulatedHidPort({
    onOutputReport: (report) => {
      written.push(report);
      return { ok: true, value: undefined };
    },
    onSetFeature: (report) => {
      written.push(report);
      return { ok: true, value: undefined };
    },
    onGetFeature: (reportId, length) => ({ ok: true, value: new Uint8Array(length).fill(reportId) }),
  });
  return { port, written };
}

describe('simulated HID transport', () => {
  it('carries input reports, output reports and feature reports byte for byte', async () => {
    const { port, written } = echoPort();
    const opened = await port.openTransport();
    if (!opened.ok) throw new Error('open failed');
    const hid = opened.value;
    port.sendInputReport(Uint8Array.of(0x02, 0x01, 0x5d));
    expect(await hid.readReport(10)).toEqual({ ok: true, value: Uint8Array.of(0x02, 0x01, 0x5d) });
    expect(await hid.readReport(5)).toEqual({ ok: false, error: { code: 'timeout' } });
    expect(await hid.writeReport(Uint8Array.of(0, 1))).toEqual({ ok: true, value: undefined });
    expect(await hid.sendFeatureReport(Uint8Array.of(0, 0xff, 1))).toEqual({ ok: true, value: undefined });
    expect(written).toEqual([Uint8Array.of(0, 1), Uint8Array.of(0, 0xff, 1)]);
    expect(await hid.getFeatureReport(1, 3)).toEqual({ ok: true, value: Uint8Array.of(1, 1, 1) });
  });

  it('resolves a pending read and every later call with disconnected on unplug, even after replug', async () => {
    const { port } = echoPort();
    const opened = await port.openTransport();
    if (!opened.ok) throw new Error('open failed');
    const pending = opened.value.readReport(10_000);
    port.unplug();
    expect(await pending).toEqual({ ok: false, error: { code: 'disconnected' } });
    expect(await opened.value.writeReport(Uint8Array.of(0))).toEqual({
      ok: false,
      error: { code: 'disconnected' },
    });
    expect(await port.openTransport()).toEqual({ ok: false, error: { code: 'disconnected' } });
    port.replug();
    // The old handle died with the old connection; a new one works.
    expect(await opened.value.getFeatureReport(1, 1)).toEqual({ ok: false, error: { code: 'disconnected' } });
    const again = await port.openTransport();
    expect(again.ok).toBe(true);
  });

  it('applies the configured latency to every call', async () => {
    const { port } = echoPort();
    port.latency = { baseMs: 30, jitterMs: 0 };
    const opened = await port.openTransport();
    if (!opened.ok) throw new Error('open failed');
    const started = performance.now();
    await opened.value.getFeatureReport(1, 1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('fails calls in flight during the latency when the device is unplugged meanwhile', async () => {
    const { port } = echoPort();
    const opened = await port.openTransport();
    if (!opened.ok) throw new Error('open failed');
    port.latency = { baseMs: 20, jitterMs: 0 };
    const call = opened.value.sendFeatureReport(Uint8Array.of(0, 0xfc));
    port.unplug();
    expect(await call).toEqual({ ok: false, error: { code: 'disconnected' } });
  });
});
