/**
 * `balcao test-dispense`: a field engineer checks a dispenser end to end — status, one card to the gate, then either
 * the card is taken or it is pulled back into the reject bin. Console text for staff, in English (resident-facing
 * strings come from locales/). Returns the exit status: 0 the mechanism did what it was told, 1 it did not.
 */
import type { CardDispenser, DispenserFailure } from './card_dispenser.js';

export function describeDispenserFailure(failure: DispenserFailure): string {
  switch (failure.code) {
    case 'disconnected':
      return 'dispenser not connected: check the USB–serial adapter and its cable';
    case 'no-answer':
      return 'the dispenser did not answer: check its power, its baud rate and address switches';
    case 'line-error':
      return `the serial line keeps failing (${failure.detail}): check the cable and the baud rate`;
    case 'empty':
      return 'the stacker is empty: load cards';
    case 'jam':
      return 'a card is jammed: open the dispenser, remove it, and run the test again';
    case 'reject-bin-full':
      return 'the reject bin is full: empty it';
    case 'card-at-gate':
      return 'a card is already waiting at the gate: take it out first';
    case 'card-inside':
      return 'a card is stuck inside the dispenser: open it and remove the card';
    case 'no-such-stacker':
      return `no stacker ${failure.stacker}: this model has ${failure.stackers}`;
    case 'not-taken':
      return 'the card was not taken';
    case 'device-error':
      return `the dispenser reported error ${failure.error}`;
    case 'unexpected-answer':
      return `unexpected answer: ${failure.detail}`;
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/** Dispenses one test card, waits `waitMs` for it to be taken, and retracts it if it was not. */
export async function testDispense(
  dispenser: CardDispenser,
  waitMs: number,
  say: (line: string) => void,
): Promise<number> {
  const failed = (failure: DispenserFailure) => {
    say(`FAILED: ${describeDispenserFailure(failure)}`);
    say(`status: ${dispenser.status().state}`);
    return 1;
  };
  const status = await dispenser.refreshStatus();
  if (!status.ok) return failed(status.error);
  say(`stacker ${status.value.stacker}, reject bin ${status.value.rejectBin}`);
  say('dispensing a test card from stacker 1…');
  const dispensed = await dispenser.dispense();
  if (!dispensed.ok) return failed(dispensed.error);
  say(`card at the gate: take it within ${Math.round(waitMs / 1000)} s`);
  const taken = await dispenser.waitTaken(waitMs);
  if (taken.ok) {
    say('taken');
  } else if (taken.error.code === 'not-taken') {
    const retracted = await dispenser.retract();
    if (!retracted.ok) return failed(retracted.error);
    say(retracted.value === 'retracted' ? 'not taken: retracted into the reject bin' : 'taken');
  } else {
    return failed(taken.error);
  }
  const counts = dispenser.counts();
  say(`dispensed ${counts.dispensed}, taken ${counts.taken}, retracted ${counts.retracted}`);
  return 0;
}
