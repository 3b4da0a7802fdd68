import { afterEach, describe, expect, it } from 'vitest';
import { eventually, hidPosScannerRig } from './scanner_fixture.js';

/** Fault: the scanner's cable is pulled while the reports of one code are still arriving. */
describe('scanner unplugged in the middle of a scan', () => {
  let rig: ReturnType<typeof hidPosScannerRig>;
  afterEach(async () => rig.driver.stop());

  it('gives one "interrupted" error, no partial code, and status disconnected', async () => {
    rig = hidPosScannerRig();
    rig.driver.start();
    await eventually(() => rig.driver.status().state === 'ready');

    const reports = rig.simulator.reportsFor('A'.repeat(150), 'pdf417'); // 3 reports
    expect(reports).toHaveLength(3);
    rig.simulator.sendReports(reports.slice(0, 2));
    await eventually(() => rig.simulator.port.openHandles === 1);
    // Let the driver take in both reports before the cable goes.
    await new Promise((resolve) => setTimeout(resolve, 10));
    rig.simulator.unplug();

    await eventually(() => rig.driver.status().state === 'disconnected');
    await eventually(() => rig.events.length > 0);
    expect(rig.events).toEqual([{ ok: false, error: { code: 'interrupted' } }]);

    // The last report, sent by a dead device, goes nowhere; nothing more is emitted.
    rig.simulator.sendReports(reports.slice(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rig.events).toHaveLength(1);
  });

  it('decodes the next full code normally after the scanner comes back', async () => {
    rig = hidPosScannerRig();
    rig.driver.start();
    await eventually(() => rig.driver.status().state === 'ready');
    rig.simulator.sendReports(rig.simulator.reportsFor('B'.repeat(100), 'qr').slice(0, 1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    rig.simulator.unplug();
    await eventually(() => rig.driver.status().state === 'disconnected');
    rig.simulator.replug();
    await eventually(() => rig.driver.status().state === 'ready');
    rig.simulator.scan('APPT-2026-0042', 'qr');
    await eventually(() => rig.events.length === 2);
    expect(rig.events[0]).toEqual({ ok: false, error: { code: 'interrupted' } });
    expect(rig.events[1]).toMatchObject({ ok: true, value: { symbology: 'qr', text: 'APPT-2026-0042' } });
  });
});
