import { afterEach, describe, expect, it } from 'vitest';
import { dispenserRig, type dispenserRig as Rig } from './dispenser_test_rig.js';
import { crt591Profile } from './profiles/crt591.js';

/**
 * The real driver against the byte-level CRT-591 simulator: what a resident and staff would notice (where the card
 * is, how many cards left the stacker, what the kiosk shows) for each fault the line and the mechanism can have.
 */
let rig: ReturnType<typeof Rig>;
afterEach(async () => {
  await rig?.driver.stop();
});

describe('card dispenser driver: collection', () => {
  it('initialises the unit, presents one card at the gate, sees it taken, and counts it', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    expect(await driver.dispense()).toEqual({ ok: true, value: { stacker: 1 } });
    // Reset (do not move a card) before anything else, then status, then "move card to the gate and hold it".
    expect(device.received).toEqual(['30/33', '31/30', '32/30']);
    expect(device.cardAtGate).toBe(true);
    expect(device.cards).toBe(19);
    expect(rig.state()).toBe('card-at-gate');
    const waiting = driver.waitTaken(1_000);
    setTimeout(() => device.takeCard(), 30);
    expect(await waiting).toEqual({ ok: true, value: undefined });
    expect(rig.state()).toBe('ready');
    expect(driver.counts()).toEqual({ dispensed: 1, taken: 1, retracted: 0, stacker: 'ok', rejectBin: 'ok' });
  });

  it('retracts a card not taken in time into the reject bin', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    await driver.dispense();
    expect(await driver.waitTaken(60)).toEqual({ ok: false, error: { code: 'not-taken' } });
    expect(await driver.retract()).toEqual({ ok: true, value: 'retracted' });
    expect([device.cardAtGate, device.rejectBin, device.cards]).toEqual([false, 1, 19]);
    expect(rig.state()).toBe('ready');
    expect(driver.counts()).toMatchObject({ dispensed: 1, taken: 0, retracted: 1 });
  });

  it('does not retract when the resident took the card at the last moment (no fresh card is drawn)', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    await driver.dispense();
    device.takeCard();
    expect(await driver.retract()).toEqual({ ok: true, value: 'already-taken' });
    expect([device.rejectBin, device.cards]).toEqual([0, 19]);
    expect(device.received.filter((code) => code === '32/33')).toEqual([]);
  });

  it('refuses to present a second card while one waits at the gate', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    await driver.dispense();
    expect(await driver.dispense()).toEqual({ ok: false, error: { code: 'card-at-gate' } });
    expect(device.cards).toBe(19);
  });

  it('refuses a stacker the model does not have, without touching the line', async () => {
    rig = dispenserRig();
    const { device, driver } = rig;
    for (const stacker of [0, 2, 1.5, Number.NaN]) {
      expect(await driver.dispense({ stacker })).toEqual({
        ok: false,
        error: { code: 'no-such-stacker', stacker, stackers: 1 },
      });
    }
    expect(device.received).toEqual([]);
  });

  it('runs concurrent calls one exchange at a time (half-duplex): one card, no overlapping frames', async () => {
    rig = dispenserRig({ cards: 20, motionMs: 20 });
    const { device, driver } = rig;
    const [first, second, status] = await Promise.all([
      driver.dispense(),
      driver.dispense(),
      driver.refreshStatus(),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, error: { code: 'card-at-gate' } });
    expect(status.ok && status.value.card).toBe('gate');
    expect(device.protocolViolations).toBe(0);
    expect(device.cards).toBe(19);
  });
});

describe('card dispenser driver: mechanism faults', () => {
  it('a card jams mid-dispense: jam, no further card drawn, and ready again once staff clear it', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    device.jamNextCard();
    expect(await driver.dispense()).toEqual({ ok: false, error: { code: 'jam' } });
    expect(rig.state()).toBe('jam');
    expect(await driver.dispense()).toEqual({ ok: false, error: { code: 'jam' } });
    expect(device.cards).toBe(19);
    driver.start();
    device.clearJam();
    await expect.poll(() => rig.state(), { timeout: 2_000 }).toBe('ready');
    expect(rig.states).toContain('jam');
    expect(await driver.dispense()).toEqual({ ok: true, value: { stacker: 1 } });
  });

  it('an empty stacker is "empty" before and after a dispense, and "ready" once loaded', async () => {
    rig = dispenserRig({ cards: 1 });
    const { device, driver } = rig;
    expect(await driver.dispense()).toMatchObject({ ok: true });
    device.takeCard();
    expect(await driver.dispense()).toEqual({ ok: false, error: { code: 'empty' } });
    expect(rig.state()).toBe('empty');
    device.loadCards(5);
    await driver.refreshStatus();
    expect(rig.state()).toBe('low');
    device.loadCards(50);
    await driver.refreshStatus();
    expect(rig.state()).toBe('ready');
  });

  it('a unit power-cycled since the last command (B0) is initialised and the command repeated once', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    await driver.refreshStatus();
    // Initialise and status for the call, and the status read every new connection gets.
    await expect.poll(() => device.received).toEqual(['30/33', '31/30', '31/30']);
    device.powerCycle();
    const before = device.received.length;
    expect(await driver.dispense()).toEqual({ ok: true, value: { stacker: 1 } });
    // Status refused (B0), initialise, status again, present.
    expect(device.received.slice(before)).toEqual(['31/30', '30/33', '31/30', '32/30']);
    expect(device.cards).toBe(19);
  });
});

