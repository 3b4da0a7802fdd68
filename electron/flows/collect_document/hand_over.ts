import type { CardDispenser, DispenserFailure } from '../../../devices/dispenser/index.js';
import type { LockerController } from '../../../devices/locker/index.js';
import type { DriverRegistration } from '../../services/device_hub.js';
import type { NotCollectedReason } from './collection_calls.js';

/**
 * The physical part of a release: a card to the dispenser's gate and back in if it is not taken, or a locker door
 * opened for a booklet and waited on until it is closed. Every device answer becomes one of four outcomes the
 * release journals: taken, not taken (and safely back inside), stopped before anything left the kiosk (with the
 * reason the backend is given), or uncertain — the device stopped answering at a moment when the document may have
 * left, which only a person can settle.
 */
export type HandOver =
  | { outcome: 'taken' }
  | { outcome: 'not-taken' }
  | {
      outcome: 'stopped';
      problem: 'jam' | 'empty' | 'door' | 'device';
      reason: NotCollectedReason;
      deviceId: string;
    }
  | { outcome: 'uncertain'; problem: 'jam' | 'door' | 'device'; detail: string; deviceId: string };

/** How long a door may stay open while the resident takes the booklet out. */
export const doorCloseMs = 90_000;

export async function handOverCard(
  dispenser: DriverRegistration<CardDispenser>,
  atGate: () => void,
): Promise<HandOver> {
  const { driver, id } = dispenser;
  const dispensed = await driver.dispense();
  if (!dispensed.ok) {
    const refused = refusedBeforeMoving(dispensed.error, id);
    if (refused) return refused;
    // No answer to a motion command: the card may be at the gate. Ask the sensors before deciding anything.
    const sensors = await driver.refreshStatus();
    if (!sensors.ok || sensors.value.card !== 'gate')
      return {
        outcome: 'uncertain',
        problem: 'device',
        detail: `dispense-${dispensed.error.code}`,
        deviceId: id,
      };
  }
  atGate();
  const taken = await driver.waitTaken();
  if (taken.ok) return { outcome: 'taken' };
  if (taken.error.code !== 'not-taken')
    return { outcome: 'uncertain', problem: 'device', detail: `wait-${taken.error.code}`, deviceId: id };
  const retracted = await driver.retract();
  if (!retracted.ok)
    return { outcome: 'uncertain', problem: 'jam', detail: `retract-${retracted.error.code}`, deviceId: id };
  // The resident took it at the last moment, while the retract was on its way.
  return retracted.value === 'already-taken' ? { outcome: 'taken' } : { outcome: 'not-taken' };
}

/** A dispense the dispenser refused before moving a card: nothing left the kiosk. */
function refusedBeforeMoving(error: DispenserFailure, deviceId: string): HandOver | null {
  switch (error.code) {
    case 'empty':
      return { outcome: 'stopped', problem: 'empty', reason: 'dispenser-empty', deviceId };
    case 'jam':
      return { outcome: 'stopped', problem: 'jam', reason: 'dispenser-jam', deviceId };
    case 'card-at-gate':
    case 'card-inside':
    case 'reject-bin-full':
    case 'no-such-stacker':
      return { outcome: 'stopped', problem: 'device', reason: 'cancelled', deviceId };
    case 'disconnected':
    case 'no-answer':
    case 'line-error':
    case 'device-error':
    case 'not-taken':
    case 'unexpected-answer':
      return null;
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

export async function handOverBooklet(
  locker: DriverRegistration<LockerController>,
  door: string,
  opened: () => void,
  closeWithinMs = doorCloseMs,
): Promise<HandOver> {
  const open = await locker.driver.openDoor(door);
  if (!open.ok) return { outcome: 'stopped', problem: 'door', reason: 'door-failed', deviceId: locker.id };
  opened();
  const closed = await locker.driver.waitClosed(door, closeWithinMs);
  // A door left open: the booklet was most likely taken, but nobody can see inside but staff.
  if (!closed.ok)
    return {
      outcome: 'uncertain',
      problem: 'door',
      detail: `door-${closed.error.code}`,
      deviceId: locker.id,
    };
  return { outcome: 'taken' };
}
