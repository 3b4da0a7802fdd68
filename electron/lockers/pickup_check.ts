import { err, ok, type Result } from '../../lib/result.js';
import type { Backend } from '../backend/contract/backend.js';
import type { PickupRecord } from '../backend/contract/lockers.js';
import type { LockerStationConfig } from './locker_station_config.js';
import { normalisePickupDigits, type PickupRefusalReason, verifyPickupCode } from './pickup_code.js';

/**
 * Whether a pickup code opens a door of this station, and which. Two ways in, one record:
 *
 * - a scanned QR is checked here first (signature against the station's issuer keys, expiry, station: the
 *   offline checks of pickup_code.ts), then looked up by its application;
 * - typed digits carry no signature: after their check digit they are looked up by the digits.
 *
 * Either way the backend's record decides the rest: known (`unknown` if not), not yet picked up (`used`), not
 * expired, at this point. A QR whose signed compartment is not the record's is `forged`: a genuine issuer never
 * signs another door. A backend that cannot be asked is `unavailable` — **no door opens on the signature alone**:
 * only the backend knows whether the code was used already (a photo of a QR opens a door once, not twice). The
 * resident is told to try again shortly; nothing is journalled, because nothing happened.
 */

export type PickupCheckRefusal = PickupRefusalReason | 'unavailable';

export interface PickupTarget {
  applicationId: string;
  /** The backend's compartment (`A01`). */
  compartment: string;
  /** The door that holds it (lockerStation.compartments). */
  device: string;
  door: string;
}

export interface PickupCheck {
  refusal: PickupCheckRefusal;
  /** For staff and the audit log, never shown to the resident as is. */
  detail: string;
}

export type PickupEntry = { kind: 'scanned'; text: string } | { kind: 'typed'; digits: string };

export async function checkPickup(
  entry: PickupEntry,
  station: LockerStationConfig,
  backend: Pick<Backend, 'findPickup'>,
  nowMs: number,
): Promise<Result<PickupTarget, PickupCheck>> {
  let lookup: { applicationId: string } | { digits: string };
  let signedCompartment: string | null = null;
  if (entry.kind === 'scanned') {
    const verified = verifyPickupCode(entry.text, {
      station: station.pointId,
      keys: station.issuerKeys,
      now: Math.floor(nowMs / 1000),
    });
    if (!verified.ok) return err({ refusal: verified.error.reason, detail: verified.error.detail });
    lookup = { applicationId: verified.value.claims.applicationId };
    signedCompartment = verified.value.claims.compartment;
  } else {
    const digits = normalisePickupDigits(entry.digits);
    if (digits === undefined) return err({ refusal: 'malformed', detail: 'check digit' });
    lookup = { digits };
  }
  const found = await backend.findPickup(lookup);
  if (!found.ok) {
    const error = found.error;
    if (error.kind === 'rejected' && error.rejection.code === 'not-found')
      return err({ refusal: 'unknown', detail: `no record (${error.rejection.subject})` });
    // The request itself was bad (an application id of another shape): the code names nothing the backend knows.
    if (error.kind === 'invalid-request') return err({ refusal: 'unknown', detail: 'not a backend id' });
    return err({
      refusal: 'unavailable',
      detail: error.kind === 'rejected' ? error.rejection.code : error.kind,
    });
  }
  return targetOf(found.value, signedCompartment, station, nowMs);
}

function targetOf(
  record: PickupRecord,
  signedCompartment: string | null,
  station: LockerStationConfig,
  nowMs: number,
): Result<PickupTarget, PickupCheck> {
  if (signedCompartment !== null && signedCompartment !== record.compartment)
    return err({ refusal: 'forged', detail: 'signed compartment is not the record’s' });
  if (record.pointId !== station.pointId)
    return err({ refusal: 'wrong-station', detail: 'record at another point' });
  switch (record.status) {
    case 'picked-up':
      return err({ refusal: 'used', detail: 'picked up already' });
    case 'expired':
      return err({ refusal: 'expired', detail: 'record expired' });
    case 'waiting':
      break;
    default: {
      const unreachable: never = record.status;
      return unreachable;
    }
  }
  // The backend's clock decides expiry; ours is a second opinion for a record it answered a moment ago.
  if (Date.parse(record.expiresAt) <= nowMs) return err({ refusal: 'expired', detail: 'record expired' });
  const door = Object.hasOwn(station.compartments, record.compartment)
    ? station.compartments[record.compartment]
    : undefined;
  // A record for a compartment this station has no door for: staff placed it wrongly, or the config is stale.
  if (door === undefined) return err({ refusal: 'unknown', detail: `no door for ${record.compartment}` });
  return ok({ applicationId: record.applicationId, compartment: record.compartment, ...door });
}
