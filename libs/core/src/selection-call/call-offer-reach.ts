import { offerCovers, type MatchingOffer, type ShopLocation } from '@vec/matching';
import { divisionsOfSection } from '../shop/registry/ateco';

/** The sectors a call or an offer takes: section letters and divisions, either one qualifying; none listed, every sector. */
export interface TakenSectors {
  sections: readonly string[];
  divisions: readonly string[];
}

export enum CallReachProblem {
  /** No comune of the call's territory lies inside the offer's coverage. */
  OUTSIDE_TERRITORY = 'OUTSIDE_TERRITORY',
  /** No sector the call takes is one the offer takes. */
  OTHER_SECTORS = 'OTHER_SECTORS',
}

/**
 * Whether an offer could give a place to anyone the call accepts. A call gives its places only on
 * offers that reach the applicant by their own coverage and sectors (see `offerReach`), so an
 * offer that reaches no comune of the call's territory, or none of its sectors, could only leave
 * every applicant on the reserve list.
 *
 * `territory`: the comuni the call is open to, each at its centre; null when it is open to all of
 * Italy (every offer covers somewhere in Italy).
 */
export function callReachProblem(offer: MatchingOffer, territory: readonly ShopLocation[] | null, callSectors: TakenSectors): CallReachProblem | null {
  if (territory !== null && !territory.some(offerCovers(offer))) return CallReachProblem.OUTSIDE_TERRITORY;
  const offerDivisions = divisionsTaken(offer.eligibleSectors ?? { sections: [], divisions: [] });
  const callDivisions = divisionsTaken(callSectors);
  if (offerDivisions && callDivisions && ![...callDivisions].some((division) => offerDivisions.has(division))) return CallReachProblem.OTHER_SECTORS;
  return null;
}

/** The divisions a list of sectors takes, its sections' included; null for every sector. */
function divisionsTaken({ sections, divisions }: TakenSectors): Set<string> | null {
  if (sections.length === 0 && divisions.length === 0) return null;
  return new Set([...sections.flatMap((section) => divisionsOfSection(section).map((division) => division.code)), ...divisions]);
}
