/** A place on the map, WGS 84 degrees (the catalogue's centres and Smart Locker points). */
export interface MapPosition {
  latitude: number;
  longitude: number;
}

const earthRadiusMetres = 6_371_000;

/**
 * Great-circle distance (haversine) in whole metres: enough to sort Macau's locker points by how far they are from
 * a centre (a few kilometres apart), not to navigate.
 */
export function greatCircleMetres(a: MapPosition, b: MapPosition): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * earthRadiusMetres * Math.asin(Math.sqrt(h)));
}
