import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LockerPoint, LockerPointAvailability } from '../../backend/contract/catalogue.js';
import { catalogueOfSeed } from '../../backend/embedded/catalogue_store.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import { pickupPointsNearestFirst } from './pickup_points.js';

const text = (en: string) => ({ 'zh-Hant': en, 'zh-Hans': en, pt: en, en });
const point = (id: string, latitude: number, longitude: number): LockerPoint => ({
  id,
  name: text(id),
  address: text(`${id} street`),
  latitude,
  longitude,
  hours: '24h',
  compartments: { small: 4, medium: 2, large: 1 },
  sample: true,
});
const free = (pointId: string, small: number, medium: number, large: number): LockerPointAvailability => ({
  pointId,
  free: { small, medium, large },
  distanceMetres: null,
});
const here = { latitude: 22.1912, longitude: 113.5411 };

describe('Smart Locker points, nearest to this centre first', () => {
  // 0.0073° of latitude (812 m) and 0.0086° of longitude at 22.19° N (885 m): 1,201 m as the crow flies.
  it('orders by great-circle distance from the centre, whatever order the catalogue and the backend give', () => {
    const far = point('far', 22.1285, 113.5605);
    const near = point('near', 22.1985, 113.5497);
    const same = point('same', 22.1912, 113.5411);
    const views = pickupPointsNearestFirst(
      [far, near, same],
      [free('near', 1, 1, 1), free('same', 1, 1, 1), free('far', 1, 1, 1)],
      here,
      'small',
    );
    expect(views.map((v) => [v.pointId, v.distanceMetres])).toEqual([
      ['same', 0],
      ['near', 1201],
      ['far', 7253],
    ]);
  });

  it('shows a point without a free compartment of the item’s size, marked full; other sizes do not count', () => {
    const views = pickupPointsNearestFirst(
      [point('a', 22.19, 113.54), point('b', 22.2, 113.55)],
      [free('a', 5, 5, 0), free('b', 0, 0, 2)],
      here,
      'large',
    );
    expect(views.map((v) => [v.pointId, v.free, v.unavailable])).toEqual([
      ['a', 0, 'full'],
      ['b', 2, null],
    ]);
  });

  it('a point the availability answer does not mention is not offered', () => {
    const [view] = pickupPointsNearestFirst([point('a', 22.19, 113.54)], [], here, 'small');
    expect(view).toMatchObject({ pointId: 'a', free: 0, unavailable: 'full' });
  });

  it('without the centre’s position keeps the catalogue’s order and says no distance', () => {
    const views = pickupPointsNearestFirst(
      [point('z', 22.1, 113.5), point('a', 22.2, 113.6)],
      [free('z', 1, 1, 1), free('a', 1, 1, 1)],
      undefined,
      'small',
    );
    expect(views.map((v) => [v.pointId, v.distanceMetres])).toEqual([
      ['z', null],
      ['a', null],
    ]);
  });

  it('the seed: from China Plaza, China Plaza’s own point first; Fai Chi Kei is full for large items only', () => {
    const catalogue = catalogueOfSeed(seedCatalogue());
    const centre = catalogue.centres.find((c) => c.id === 'china-plaza');
    const availability = catalogue.lockerPoints.map((p) =>
      free(p.id, 1, 1, p.id === 'locker-fai-chi-kei' ? 0 : 1),
    );
    const large = pickupPointsNearestFirst(catalogue.lockerPoints, availability, centre, 'large');
    expect(large[0]?.pointId).toBe('locker-china-plaza');
    expect(large.find((v) => v.pointId === 'locker-fai-chi-kei')?.unavailable).toBe('full');
    const small = pickupPointsNearestFirst(catalogue.lockerPoints, availability, centre, 'small');
    expect(small.every((v) => v.unavailable === null)).toBe(true);
  });

  it('property: every point appears once, and distances never decrease down the list', () => {
    const position = fc.record({
      latitude: fc.double({ min: 22.1, max: 22.22, noNaN: true }),
      longitude: fc.double({ min: 113.52, max: 113.6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(position, { maxLength: 20 }), position, (positions, centre) => {
        const points = positions.map((p, i) => point(`p-${i}`, p.latitude, p.longitude));
        const views = pickupPointsNearestFirst(points, [], centre, 'medium');
        expect(new Set(views.map((v) => v.pointId)).size).toBe(points.length);
        const distances = views.map((v) => v.distanceMetres ?? -1);
        for (let i = 1; i < distances.length; i += 1)
          expect(distances[i]).toBeGreaterThanOrEqual(distances[i - 1] ?? 0);
      }),
    );
  });
});
