import { afterEach, describe, expect, it } from 'vitest';
import { DeviceConnection } from '../transport/device_connection.js';
import { KeypadDriver } from './keypad_driver.js';
import type { KeypadKey } from './keypad_keys.js';
import { compositeLayout, KeypadReportDecoder } from './keypad_report.js';
import { KeypadSimulator } from './simulator/keypad_simulator.js';
import { keypadControls } from './simulator/keypad_simulator_controls.js';

const fastBackoff = { initialMs: 5, maxMs: 20, factor: 2 };

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function rig() {
  const simulator = new KeypadSimulator(compositeLayout);
  const driver = new KeypadDriver(
    new DeviceConnection(() => simulator.port.openTransport(), fastBackoff),
    new KeypadReportDecoder(compositeLayout),
    { readTimeoutMs: 20 },
  );
  const keys: KeypadKey[] = [];
  const states: string[] = [];
  driver.onKey(({ key }) => keys.push(key));
  driver.onStatus((s) => states.push(s.state));
  return { simulator, driver, keys, states, controls: keypadControls('keypad', simulator) };
}

describe('tactile keypad: simulator → transport → driver', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('delivers every key a resident presses, in order, once each', async () => {
    const r = rig();
    stop = () => r.driver.stop();
    r.driver.start();
    await until(() => r.driver.status().state === 'ready', 'ready');
    const typed: KeypadKey[] = ['down', 'down', 'enter', 'volume-up', 'help', '5', 'back'];
    for (const key of typed) expect(r.controls.press(key)).toEqual({ ok: true });
    await until(() => r.keys.length === typed.length, 'all keys');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(r.keys).toEqual(typed);
  });

  it('counts a garbled report and keeps reading the keys after it', async () => {
    const r = rig();
    stop = () => r.driver.stop();
    r.driver.start();
    await until(() => r.driver.status().state === 'ready', 'ready');
    r.simulator.sendReports([new Uint8Array([0x01, 0x00])]);
    r.controls.press('enter');
    await until(() => r.keys.length === 1, 'enter');
    expect(r.keys).toEqual(['enter']);
    expect(r.driver.rejectedReports).toBe(1);
    expect(r.driver.lastReportError).toMatchObject({ code: 'malformed-report' });
  });

  it('goes disconnected when unplugged, refuses presses meanwhile, and reads again after a replug', async () => {
    const r = rig();
    stop = () => r.driver.stop();
    r.driver.start();
    await until(() => r.driver.status().state === 'ready', 'ready');
    r.controls.unplug();
    await until(() => r.driver.status().state === 'disconnected', 'disconnected');
    expect(r.controls.press('enter')).toEqual({ ok: false, error: 'unplugged' });
    r.controls.replug();
    await until(() => r.driver.status().state === 'ready', 'ready again');
    r.controls.press('up');
    await until(() => r.keys.length === 1, 'up');
    expect(r.keys).toEqual(['up']);
    expect(r.states).toEqual(['ready', 'disconnected', 'ready']);
  });

  it('a listener that throws does not stop the next key reaching the others', async () => {
    const r = rig();
    stop = () => r.driver.stop();
    r.driver.onKey(() => {
      throw new Error('listener bug');
    });
    r.driver.start();
    await until(() => r.driver.status().state === 'ready', 'ready');
    r.controls.press('left');
    r.controls.press('right');
    await until(() => r.keys.length === 2, 'two keys');
    expect(r.keys).toEqual(['left', 'right']);
  });
});
