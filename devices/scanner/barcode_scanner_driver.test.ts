import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceConnection } from '../transport/device_connection.js';
import { BarcodeScannerDriver } from './barcode_scanner_driver.js';
import { defaultHidPosDecoderOptions, HidPosDecoder } from './hid_pos_decoder.js';
import { defaultKeyboardWedgeDecoderOptions, KeyboardWedgeDecoder } from './keyboard_wedge_decoder.js';
import { type ScanEvent, symbologies } from './scan_event.js';
import { HidPosScannerSimulator } from './simulator/hid_pos_scanner_simulator.js';
import { KeyboardWedgeScannerSimulator } from './simulator/keyboard_wedge_scanner_simulator.js';

const printableAscii = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 300,
});

/** Collects events until `count` arrived and a little quiet time passed (to catch a second event). */
function collector(driver: BarcodeScannerDriver) {
  let events: ScanEvent[] = [];
  driver.onScan((event) => events.push(event));
  return {
    async take(count: number): Promise<ScanEvent[]> {
      const deadline = Date.now() + 2_000;
      while (events.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => setTimeout(r, 3));
      const taken = events;
      events = [];
      return taken;
    },
  };
}

async function ready(driver: BarcodeScannerDriver) {
  while (driver.status().state !== 'ready') await new Promise((r) => setTimeout(r, 1));
}

describe('HID POS scanner: simulator → transport → driver', () => {
  const simulator = new HidPosScannerSimulator();
  const driver = new BarcodeScannerDriver(
    new DeviceConnection(() => simulator.port.openTransport()),
    new HidPosDecoder(defaultHidPosDecoderOptions),
  );
  const events = collector(driver);
  beforeAll(async () => {
    driver.start();
    await ready(driver);
  });
  afterAll(() => driver.stop());

  it('turns any printable ASCII code of any symbology into exactly one identical event', async () => {
    await fc.assert(
      fc.asyncProperty(printableAscii, fc.constantFrom(...symbologies), async (text, symbology) => {
        simulator.scan(text, symbology);
        const got = await events.take(1);
        expect(got).toEqual([
          { ok: true, value: { symbology, text, bytes: new TextEncoder().encode(text) } },
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it('delivers a 3000-byte code (54 reports) as one event', async () => {
    const text = 'Q'.repeat(3000);
    simulator.scan(text, 'qr');
    const got = await events.take(1);
    expect(got).toEqual([
      { ok: true, value: { symbology: 'qr', text, bytes: new TextEncoder().encode(text) } },
    ]);
  });

  it('keeps back-to-back codes apart', async () => {
    simulator.scan('FIRST'.repeat(20), 'qr');
    simulator.scan('SECOND', 'code128');
    const got = await events.take(2);
    expect(got.map((e) => e.ok && e.value.text)).toEqual(['FIRST'.repeat(20), 'SECOND']);
  });
});

describe('keyboard-wedge scanner: simulator → transport → driver', () => {
  const simulator = new KeyboardWedgeScannerSimulator(undefined, { aimPrefix: true, keying: 'rollover' });
  const driver = new BarcodeScannerDriver(
    new DeviceConnection(() => simulator.port.openTransport()),
    new KeyboardWedgeDecoder(defaultKeyboardWedgeDecoderOptions),
  );
  const events = collector(driver);
  beforeAll(async () => {
    driver.start();
    await ready(driver);
  });
  afterAll(() => driver.stop());

  it('turns any printable ASCII code into exactly one identical event', async () => {
    await fc.assert(
      fc.asyncProperty(
        printableAscii,
        fc.constantFrom('qr' as const, 'code128' as const, 'pdf417' as const),
        async (text, symbology) => {
          expect(simulator.scan(text, symbology)).toEqual({ ok: true });
          const got = await events.take(1);
          expect(got).toEqual([
            { ok: true, value: { symbology, text, bytes: new TextEncoder().encode(text) } },
          ]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('delivers a 2000-character code (4000 reports at once) as one event', async () => {
    const text = 'W1'.repeat(1000);
    expect(simulator.scan(text, 'pdf417')).toEqual({ ok: true });
    const got = await events.take(1);
    expect(got).toEqual([
      { ok: true, value: { symbology: 'pdf417', text, bytes: new TextEncoder().encode(text) } },
    ]);
  });

  it('refuses to type what a US keyboard cannot', () => {
    expect(simulator.scan('澳門', 'qr')).toEqual({ ok: false, error: { code: 'not-typeable', char: '澳' } });
  });
});
