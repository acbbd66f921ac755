import { distanceKm, type GeoPoint } from '@vec/territory';

/**
 * How far the centre of a radius drawn around a point may lie from the nearest comune's
 * coordinates. Italy's comuni are close together (about 7,900 seats, on average a few km
 * apart); no point of a comune's land is 40 km from every seat (Roma's farthest corner is about
 * 30 km from its own), the limit shops' own points have from their comune. So every point in Italy
 * and its coastal waters passes, and a point in the Gulf of Guinea, Paris or Tunisia does not.
 * Near the land borders (Ticino, Nice, Istria) and around San Marino and the Vatican a centre a
 * little outside Italy passes too: its circle still reaches Italian comuni.
 */
export const MAX_KM_FROM_NEAREST_COMUNE = 40;

/** The comune whose coordinates are nearest the point, and how far they are (km); undefined with no comuni. */
export function nearestComune<T extends GeoPoint>(point: GeoPoint, comuni: readonly T[]): { comune: T; km: number } | undefined {
  let best: { comune: T; km: number } | undefined;
  for (const comune of comuni) {
    // One degree of latitude is about 111 km: a comune farther north or south than the best so far cannot be nearer.
    if (best && Math.abs(comune.latitude - point.latitude) * 111 > best.km) continue;
    const km = distanceKm(point, comune);
    if (!best || km < best.km) best = { comune, km };
  }
  return best;
}

/** A centre not in Italy: the nearest comune and its distance; null when the centre is close enough to one. */
export function centreOutsideItaly<T extends GeoPoint>(point: GeoPoint, comuni: readonly T[]): { comune: T; km: number } | null {
  const nearest = nearestComune(point, comuni);
  if (!nearest) return null;
  return nearest.km > MAX_KM_FROM_NEAREST_COMUNE ? nearest : null;
}
