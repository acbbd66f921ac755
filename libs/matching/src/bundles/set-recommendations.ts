import { INELIGIBILITY_REASONS } from '../model/matching.types';
import type { BundleOfferFacts, BundlePartInput, MissingPart, MissingReason, OfferLinkInput, OfferSet, SetPart, SetReason, SetRecommendations, SetSearchOptions } from './bundle.types';
import { DEFAULT_SET_SEARCH } from './bundle.types';

/** A partial set after some parts: the offer chosen for each (null: left out). */
interface State {
  choices: (SetPart | null)[];
  uses: ReadonlyMap<string, number>;
  covered: number;
  score: number;
  groups: number;
  providers: number;
  key: string;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Connected groups of the offers through the links (union-find over a handful of offers). */
function countGroups(offerIds: readonly string[], links: readonly OfferLinkInput[]): number {
  const parent = new Map(offerIds.map((id) => [id, id]));
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at) as string;
    return at;
  };
  for (const link of links) {
    if (!parent.has(link.offerId) || !parent.has(link.partnerOfferId)) continue;
    const [a, b] = [root(link.offerId), root(link.partnerOfferId)];
    if (a !== b) parent.set(a, b);
  }
  return new Set(offerIds.map(root)).size;
}

const linksAmong = (offerIds: readonly string[], links: readonly OfferLinkInput[]): OfferLinkInput[] => {
  const inSet = new Set(offerIds);
  const seen = new Set<string>();
  const found: OfferLinkInput[] = [];
  for (const link of links) {
    if (!inSet.has(link.offerId) || !inSet.has(link.partnerOfferId) || link.offerId === link.partnerOfferId) continue;
    const [a, b] = [link.offerId, link.partnerOfferId].sort(compareText);
    if (seen.has(`${a}|${b}`)) continue;
    seen.add(`${a}|${b}`);
    found.push({ offerId: a, partnerOfferId: b });
  }
  return found.sort((x, y) => compareText(x.offerId, y.offerId) || compareText(x.partnerOfferId, y.partnerOfferId));
};

/** Best first: most parts served, fewest groups, fewest providers, highest score, then the offers' ids. */
const byPreference = (a: State, b: State): number =>
  b.covered - a.covered || a.groups - b.groups || a.providers - b.providers || b.score - a.score || compareText(a.key, b.key);

/**
 * Set recommendations for a bundle: one offer per category, each eligible for that category's
 * request (so each covers the shop), preferring sets whose offers declare integrations with each
 * other, then fewer providers, then the per-offer scores. An offer eligible for several categories
 * may serve them all, holding one place per part.
 *
 * The search is bounded: the best `perCategory` eligible offers of each part, extended part by
 * part (fewest candidates first) keeping the best `beamWidth` partial sets. With 5 candidates and
 * a beam of 256 this is exhaustive up to three parts; beyond, a set the beam dropped early may be
 * missed (`search.exhaustive` says which).
 */