describe('card dispenser driver: line faults', () => {
  it('NAK: the frame is sent again and the command runs once', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    await driver.refreshStatus();
    device.nakNext(2);
    expect(await driver.dispense()).toEqual({ ok: true, value: { stacker: 1 } });
    expect(device.cards).toBe(19);
  });

  it('NAK after NAK: gives up after the retries, moves no card, and reports a line error until the line heals', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    await driver.refreshStatus();
    device.nakNext(10);
    expect(await driver.dispense()).toEqual({ ok: false, error: { code: 'line-error', detail: '3 NAKs' } });
    expect(rig.state()).toBe('error:line-error');
    expect(device.cards).toBe(20);
    device.nakNext(0);
    expect((await driver.refreshStatus()).ok).toBe(true);
    expect(rig.state()).toBe('ready');
  });

  it('a damaged answer is NAKed and read again when the unit repeats it', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    await driver.refreshStatus();
    device.damageNextAnswers(2);
    expect(await driver.dispense()).toEqual({ ok: true, value: { stacker: 1 } });
    expect(device.cards).toBe(19);
  });

  it('never sends a motion command twice when its ACK and answer are lost: one card moves, the gate is read', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    await driver.refreshStatus();
    // The present's ACK is lost and every answer to it arrives damaged.
    device.whenCommand(crt591Profile.commands.present[0]!, () => {
      device.loseNextAcks(1);
      device.damageNextAnswers(10);
    });
    const result = await driver.dispense();
    expect(result).toEqual({ ok: false, error: { code: 'no-answer' } });
    expect(device.received.filter((code) => code === '32/30')).toHaveLength(1);
    expect(device.cards).toBe(19);
    device.damageNextAnswers(0);
    const status = await driver.refreshStatus();
    expect(status.ok && status.value.card).toBe('gate');
    expect(rig.state()).toBe('card-at-gate');
  });

  it('no answer at all: each exchange times out, the state says so, and it recovers when the unit speaks', async () => {
    rig = dispenserRig({ cards: 20 });
    const { device, driver } = rig;
    await driver.refreshStatus();
    device.mute(true);
    const started = performance.now();
    expect(await driver.refreshStatus()).toEqual({ ok: false, error: { code: 'no-answer' } });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await driver.dispense()).toEqual({ ok: false, error: { code: 'no-answer' } });
    expect(rig.state()).toBe('error:no-answer');
    device.mute(false);
    expect((await driver.refreshStatus()).ok).toBe(true);
    expect(rig.state()).toBe('ready');
    expect(device.cards).toBe(20);
  });

  it('the adapter is pulled out mid-dispense: disconnected, then after replug the card is found at the gate', async () => {
    rig = dispenserRig({ cards: 20, motionMs: 80 });
    const { device, driver } = rig;
    driver.start();
    await expect.poll(() => rig.state()).toBe('ready');
    const dispensing = driver.dispense();
    await new Promise((resolve) => setTimeout(resolve, 30));
    device.unplug();
    expect(await dispensing).toEqual({ ok: false, error: { code: 'disconnected' } });
    expect(rig.state()).toBe('disconnected');
    await new Promise((resolve) => setTimeout(resolve, 80));
    device.replug();
    await expect.poll(() => rig.state(), { timeout: 2_000 }).toBe('card-at-gate');
    expect(device.cards).toBe(19);
    expect(driver.counts().dispensed).toBe(0);
    expect(await driver.retract()).toEqual({ ok: true, value: 'retracted' });
    expect(device.port.openHandles).toBe(1);
  });
});

describe('card dispenser driver: another vendor profile', () => {
  it('a clone that waits for ENQ after its ACK before executing works through the same driver', async () => {
    const profile = {
      ...crt591Profile,
      id: 'enq-clone',
      handshake: { ...crt591Profile.handshake, enqAfterAck: true },
    };
    rig = dispenserRig({ cards: 3 }, profile);
    const { device, driver } = rig;
    expect(await driver.dispense()).toEqual({ ok: true, value: { stacker: 1 } });
    expect(device.cardAtGate).toBe(true);
  });

  it('a unit on bus address 5 answers only frames addressed to it', async () => {
    rig = dispenserRig({ cards: 3, address: 5 });
    expect(await rig.driver.dispense()).toEqual({ ok: true, value: { stacker: 1 } });
  });
});
