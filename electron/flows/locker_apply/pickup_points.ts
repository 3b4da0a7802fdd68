import { greatCircleMetres, type MapPosition } from '../../../lib/great_circle.js';
import type {
  CompartmentSize,
  LockerPoint,
  LockerPointAvailability,
} from '../../backend/contract/catalogue.js';
import type { LockerPointView } from '../../rpc/flows/locker_apply_contract.js';

/**
 * The Smart Locker points as the apply flow offers them: every point of the catalogue, nearest to this kiosk's
 * centre first (distance computed here from the catalogue's coordinates, so the order does not depend on the
 * backend sorting), each with its free compartments of the item's size. A point without one is still shown (the
 * resident sees why their nearest point is not offered) but marked `full`. A point the availability answer does not
 * mention has no free compartment as far as the kiosk knows. Equal distances keep the catalogue's order.
 */
export function pickupPointsNearestFirst(
  points: readonly LockerPoint[],
  availability: readonly LockerPointAvailability[],
  centre: MapPosition | undefined,
  size: CompartmentSize,
): LockerPointView[] {
  const freeOf = new Map(availability.map((a) => [a.pointId, a.free[size]]));
  const views = points.map((point, order) => {
    const free = freeOf.get(point.id) ?? 0;
    const view: LockerPointView = {
      pointId: point.id,
      name: point.name,
      address: point.address,
      hours: point.hours,
      distanceMetres: centre ? greatCircleMetres(centre, point) : null,
      free,
      unavailable: free > 0 ? null : 'full',
    };
    return { view, order };
  });
  views.sort((a, b) => (a.view.distanceMetres ?? 0) - (b.view.distanceMetres ?? 0) || a.order - b.order);
  return views.map(({ view }) => view);
}