export function recommendSets(
  parts: readonly BundlePartInput[],
  offers: readonly BundleOfferFacts[],
  links: readonly OfferLinkInput[],
  options: Partial<SetSearchOptions> & Pick<SetSearchOptions, 'room'>,
): SetRecommendations {
  const { perCategory, beamWidth, maxSets, room } = { ...DEFAULT_SET_SEARCH, ...options };
  const facts = new Map(offers.map((offer) => [offer.offerId, offer]));
  const candidates = parts.map((part) => part.explanation.ranked.filter((ranked) => facts.has(ranked.offerId)).slice(0, perCategory));
  const order = parts.map((_, i) => i).sort((a, b) => candidates[a].length - candidates[b].length || compareText(parts[a].category, parts[b].category));

  let beam: State[] = [{ choices: parts.map(() => null), uses: new Map(), covered: 0, score: 0, groups: 0, providers: 0, key: '' }];
  let explored = 0;
  let exhaustive = true;
  for (const index of order) {
    const next: State[] = [];
    for (const state of beam) {
      next.push(state);
      if (state.covered >= room) continue;
      for (const ranked of candidates[index]) {
        const offer = facts.get(ranked.offerId) as BundleOfferFacts;
        const used = state.uses.get(offer.offerId) ?? 0;
        if (used >= offer.seatsLeft) continue;
        const part: SetPart = { requestId: parts[index].requestId, category: parts[index].category, offerId: offer.offerId, providerId: offer.providerId, score: ranked.score };
        const choices = state.choices.map((choice, i) => (i === index ? part : choice));
        const chosen = choices.filter((choice): choice is SetPart => choice !== null);
        const offerIds = [...new Set(chosen.map((c) => c.offerId))].sort(compareText);
        next.push({
          choices,
          uses: new Map([...state.uses, [offer.offerId, used + 1]]),
          covered: state.covered + 1,
          score: state.score + ranked.score,
          groups: countGroups(offerIds, links),
          providers: new Set(chosen.map((c) => c.providerId)).size,
          key: choices.map((c) => c?.offerId ?? '-').join(','),
        });
      }
    }
    explored += next.length;
    next.sort(byPreference);
    if (next.length > beamWidth) exhaustive = false;
    beam = next.slice(0, beamWidth);
  }

  const toSet = (state: State): OfferSet => {
    const chosen = state.choices.filter((choice): choice is SetPart => choice !== null);
    const offerIds = [...new Set(chosen.map((c) => c.offerId))].sort(compareText);
    const setLinks = linksAmong(offerIds, links);
    const missing = parts.flatMap((part, i) => (state.choices[i] ? [] : [missingPart(part, candidates[i].length > 0, state.covered >= room)]));
    return {
      complete: missing.length === 0,
      parts: chosen,
      missing,
      offerIds,
      providerCount: state.providers,
      groups: state.groups,
      links: setLinks,
      // A sum of scores kept to six decimals, as each is: 95.333333, not 95.33333300000001.
      score: Math.round(state.score * 1e6) / 1e6,
      why: reasonsFor(offerIds.length, state.providers, state.groups, setLinks.length),
    };
  };
  const complete = beam.filter((state) => state.covered === parts.length).slice(0, maxSets).map(toSet);
  return {
    sets: complete,
    bestPartial: complete.length === 0 && beam.length > 0 ? toSet(beam[0]) : null,
    search: { candidatesPerPart: candidates.map((list) => list.length), statesExplored: explored, exhaustive },
  };
}

function reasonsFor(offers: number, providers: number, groups: number, links: number): SetReason[] {
  if (offers === 0) return [];
  if (offers === 1) return ['SINGLE_OFFER'];
  const why: SetReason[] = [];
  if (groups === 1) why.push('ALL_INTEGRATED');
  else if (links > 0) why.push('PARTLY_INTEGRATED');
  if (providers === 1) why.push('SINGLE_PROVIDER');
  if (why.length === 0) why.push('BEST_SCORES');
  return why;
}

/**
 * Why a part is left out. With eligible offers it was the set's own limits: their places taken by
 * the set's other parts (FULL) or the shop's room for live matches (SHOP_LIMIT). Otherwise the
 * rules its closest candidates of the category fail: full ones first (it may wait for them), else
 * offers it refused only (REFUSED), else those failing the fewest rules, else no offer of the
 * category is a candidate at all.
 */
function missingPart(part: BundlePartInput, hadEligible: boolean, noRoom: boolean): MissingPart {
  const { explanation } = part;
  const waitlistOfferIds = explanation.waitlist.map((ranked) => ranked.offerId);
  const base = { requestId: part.requestId, category: part.category, waitlistOfferIds };
  if (hadEligible) return { ...base, reasons: [noRoom ? 'SHOP_LIMIT' : 'FULL'] };
  if (waitlistOfferIds.length > 0) return { ...base, reasons: ['FULL'] };
  // The offers that would serve it are ones the request refused: asking one of them again is the way, not a rule it fails.
  if (part.refusedOfferIds?.length) return { ...base, reasons: ['REFUSED'] };
  // An offer of other categories is no candidate for this one.
  const near = explanation.ineligible.filter((offer) => !offer.failed.includes('CATEGORY'));
  if (near.length === 0) return { ...base, reasons: ['NO_CANDIDATE'] };
  const fewest = Math.min(...near.map((offer) => offer.failed.length));
  const failed = new Set(near.filter((offer) => offer.failed.length === fewest).flatMap((offer) => offer.failed));
  const reasons: MissingReason[] = INELIGIBILITY_REASONS.filter((reason) => failed.has(reason));
  return { ...base, reasons };
}
