import { CompiledOffer } from '../../eligibility/compiled-offer';
import { RadiusArea, ShopLocation } from '../../model/matching.types';
import { ServiceCategory } from '../../service-category';

/**
 * Finds, for a shop and a category, the offers that MIGHT cover it, without looking at the
 * others: a national request set is millions of pairs of which a few percent are eligible.
 * It only narrows the search; the exact rules (compiled-offer.ts) still decide every pair,
 * so the index may return extra candidates but must never miss one.
 */
export class OfferIndex {
  private readonly byCategory = new Map<ServiceCategory, CategoryBucket>();
  private readonly stamp: Int32Array;
  private stampValue = 0;

  constructor(private readonly offers: readonly CompiledOffer[]) {
    this.stamp = new Int32Array(offers.length);
    offers.forEach((offer, index) => {
      for (const category of offer.categories) {
        let bucket = this.byCategory.get(category);
        if (!bucket) {
          bucket = new CategoryBucket();
          this.byCategory.set(category, bucket);
        }
        bucket.add(offer, index);
      }
    });
  }

  /** Calls `visit` once per candidate offer index, in no particular order. */
  forEachCandidate(category: ServiceCategory, location: ShopLocation, visit: (offerIndex: number) => void): void {
    const bucket = this.byCategory.get(category);
    if (!bucket) return;
    // A fresh stamp per query de-duplicates offers reached through several areas without clearing.
    const stamp = ++this.stampValue;
    const seen = this.stamp;
    const emit = (list: readonly number[] | undefined): void => {
      if (!list) return;
      for (const index of list) {
        if (seen[index] !== stamp) {
          seen[index] = stamp;
          visit(index);
        }
      }
    };
    emit(bucket.everywhere);
    emit(bucket.byRegion.get(location.regionCode));
    emit(bucket.byProvince.get(location.provinceCode));
    emit(bucket.byComune.get(location.comuneCode));
    emit(bucket.byCell.get(cellKey(latCell(location.latitude), lonCell(location.longitude))));
  }

  /**
   * Requests with the same key get the same candidates (the index looks at nothing else), so a
   * caller can compute a candidate list once per key.
   */
  candidateKey(category: ServiceCategory, location: ShopLocation): string {
    const cell = cellKey(latCell(location.latitude), lonCell(location.longitude));
    return `${category}|${location.regionCode}|${location.provinceCode}|${location.comuneCode}|${cell}`;
  }

  get size(): number {
    return this.offers.length;
  }
}

/** Grid of half-degree cells (≈ 55 km × 40 km in Italy) for radius areas. */
const CELL_DEG = 0.5;
const LON_CELLS = 720;
const latCell = (latitude: number): number => Math.floor((latitude + 90) / CELL_DEG);
const lonCell = (longitude: number): number => Math.floor((longitude + 180) / CELL_DEG);
const cellKey = (lat: number, lon: number): number => lat * LON_CELLS + lon;

const EARTH_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;
/** Rounding slack, in degrees, so that a point exactly on a circle is never left out. */
const SLACK_DEG = 1e-6;
/** Circles spanning more cells than this are cheaper to check against every request. */
const MAX_CELLS_PER_CIRCLE = 400;

class CategoryBucket {
  readonly everywhere: number[] = [];
  readonly byRegion = new Map<string, number[]>();
  readonly byProvince = new Map<string, number[]>();
  readonly byComune = new Map<string, number[]>();
  readonly byCell = new Map<number, number[]>();

  add(offer: CompiledOffer, index: number): void {
    const coverage = offer.offer.coverage;
    if (coverage.national) {
      this.everywhere.push(index);
      return;
    }
    for (const code of offer.regionCodes) push(this.byRegion, code, index);
    for (const code of offer.provinceCodes) push(this.byProvince, code, index);
    for (const code of offer.comuneCodes) push(this.byComune, code, index);
    const cells = new Set<number>();
    for (const area of coverage.radii) {
      if (!addCircleCells(area, cells)) {
        this.everywhere.push(index);
        return;
      }
    }
    for (const cell of cells) push(this.byCell, cell, index);
  }
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/**
 * Adds every cell the circle can touch. The bounding box is derived from the haversine formula
 * itself: Δφ ≤ d/R, and sin(Δλ/2) ≤ sin(d/2R) / cos φ at the band's widest latitude.
 * Returns false when the box is not worth enumerating (huge circle, poles, antimeridian).
 */
function addCircleCells(area: RadiusArea, cells: Set<number>): boolean {
  if (!(area.km >= 0)) return true; // NaN or negative radius covers nobody
  const dLat = area.km / (EARTH_RADIUS_KM * DEG) + SLACK_DEG;
  const minLat = area.latitude - dLat;
  const maxLat = area.latitude + dLat;
  if (minLat <= -89 || maxLat >= 89) return false;
  const cosMin = Math.cos(Math.max(Math.abs(minLat), Math.abs(maxLat)) * DEG);
  const s = Math.sin(area.km / (2 * EARTH_RADIUS_KM)) / cosMin;
  if (s >= 1) return false;
  const dLon = (2 * Math.asin(s)) / DEG + SLACK_DEG;
  const minLon = area.longitude - dLon;
  const maxLon = area.longitude + dLon;
  if (minLon < -180 || maxLon >= 180) return false;
  const lat0 = latCell(minLat);
  const lat1 = latCell(maxLat);
  const lon0 = lonCell(minLon);
  const lon1 = lonCell(maxLon);
  if ((lat1 - lat0 + 1) * (lon1 - lon0 + 1) > MAX_CELLS_PER_CIRCLE) return false;
  for (let la = lat0; la <= lat1; la++) {
    for (let lo = lon0; lo <= lon1; lo++) cells.add(cellKey(la, lo));
  }
  return true;
}
