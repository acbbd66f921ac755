import { ATECO_SECTIONS, AtecoSection, MatchingOffer, MatchingRequest, SectorFilter } from '@vec/matching';

/**
 * Keeps an allocation from giving a request an offer it refused, by rewriting the engine's input:
 * the engine takes no per-pair exclusions (see docs/product.md, "No re-match").
 *
 * A request with refusals gets a division of its own (a token no real division equals) and keeps
 * its section. The offers' sector filters are then rewritten so that each answers the sector rule
 * exactly as before for every request, except that an offer no longer accepts a request that
 * refused it:
 * - an offer refused by a request it accepted through the request's section stops listing that
 *   section (or stops being open to every sector) and lists instead the divisions of the other
 *   requests of that section, and the tokens of the other tokened ones it accepted;
 * - an offer that accepts a tokened request through its division only lists the token too.
 * Sectors weigh nothing else in an allocation (neither its cost nor the shops' limits), so the
 * engine answers as it would if it knew the refusals. Should a division appear under two sections
 * among the requests (rows written before sectors were checked), the requests that listing it
 * would let in get tokens too, until none would.
 */
export function withoutRefusedPairs(
  requests: readonly MatchingRequest[],
  offers: readonly MatchingOffer[],
  refused: ReadonlyMap<string, ReadonlySet<string>>,
): { requests: MatchingRequest[]; offers: MatchingOffer[] } {
  const offerById = new Map(offers.map((offer) => [offer.id, offer]));
  const refuses = (request: MatchingRequest, offer: MatchingOffer): boolean => refused.get(request.id)?.has(offer.id) === true && accepts(offer.eligibleSectors, request);
  const tokened = new Set(
    requests.filter((request) => [...(refused.get(request.id) ?? [])].some((id) => offerById.has(id) && refuses(request, offerById.get(id) as MatchingOffer))),
  );
  if (tokened.size === 0) return { requests: [...requests], offers: [...offers] };

  for (;;) {
    const plain = requests.filter((request) => !tokened.has(request));
    const divisionsOf = groupBy(plain, (r) => r.sector.section, (r) => r.sector.division);
    const byPair = groupBy(plain, (r) => `${r.sector.section}|${r.sector.division}`, (r) => r);
    const sectionsOf = groupBy(plain, (r) => r.sector.division, (r) => r.sector.section);
    const filters = new Map<string, SectorFilter | null>();
    const stray = new Set<MatchingRequest>();
    for (const offer of offers) {
      const filter = rewrite(offer, [...tokened], divisionsOf);
      if (filter === undefined) continue;
      filters.set(offer.id, filter);
      if (filter === null) continue;
      // A division listed now for requests of a dropped section must not let in a request of another section.
      for (const division of filter.divisions) {
        for (const section of sectionsOf.get(division) ?? []) {
          if (filter.sections.includes(section as AtecoSection)) continue;
          for (const request of byPair.get(`${section}|${division}`) ?? []) if (!accepts(offer.eligibleSectors, request)) stray.add(request);
        }
      }
    }
    if (stray.size === 0) {
      return {
        requests: requests.map((request) => (tokened.has(request) ? { ...request, sector: { section: request.sector.section, division: tokenOf(request) } } : request)),
        offers: offers.map((offer) => (filters.has(offer.id) ? { ...offer, eligibleSectors: filters.get(offer.id) ?? null } : offer)),
      };
    }
    for (const request of stray) tokened.add(request);
  }

  /** The offer's new filter; undefined when it can stay as it is. */
  function rewrite(offer: MatchingOffer, tokenedRequests: readonly MatchingRequest[], divisionsOf: ReadonlyMap<string, ReadonlySet<string>>): SectorFilter | null | undefined {
    const accepted = offer.eligibleSectors;
    const sections = new Set<AtecoSection>(accepted?.sections ?? ATECO_SECTIONS);
    const dropped = new Set(tokenedRequests.filter((request) => refuses(request, offer) && sections.has(request.sector.section)).map((r) => r.sector.section));
    const kept = tokenedRequests.filter((request) => accepts(accepted, request) && !refuses(request, offer));
    const needsToken = kept.filter((request) => dropped.has(request.sector.section) || (accepted !== null && !accepted.sections.includes(request.sector.section)));
    if (dropped.size === 0 && needsToken.length === 0) return undefined;
    for (const section of dropped) sections.delete(section);
    const divisions = new Set(accepted?.divisions ?? []);
    // The other requests of a dropped section were accepted through it: they keep the offer through their division.
    for (const section of dropped) for (const division of divisionsOf.get(section) ?? []) divisions.add(division);
    for (const request of needsToken) divisions.add(tokenOf(request));
    return { sections: [...sections].sort(), divisions: [...divisions].sort() };
  }
}

/** The engine's sector rule on the request's own sector. */
function accepts(filter: SectorFilter | null, request: MatchingRequest): boolean {
  return filter === null || filter.sections.includes(request.sector.section) || filter.divisions.includes(request.sector.division);
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, Set<V>> {
  const groups = new Map<string, Set<V>>();
  for (const item of items) {
    const k = key(item);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = new Set()));
    group.add(value(item));
  }
  return groups;
}

/** A division no real one equals: ATECO divisions are two digits. */
const tokenOf = (request: MatchingRequest): string => `refused:${request.id}`;
