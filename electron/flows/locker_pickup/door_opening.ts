import type { DoorFailure, LockerController } from '../../../devices/locker/index.js';

/**
 * Opening one locker door for a pickup, and knowing that it opened: the relay must read back as switched (the
 * driver's `openDoor`), and then the door sensor must see the door open. A door that fails either is tried again
 * (`retries` more times); what is left is a value the flow journals:
 *
 * - `opened`: read back and seen open;
 * - `not-opened`: the latch never got power (no read-back, an unknown door, no board) or the door never moved
 *   (sensor still closed): nothing left the locker, the code stays good;
 * - `uncertain`: the relay stayed on, or the board stopped answering mid-pulse: the door may be open, only staff
 *   can tell.
 */
export type DoorOpening =
  | { outcome: 'opened'; attempts: number }
  | { outcome: 'not-opened'; detail: string }
  | { outcome: 'uncertain'; detail: string };

/** The sensor is read this often while waiting for the door to spring open (a device's pace, not a flow timeout). */
const sensorPollMs = 50;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function openPickupDoor(
  locker: LockerController,
  door: string,
  limits: { retries: number; openWithinMs: number },
): Promise<DoorOpening> {
  let last = 'not-tried';
  for (let attempt = 1; attempt <= limits.retries + 1; attempt++) {
    const pulsed = await locker.openDoor(door);
    if (!pulsed.ok) {
      if (mayHaveOpened(pulsed.error)) return { outcome: 'uncertain', detail: pulsed.error.code };
      last = pulsed.error.code;
      continue;
    }
    const seen = await seenOpen(locker, door, limits.openWithinMs);
    if (seen === 'open') return { outcome: 'opened', attempts: attempt };
    if (seen === 'sensor-failed') return { outcome: 'uncertain', detail: 'sensor-unreadable' };
    last = 'sensor-still-closed';
  }
  return { outcome: 'not-opened', detail: last };
}

async function seenOpen(
  locker: LockerController,
  door: string,
  withinMs: number,
): Promise<'open' | 'closed' | 'sensor-failed'> {
  const deadline = performance.now() + withinMs;
  for (;;) {
    const closed = await locker.isClosed(door);
    if (!closed.ok) return 'sensor-failed';
    if (!closed.value) return 'open';
    if (performance.now() >= deadline) return 'closed';
    await pause(sensorPollMs);
  }
}

/** Whether a failed pulse may have released the latch anyway. */
function mayHaveOpened(failure: DoorFailure): boolean {
  switch (failure.code) {
    case 'unknown-door':
    case 'relay-not-confirmed':
    case 'disconnected':
      return false;
    // The relay read back on at some point, or the board went quiet after the command was sent.
    case 'relay-stuck-on':
    case 'timeout':
    case 'io':
      return true;
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}
