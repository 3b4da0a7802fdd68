import { afterEach, describe, expect, it } from 'vitest';
import { testDispense } from './cli_commands.js';
import { dispenserRig, type dispenserRig as Rig } from './dispenser_test_rig.js';

let rig: ReturnType<typeof Rig>;
afterEach(async () => {
  await rig?.driver.stop();
});

/** `balcao test-dispense` on the simulated CRT-591: what the field engineer reads, and the exit status. */
describe('balcao test-dispense', () => {
  it('retracts the test card into the reject bin when nobody takes it', async () => {
    rig = dispenserRig({ cards: 20 });
    const lines: string[] = [];
    expect(await testDispense(rig.driver, 0, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual([
      'stacker ok, reject bin ok',
      'dispensing a test card from stacker 1…',
      'card at the gate: take it within 0 s',
      'not taken: retracted into the reject bin',
      'dispensed 1, taken 0, retracted 1',
    ]);
    expect([rig.device.cards, rig.device.rejectBin]).toEqual([19, 1]);
  });

  it('reports the card taken when the engineer takes it', async () => {
    rig = dispenserRig({ cards: 20 });
    const lines: string[] = [];
    const running = testDispense(rig.driver, 2_000, (line) => lines.push(line));
    await expect.poll(() => rig.device.cardAtGate).toBe(true);
    rig.device.takeCard();
    expect(await running).toBe(0);
    expect(lines.slice(-2)).toEqual(['taken', 'dispensed 1, taken 1, retracted 0']);
  });

  it('says what to do, and fails, when the stacker is empty or the dispenser is silent', async () => {
    rig = dispenserRig({ cards: 0 });
    const lines: string[] = [];
    expect(await testDispense(rig.driver, 0, (line) => lines.push(line))).toBe(1);
    expect(lines).toContain('FAILED: the stacker is empty: load cards');
    rig.device.mute(true);
    const silent: string[] = [];
    expect(await testDispense(rig.driver, 0, (line) => silent.push(line))).toBe(1);
    expect(silent[0]).toBe(
      'FAILED: the dispenser did not answer: check its power, its baud rate and address switches',
    );
  });
});
