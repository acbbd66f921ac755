import { compileOffer, matchCoverage, sectorEligible, type CoverageMatch } from '../eligibility/compiled-offer';
import type { AtecoSector, MatchingOffer, ShopLocation } from '../model/matching.types';
import { round6 } from '../ranking/rank';

/** A shop as an offer's own rules see it: where it is and what it does. */
export interface ReachedShop {
  location: ShopLocation;
  sector: AtecoSector;
}

/**
 * Whether an offer can serve a shop at all, by its own rules (matching rules 2 and 3): the shop's
 * place inside its coverage, and its sector among those it takes. A call gives places only on
 * offers that reach the applicant: a call's territory or sectors do not widen an offer's.
 */
export function offerReach(offer: MatchingOffer): (shop: ReachedShop) => boolean {
  const reachOf = offerReachLevel(offer);
  return (shop) => reachOf(shop) !== null;
}

/**
 * How an offer reaches a shop by its own rules, as a place it gives is recorded: the most local
 * level of its coverage that takes the shop's place, with the distance for a radius; null when
 * it does not reach the shop at all (see `offerReach`).
 */
export function offerReachLevel(offer: MatchingOffer): (shop: ReachedShop) => CoverageMatch | null {
  const compiled = compileOffer(offer);
  return (shop) => {
    const match = sectorEligible(shop.sector, compiled) ? matchCoverage(shop.location, compiled) : null;
    // The distance kept as the ranking keeps it.
    return match && { level: match.level, distanceKm: round6(match.distanceKm) };
  };
}

/** Whether an offer's coverage takes a place, whatever the shop there does (matching rule 2 alone). */
export function offerCovers(offer: MatchingOffer): (location: ShopLocation) => boolean {
  const compiled = compileOffer(offer);
  return (location) => matchCoverage(location, compiled) !== null;
}
