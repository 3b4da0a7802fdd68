import { dayMs, macauDate, macauIso } from '../../../lib/macau_time.js';
import { err, ok } from '../../../lib/result.js';
import { dammCheckDigit } from '../../keys/check_digit.js';
import type { LockerApplication, PickupRecord } from '../contract/lockers.js';
import { freeCompartments } from './catalogue_handlers.js';
import type { EmbeddedContext, Handler } from './embedded_context.js';
import { residentExists } from './resident_handlers.js';
import { randomCrockford, randomDigits } from './secrets.js';

/**
 * Smart Locker applications and pickups. An application promises a compartment of its size at its point until
 * it is collected; the pickup record (placed by the back office when the item is ready) is used exactly once.
 */

export const readyAfterDays = 3;
/** How long an item waits in its compartment. */
export const pickupDays = 7;

interface ApplicationRow {
  id: string;
  service_id: string;
  point_id: string;
  size: LockerApplication['size'];
  status: 'submitted' | 'ready' | 'collected';
  submitted_at: number;
  expected_ready_date: string;
}

interface PickupRow {
  application_id: string;
  digits: string;
  point_id: string;
  compartment: string;
  expires_at: number;
  picked_up_at: number | null;
}

function pickupStatus(ctx: EmbeddedContext, pickup: PickupRow): PickupRecord['status'] {
  if (pickup.picked_up_at !== null) return 'picked-up';
  return pickup.expires_at <= ctx.now() ? 'expired' : 'waiting';
}

function applicationOf(ctx: EmbeddedContext, row: ApplicationRow): LockerApplication {
  const pickup = ctx.db.prepare('SELECT * FROM pickups WHERE application_id = ?').get(row.id) as
    | PickupRow
    | undefined;
  const expired = row.status === 'ready' && pickup !== undefined && pickupStatus(ctx, pickup) === 'expired';
  return {
    applicationId: row.id,
    serviceId: row.service_id,
    pointId: row.point_id,
    size: row.size,
    status: expired ? 'expired' : row.status,
    submittedAt: macauIso(row.submitted_at),
    expectedReadyDate: row.expected_ready_date,
  };
}

