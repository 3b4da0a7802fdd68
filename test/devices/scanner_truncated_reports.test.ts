import { afterEach, describe, expect, it } from 'vitest';
import { eventually, hidPosScannerRig } from './scanner_fixture.js';

const hex = (s: string) =>
  Uint8Array.from(
    s
      .replace(/\s+/g, '')
      .match(/../g)!
      .map((b) => Number.parseInt(b, 16)),
  );

/** Fault: the scanner sends a code whose last report never comes, or reports cut short. */
describe('truncated scanner reports', () => {
  let rig: ReturnType<typeof hidPosScannerRig>;
  afterEach(async () => rig.driver.stop());

  it('times out a code whose continuation never arrives as one "truncated" error, then reads the next code', async () => {
    rig = hidPosScannerRig({ gapMs: 60 });
    rig.driver.start();
    await eventually(() => rig.driver.status().state === 'ready');

    // First report of a two-report code: 02 38 5D 51 31 … continuation bit set, then silence.
    const first = rig.simulator.reportsFor('C'.repeat(60), 'qr')[0]!;
    expect([...first.subarray(0, 5)]).toEqual([0x02, 0x38, 0x5d, 0x51, 0x31]);
    expect(first[63]).toBe(0x01);
    rig.simulator.sendReports([first]);
    await eventually(() => rig.events.length === 1);
    expect(rig.events[0]).toEqual({
      ok: false,
      error: { code: 'truncated', detail: 'continuation never came' },
    });

    rig.simulator.scan('4006381333931', 'ean13');
    await eventually(() => rig.events.length === 2);
    expect(rig.events[1]).toEqual({
      ok: true,
      value: { symbology: 'ean13', text: '4006381333931', bytes: new TextEncoder().encode('4006381333931') },
    });
  });

  it('reports a report cut short (32 of 64 bytes) as malformed, without gluing it to the next code', async () => {
    rig = hidPosScannerRig();
    rig.driver.start();
    await eventually(() => rig.driver.status().state === 'ready');

    const cut = hex('02 05 5D 43 30 48 45 4C 4C 4F').slice(0, 32);
    const padded = new Uint8Array(32);
    padded.set(cut);
    rig.simulator.sendReports([padded]);
    rig.simulator.scan('HELLO', 'code128');
    await eventually(() => rig.events.length === 2);
    expect(rig.events[0]).toEqual({
      ok: false,
      error: { code: 'malformed-report', detail: 'length 32, expected 64' },
    });
    expect(rig.events[1]).toMatchObject({ ok: true, value: { symbology: 'code128', text: 'HELLO' } });
  });

  it('never splits a long code in two even when a middle report is corrupted', async () => {
    rig = hidPosScannerRig();
    rig.driver.start();
    await eventually(() => rig.driver.status().state === 'ready');
    const reports = rig.simulator.reportsFor('D'.repeat(200), 'datamatrix'); // 4 reports
    const corrupted = reports[1]!.slice();
    corrupted[1] = 0xff; // length beyond the 56-byte data area
    rig.simulator.sendReports([reports[0]!, corrupted, reports[2]!, reports[3]!]);
    rig.simulator.scan('OK', 'datamatrix');
    await eventually(() => rig.events.length === 2);
    expect(rig.events[0]).toEqual({ ok: false, error: { code: 'garbled', detail: 'length-out-of-range' } });
    expect(rig.events[1]).toMatchObject({ ok: true, value: { text: 'OK' } });
  });
});
