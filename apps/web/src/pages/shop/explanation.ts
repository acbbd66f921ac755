// Why an offer fits, in plain words: one sentence per term of its score, strongest first, from the
// measured facts the API returns with it (coverage level, km, months, places, categories).
import type { CoverageLevel, RankedOfferFieldsFragment, ScoreComponentName } from '../../gql/generated';

export type Reason =
  | { key: 'coverage'; level: CoverageLevel; km: number }
  | { key: 'categoryFit'; categories: number }
  | { key: 'freePeriod'; months: number }
  | { key: 'seatsLeft'; seats: number };

type Ranked = Pick<RankedOfferFieldsFragment, 'coverageLevel' | 'distanceKm' | 'seatsLeft' | 'components'>;

const rounded = (km: number): number => Math.round(km * 10) / 10;

function reasonFor(name: ScoreComponentName, raw: number, ranked: Ranked): Reason | null {
  switch (name) {
    case 'COVERAGE':
      return { key: 'coverage', level: ranked.coverageLevel, km: rounded(ranked.distanceKm) };
    case 'DISTANCE':
      // Said with the coverage: only a radius has a distance worth telling.
      return null;
    case 'CATEGORY_FIT':
      return { key: 'categoryFit', categories: raw };
    case 'FREE_PERIOD':
      return { key: 'freePeriod', months: raw };
    case 'REMAINING_CAPACITY':
      return { key: 'seatsLeft', seats: ranked.seatsLeft };
  }
}

/** The reasons, the term that adds most to the score first (ties in the API's order). */
export function explain(ranked: Ranked): Reason[] {
  const terms = ranked.components.map((component, index) => ({ component, index }));
  // Coverage and distance read as one sentence, which weighs what the two add together.
  const weight = (name: ScoreComponentName, contribution: number): number =>
    name === 'COVERAGE' ? contribution + (ranked.components.find((c) => c.name === 'DISTANCE')?.contribution ?? 0) : contribution;
  return terms
    .sort((a, b) => weight(b.component.name, b.component.contribution) - weight(a.component.name, a.component.contribution) || a.index - b.index)
    .flatMap(({ component }) => reasonFor(component.name, component.raw, ranked) ?? []);
}

/** The most the score can reach: the sum of the weights (100 with the default weights). */
export const maximumScore = (ranked: Ranked): number => ranked.components.reduce((sum, c) => sum + c.weight, 0);