export const applyForLocker: Handler<'applyForLocker'> = (ctx, request) => {
  const service = ctx.catalogue.services.get(request.serviceId);
  if (!service) return err({ code: 'not-found', subject: 'service' });
  if (!ctx.catalogue.lockerPoints.has(request.pointId))
    return err({ code: 'not-found', subject: 'locker-point' });
  if (!residentExists(ctx, request.residentRef)) return err({ code: 'not-found', subject: 'resident' });
  if (!service.lockerPickup) return err({ code: 'no-locker-pickup' });
  if (freeCompartments(ctx, request.pointId)[request.size] === 0) return err({ code: 'point-full' });
  const now = ctx.now();
  const row: ApplicationRow = {
    id: `LA-${randomCrockford(10)}`,
    service_id: request.serviceId,
    point_id: request.pointId,
    size: request.size,
    status: 'submitted',
    submitted_at: now,
    expected_ready_date: macauDate(now + readyAfterDays * dayMs),
  };
  ctx.db
    .prepare(
      `INSERT INTO locker_applications
       (id, service_id, resident_id, point_id, size, status, submitted_at, expected_ready_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.id,
      row.service_id,
      request.residentRef,
      row.point_id,
      row.size,
      row.status,
      row.submitted_at,
      row.expected_ready_date,
    );
  return ok(applicationOf(ctx, row));
};

export const lockerApplications: Handler<'lockerApplications'> = (ctx, { residentRef }) => {
  if (!residentExists(ctx, residentRef)) return err({ code: 'not-found', subject: 'resident' });
  const rows = ctx.db
    .prepare('SELECT * FROM locker_applications WHERE resident_id = ? ORDER BY submitted_at DESC, id')
    .all(residentRef) as ApplicationRow[];
  return ok({ applications: rows.map((row) => applicationOf(ctx, row)) });
};

function pickupOf(ctx: EmbeddedContext, row: PickupRow): PickupRecord {
  return {
    applicationId: row.application_id,
    pointId: row.point_id,
    compartment: row.compartment,
    expiresAt: macauIso(row.expires_at),
    status: pickupStatus(ctx, row),
    pickedUpAt: row.picked_up_at === null ? null : macauIso(row.picked_up_at),
  };
}

export const findPickup: Handler<'findPickup'> = (ctx, request) => {
  const row = (
    'applicationId' in request
      ? ctx.db.prepare('SELECT * FROM pickups WHERE application_id = ?').get(request.applicationId)
      : ctx.db.prepare('SELECT * FROM pickups WHERE digits = ?').get(request.digits)
  ) as PickupRow | undefined;
  return row ? ok(pickupOf(ctx, row)) : err({ code: 'not-found', subject: 'pickup' });
};

export const recordPickup: Handler<'recordPickup'> = (ctx, request) => {
  const row = ctx.db.prepare('SELECT * FROM pickups WHERE application_id = ?').get(request.applicationId) as
    | PickupRow
    | undefined;
  if (!row) return err({ code: 'not-found', subject: 'pickup' });
  if (row.point_id !== request.pointId) return err({ code: 'wrong-station', pointId: row.point_id });
  if (row.compartment !== request.compartment) return err({ code: 'wrong-compartment' });
  if (row.picked_up_at !== null) return err({ code: 'already-used', at: macauIso(row.picked_up_at) });
  const now = ctx.now();
  if (row.expires_at <= now) return err({ code: 'expired', at: macauIso(row.expires_at) });
  ctx.db
    .prepare('UPDATE pickups SET picked_up_at = ?, picked_up_by = ? WHERE application_id = ?')
    .run(now, request.terminalId, row.application_id);
  ctx.db.prepare("UPDATE locker_applications SET status = 'collected' WHERE id = ?").run(row.application_id);
  return ok({ applicationId: row.application_id, pickedUpAt: macauIso(now) });
};

function newDigits(ctx: EmbeddedContext): string {
  for (;;) {
    const body = randomDigits(11);
    const digits = body + dammCheckDigit(body);
    if (!ctx.db.prepare('SELECT 1 FROM pickups WHERE digits = ?').get(digits)) return digits;
  }
}

export const placeInLocker: Handler<'placeInLocker'> = (ctx, request) => {
  const application = ctx.db
    .prepare('SELECT * FROM locker_applications WHERE id = ?')
    .get(request.applicationId) as ApplicationRow | undefined;
  if (!application) return err({ code: 'not-found', subject: 'application' });
  if (application.point_id !== request.pointId)
    return err({ code: 'wrong-station', pointId: application.point_id });
  const placed = ctx.db
    .prepare('SELECT placed_at FROM pickups WHERE application_id = ?')
    .get(application.id) as { placed_at: number } | undefined;
  if (placed) return err({ code: 'already-used', at: macauIso(placed.placed_at) });
  // Digits name one record: the issuer's digits for another item are refused as already used.
  const taken =
    request.digits === undefined
      ? undefined
      : (ctx.db.prepare('SELECT placed_at FROM pickups WHERE digits = ?').get(request.digits) as
          | { placed_at: number }
          | undefined);
  if (taken) return err({ code: 'already-used', at: macauIso(taken.placed_at) });
  const now = ctx.now();
  ctx.db
    .prepare(
      `INSERT INTO pickups (application_id, digits, point_id, compartment, placed_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      application.id,
      request.digits ?? newDigits(ctx),
      application.point_id,
      request.compartment,
      now,
      now + pickupDays * dayMs,
    );
  ctx.db.prepare("UPDATE locker_applications SET status = 'ready' WHERE id = ?").run(application.id);
  return findPickup(ctx, { applicationId: application.id });
};
