import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceConfigSchema } from '../../devices/device_config.js';
import { SimulatorActionSchema } from '../rpc/dev_contract.js';
import { ManagerDeviceHub } from './manager_device_hub.js';

const configs = [
  {
    id: 'vending',
    kind: 'vending-unit',
    transport: 'simulated',
    required: false,
    options: { turnMs: 10, dropWindowMs: 5, pollMs: 5, healthCheckMs: 100 },
  },
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
].map((config) => DeviceConfigSchema.parse(config));

/**
 * The dev dock's vending-unit actions through the hub, as staff and a test would use them (load a spiral, jam it,
 * make the drop sensor miss an item, pull the cable), with the real driver turning spirals over the byte-level
 * relay-board simulator.
 */
describe('ManagerDeviceHub: the publications vending unit in the dev dock', () => {
  let hub: ManagerDeviceHub;
  const state = () => hub.statuses().find((s) => s.id === 'vending')?.status.state;
  const view = () => hub.simulators().find((s) => s.deviceId === 'vending')?.vending;
  const unit = () => {
    const [registration] = hub.vendingUnits();
    if (registration === undefined) throw new Error('no vending unit');
    return registration.driver;
  };

  beforeEach(async () => {
    hub = new ManagerDeviceHub(configs);
    await hub.start();
    await expect.poll(() => state(), { timeout: 5_000 }).toBe('ready');
  });
  afterEach(() => hub.close());

  it('lists the 16 spirals empty; loads one, and the driver vends from it', async () => {
    expect(view()?.slots).toHaveLength(16);
    expect(view()?.slots.every((s) => s.stock === 0 && !s.jammed)).toBe(true);
    expect(await hub.simulate({ action: 'slot-stock', deviceId: 'vending', slot: 'B3', count: 2 })).toEqual({
      ok: true,
    });
    expect(await unit().vend('B3')).toEqual({ ok: true, value: { dropped: true, turns: 1 } });
    expect(view()?.slots.find((s) => s.slot === 'B3')?.stock).toBe(1);
  });

  it('a jammed spiral turns twice without a drop; the missed drop is counted until it happens', async () => {
    await hub.simulate({ action: 'slot-stock', deviceId: 'vending', slot: 'A1', count: 3 });
    await hub.simulate({ action: 'slot-jam', deviceId: 'vending', slot: 'A1', jam: true });
    expect(view()?.slots.find((s) => s.slot === 'A1')?.jammed).toBe(true);
    expect(await unit().vend('A1')).toEqual({ ok: true, value: { dropped: false, turns: 2 } });
    await hub.simulate({ action: 'slot-jam', deviceId: 'vending', slot: 'A1', jam: false });
    await hub.simulate({ action: 'miss-drop', deviceId: 'vending' });
    expect(view()?.missingDrops).toBe(1);
    // The item falls unseen on the first turn; the second turn drops the next one, which the sensor sees.
    expect(await unit().vend('A1')).toEqual({ ok: true, value: { dropped: true, turns: 2 } });
    expect(view()?.missingDrops).toBe(0);
  });

  it('unplugged: the status says so without a sale (health read), and vending is refused as a value', async () => {
    await hub.simulate({ action: 'unplug', deviceId: 'vending' });
    await expect.poll(() => state(), { timeout: 5_000 }).toBe('disconnected');
    expect(await unit().vend('A1')).toEqual({ ok: false, error: { code: 'disconnected' } });
    await hub.simulate({ action: 'replug', deviceId: 'vending' });
    await expect.poll(() => state(), { timeout: 5_000 }).toBe('ready');
  });

  it('refuses what the unit or the device does not have, as values', async () => {
    expect(await hub.simulate({ action: 'slot-stock', deviceId: 'vending', slot: 'F8', count: 1 })).toEqual({
      ok: false,
      error: 'unknown slot F8',
    });
    expect(await hub.simulate({ action: 'slot-jam', deviceId: 'scanner', slot: 'A1', jam: true })).toEqual({
      ok: false,
      error: 'scanner has no spirals',
    });
    expect(await hub.simulate({ action: 'miss-drop', deviceId: 'scanner' })).toMatchObject({ ok: false });
    // The contract refuses malformed actions before the hub sees them.
    for (const bad of [
      { action: 'slot-stock', deviceId: 'vending', slot: 'A1', count: 100 },
      { action: 'slot-stock', deviceId: 'vending', slot: 'A1', count: -1 },
      { action: 'slot-stock', deviceId: 'vending', slot: 'Z9', count: 1 },
      { action: 'slot-jam', deviceId: 'vending', slot: 'A1' },
      { action: 'miss-drop', deviceId: 'vending', count: 3 },
    ])
      expect(SimulatorActionSchema.safeParse(bad).success).toBe(false);
  });
});
