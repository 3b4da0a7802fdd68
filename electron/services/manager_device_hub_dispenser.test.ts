import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceConfigSchema } from '../../devices/device_config.js';
import { SimulatorActionSchema } from '../rpc/dev_contract.js';
import { ManagerDeviceHub } from './manager_device_hub.js';

const configs = [
  {
    id: 'dispenser',
    kind: 'document-dispenser',
    transport: 'simulated',
    required: false,
    options: { simulatedCards: 3, pollIntervalMs: 100 },
  },
  {
    id: 'lockers',
    kind: 'locker-controller',
    transport: 'simulated',
    options: { doors: { A1: { relay: 1, sensor: 1 } } },
  },
].map((config) => DeviceConfigSchema.parse(config));

/**
 * The dev dock's dispenser actions through the hub, as a person at the kiosk would use them (load cards, take the card
 * at the gate, jam the next card, pull the adapter out), with the real driver dispensing over the byte-level simulator.
 */
describe('ManagerDeviceHub: the document dispenser in the dev dock', () => {
  let hub: ManagerDeviceHub;
  const state = () => hub.statuses().find((s) => s.id === 'dispenser')?.status.state;
  const view = () => hub.simulators().find((s) => s.deviceId === 'dispenser')?.dispenser;
  const dispenser = () => {
    const [registration] = hub.dispensers();
    if (registration === undefined) throw new Error('no dispenser');
    return registration.driver;
  };

  beforeEach(async () => {
    hub = new ManagerDeviceHub(configs);
    await hub.start();
    await expect.poll(() => state(), { timeout: 5_000 }).toBe('low');
  });
  afterEach(() => hub.close());

  it('lists the dispenser with its stacker, gate, reject bin and jam, and hands its driver (and the lockers) to flows', () => {
    expect(view()).toEqual({ cards: 3, cardAtGate: false, rejectBin: 0, jam: 'none' });
    expect(hub.dispensers().map((d) => d.id)).toEqual(['dispenser']);
    expect(hub.lockers().map((l) => [l.id, l.driver.doors()])).toEqual([['lockers', ['A1']]]);
  });

  it('loads cards, dispenses one, and the card is taken from the gate', async () => {
    expect(await hub.simulate({ action: 'cards', deviceId: 'dispenser', count: 50 })).toEqual({ ok: true });
    await expect.poll(() => state(), { timeout: 5_000 }).toBe('ready');
    expect(await dispenser().dispense()).toEqual({ ok: true, value: { stacker: 1 } });
    expect(state()).toBe('card-at-gate');
    expect(view()).toMatchObject({ cards: 49, cardAtGate: true });
    expect(await hub.simulate({ action: 'take-card', deviceId: 'dispenser' })).toEqual({ ok: true });
    await expect.poll(() => state(), { timeout: 5_000 }).toBe('ready');
    expect(await hub.simulate({ action: 'take-card', deviceId: 'dispenser' })).toEqual({
      ok: false,
      error: 'no card at the gate',
    });
  });

  it('jams the next card, shows the jam, and recovers once the jam is cleared', async () => {
    expect(await hub.simulate({ action: 'jam', deviceId: 'dispenser', jam: true })).toEqual({ ok: true });
    expect(view()).toMatchObject({ jam: 'next-card' });
    expect(await dispenser().dispense()).toEqual({ ok: false, error: { code: 'jam' } });
    expect(state()).toBe('jam');
    expect(view()).toMatchObject({ jam: 'jammed', cards: 2 });
    await hub.simulate({ action: 'jam', deviceId: 'dispenser', jam: false });
    await expect.poll(() => state(), { timeout: 5_000 }).toBe('low');
  });

  it('pulls the adapter out and puts it back', async () => {
    expect(await hub.simulate({ action: 'unplug', deviceId: 'dispenser' })).toEqual({ ok: true });
    await expect.poll(() => state(), { timeout: 5_000 }).toBe('disconnected');
    await hub.simulate({ action: 'replug', deviceId: 'dispenser' });
    await expect.poll(() => state(), { timeout: 5_000 }).toBe('low');
  });

  it('refuses, as a value, dispenser actions on other devices and impossible loads', async () => {
    const refusals = await Promise.all([
      hub.simulate({ action: 'take-card', deviceId: 'lockers' }),
      hub.simulate({ action: 'cards', deviceId: 'lockers', count: 5 }),
      hub.simulate({ action: 'jam', deviceId: 'lockers', jam: true }),
      hub.simulate({ action: 'door', deviceId: 'dispenser', door: 'A1', open: true }),
      hub.simulate({ action: 'cards', deviceId: 'no-such-device', count: 5 }),
    ]);
    expect(refusals.map((r) => r.ok)).toEqual([false, false, false, false, false]);
    for (const hostile of [
      { action: 'cards', deviceId: 'dispenser', count: 501 },
      { action: 'cards', deviceId: 'dispenser', count: -1 },
      { action: 'cards', deviceId: 'dispenser', count: 2.5 },
      { action: 'take-card', deviceId: 'dispenser', stacker: 2 },
      { action: 'jam', deviceId: 'dispenser', jam: 'yes' },
    ]) {
      expect(SimulatorActionSchema.safeParse(hostile).success).toBe(false);
    }
    expect(view()).toEqual({ cards: 3, cardAtGate: false, rejectBin: 0, jam: 'none' });
  });
});
