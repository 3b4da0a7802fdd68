import { greatCircleMetres } from '../../../lib/great_circle.js';
import { dayMs, macauMidnight } from '../../../lib/macau_time.js';
import { err, ok } from '../../../lib/result.js';
import type { CompartmentSize } from '../contract/catalogue.js';
import type { EmbeddedContext, Handler } from './embedded_context.js';
import { freeSlots, slotOfRow } from './slots.js';

/** Catalogue, terminal profile, Smart Locker points and slot availability: the read-only side. */

export const catalogue: Handler<'catalogue'> = (ctx) => ok(ctx.catalogue.catalogue);

/**
 * The services a resident can start at a terminal: those of its site, and those whose counters are at its own
 * centre (the Hengqin centre also handles some Macau services).
 */
export const terminalProfile: Handler<'terminalProfile'> = (ctx, { terminalId }) => {
  const row = ctx.db.prepare('SELECT centre_id FROM terminals WHERE id = ?').get(terminalId) as
    | { centre_id: string }
    | undefined;
  const centre = row && ctx.catalogue.centres.get(row.centre_id);
  if (!centre) return err({ code: 'not-found', subject: 'terminal' });
  const serviceIds = ctx.catalogue.catalogue.services
    .filter((s) => s.site === centre.site || s.centres.includes(centre.id))
    .map((s) => s.id);
  return ok({ terminalId, centreId: centre.id, site: centre.site, serviceIds });
};

/** Compartments of each size neither occupied when the file was seeded nor promised to an open application. */
export function freeCompartments(ctx: EmbeddedContext, pointId: string): Record<CompartmentSize, number> {
  const point = ctx.catalogue.lockerPoints.get(pointId);
  if (!point) return { small: 0, medium: 0, large: 0 };
  const rows = ctx.db
    .prepare(
      `SELECT size, SUM(n) AS n FROM (
         SELECT size, COUNT(*) AS n FROM locker_applications
         WHERE point_id = ? AND status IN ('submitted', 'ready') GROUP BY size
         UNION ALL
         SELECT size, count AS n FROM locker_occupied WHERE point_id = ?
       ) GROUP BY size`,
    )
    .all(pointId, pointId) as { size: CompartmentSize; n: number }[];
  const used = (size: CompartmentSize) => rows.find((r) => r.size === size)?.n ?? 0;
  return {
    small: Math.max(0, point.compartments.small - used('small')),
    medium: Math.max(0, point.compartments.medium - used('medium')),
    large: Math.max(0, point.compartments.large - used('large')),
  };
}

export const lockerPoints: Handler<'lockerPoints'> = (ctx, { nearCentreId }) => {
  const near = nearCentreId === undefined ? undefined : ctx.catalogue.centres.get(nearCentreId);
  if (nearCentreId !== undefined && !near) return err({ code: 'not-found', subject: 'centre' });
  const points = ctx.catalogue.catalogue.lockerPoints.map((p) => ({
    pointId: p.id,
    free: freeCompartments(ctx, p.id),
    distanceMetres: near ? greatCircleMetres(near, p) : null,
  }));
  if (near) points.sort((a, b) => (a.distanceMetres ?? 0) - (b.distanceMetres ?? 0));
  return ok({ points });
};

export const availability: Handler<'availability'> = (ctx, request) => {
  const service = ctx.catalogue.services.get(request.serviceId);
  if (!service) return err({ code: 'not-found', subject: 'service' });
  if (!ctx.catalogue.centres.has(request.centreId)) return err({ code: 'not-found', subject: 'centre' });
  if (!service.bookable) return err({ code: 'not-bookable' });
  if (!service.centres.includes(request.centreId)) return err({ code: 'not-offered-here' });
  const from = Math.max(macauMidnight(request.from), ctx.now());
  const until = macauMidnight(request.to) + dayMs;
  const rows = freeSlots(ctx.db, request.centreId, from, until, 2000);
  return ok({ slots: rows.map(slotOfRow) });
};
