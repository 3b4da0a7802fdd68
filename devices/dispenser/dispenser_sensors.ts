/**
 * What the status characters of a positive answer and the error characters of a negative one mean, through the
 * profile's tables (profiles/crt591.ts gives the CRT-591's). Pure; a character a profile does not list reads as
 * `unknown` (status) or as a `device` fault (error), never as an exception: the unit may be a family member the
 * profile was not written for, and staff must see that rather than a crash.
 */
import type { StatusBytes } from './dispenser_frame.js';
import type {
  CardPosition,
  DeviceFault,
  DispenserProfile,
  RejectBinLevel,
  StackerLevel,
} from './profiles/dispenser_profile.js';

export interface DispenserSensors {
  card: CardPosition | 'unknown';
  stacker: StackerLevel | 'unknown';
  rejectBin: RejectBinLevel | 'unknown';
}

export function decodeSensors(status: StatusBytes, profile: DispenserProfile): DispenserSensors {
  return {
    card: profile.status.card[status.st0] ?? 'unknown',
    stacker: profile.status.stacker[status.st1] ?? 'unknown',
    rejectBin: profile.status.rejectBin[status.st2] ?? 'unknown',
  };
}

function byteFor<V extends string>(table: Readonly<Record<number, V>>, value: V): number | undefined {
  for (const [byte, meaning] of Object.entries(table)) if (meaning === value) return Number(byte);
  return undefined;
}

/** The status characters a device of this profile sends for `sensors` (the simulator's side of `decodeSensors`). */
export function encodeSensors(
  sensors: { card: CardPosition; stacker: StackerLevel; rejectBin: RejectBinLevel },
  profile: DispenserProfile,
): StatusBytes {
  return {
    st0: byteFor(profile.status.card, sensors.card) ?? 0x3f,
    st1: byteFor(profile.status.stacker, sensors.stacker) ?? 0x3f,
    st2: byteFor(profile.status.rejectBin, sensors.rejectBin) ?? 0x3f,
  };
}

export function faultOf(error: string, profile: DispenserProfile): DeviceFault {
  return profile.errors[error] ?? 'device';
}

/** The error characters a device of this profile sends for `fault` (for the simulator). */
export function errorCodeFor(fault: DeviceFault, profile: DispenserProfile): string {
  for (const [code, meaning] of Object.entries(profile.errors)) if (meaning === fault) return code;
  return '??';
}
