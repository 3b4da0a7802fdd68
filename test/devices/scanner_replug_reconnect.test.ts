import { afterEach, describe, expect, it } from 'vitest';
import { eventually, hidPosScannerRig } from './scanner_fixture.js';

/** Fault: the scanner is unplugged while idle and plugged back in; the driver must come back by itself. */
describe('scanner replugged', () => {
  let rig: ReturnType<typeof hidPosScannerRig>;
  afterEach(async () => rig.driver.stop());

  it('goes disconnected, retries with backoff while absent, and is ready again after replug', async () => {
    rig = hidPosScannerRig({ backoffMs: 5 });
    let opens = 0;
    const open = rig.simulator.port.openTransport.bind(rig.simulator.port);
    rig.simulator.port.openTransport = () => {
      opens += 1;
      return open();
    };
    expect(rig.driver.status()).toEqual({ state: 'disconnected' });
    rig.driver.start();
    await eventually(() => rig.driver.status().state === 'ready');
    const opensWhenReady = opens;

    rig.simulator.unplug();
    await eventually(() => rig.driver.status().state === 'disconnected');
    // While absent, the connection keeps trying (5, 10, 20, 40, 40 … ms).
    await eventually(() => opens >= opensWhenReady + 3);
    expect(rig.simulator.port.openHandles).toBe(0);

    rig.simulator.replug();
    await eventually(() => rig.driver.status().state === 'ready');
    expect(rig.states).toEqual(['ready', 'disconnected', 'ready']);
    // Exactly one live handle: the dead one was closed, not leaked.
    expect(rig.simulator.port.openHandles).toBe(1);

    rig.simulator.scan('AFTER-REPLUG', 'qr');
    await eventually(() => rig.events.length === 1);
    expect(rig.events[0]).toMatchObject({ ok: true, value: { text: 'AFTER-REPLUG' } });
  });

  it('survives many unplug/replug cycles without throwing or duplicating handles', async () => {
    rig = hidPosScannerRig({ backoffMs: 2 });
    rig.driver.start();
    for (let cycle = 0; cycle < 10; cycle++) {
      await eventually(() => rig.driver.status().state === 'ready');
      rig.simulator.unplug();
      await eventually(() => rig.driver.status().state === 'disconnected');
      rig.simulator.replug();
    }
    await eventually(() => rig.driver.status().state === 'ready');
    expect(rig.simulator.port.openHandles).toBe(1);
    rig.simulator.scan('CYCLE-DONE', 'code128');
    await eventually(() => rig.events.length === 1);
    expect(rig.events[0]).toMatchObject({ ok: true, value: { text: 'CYCLE-DONE' } });
  });
});
