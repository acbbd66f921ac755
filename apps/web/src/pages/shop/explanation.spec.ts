import type { RankedOfferFieldsFragment } from '../../gql/generated';
import { explain, maximumScore } from './explanation';

type Ranked = Pick<RankedOfferFieldsFragment, 'coverageLevel' | 'distanceKm' | 'seatsLeft' | 'components'>;

const component = (name: Ranked['components'][number]['name'], raw: number, weight: number, contribution: number) => ({
  __typename: 'ScoreComponent' as const,
  name,
  raw,
  value: contribution / weight,
  weight,
  contribution,
});

describe('the explanation of a ranked offer', () => {
  it('tells each term in words, strongest first, with the distance said together with a radius coverage', () => {
    const ranked: Ranked = {
      coverageLevel: 'RADIUS',
      distanceKm: 12.345,
      seatsLeft: 3,
      components: [
        component('COVERAGE', 1, 40, 30),
        component('DISTANCE', 12.345, 20, 8.6),
        component('CATEGORY_FIT', 2, 15, 7.5),
        component('FREE_PERIOD', 12, 15, 7.5),
        component('REMAINING_CAPACITY', 3, 10, 2),
      ],
    };
    expect(explain(ranked)).toEqual([
      { key: 'coverage', level: 'RADIUS', km: 12.3 },
      { key: 'categoryFit', categories: 2 },
      { key: 'freePeriod', months: 12 },
      { key: 'seatsLeft', seats: 3 },
    ]);
    expect(maximumScore(ranked)).toBe(100);
  });

  it('puts a long free period before a national coverage that adds nothing', () => {
    const ranked: Ranked = {
      coverageLevel: 'NATIONAL',
      distanceKm: 0,
      seatsLeft: 0,
      components: [
        component('COVERAGE', 4, 40, 0),
        component('DISTANCE', 0, 20, 0),
        component('CATEGORY_FIT', 1, 15, 15),
        component('FREE_PERIOD', 24, 15, 15),
        component('REMAINING_CAPACITY', 0, 10, 0),
      ],
    };
    expect(explain(ranked).map((reason) => reason.key)).toEqual(['categoryFit', 'freePeriod', 'coverage', 'seatsLeft']);
  });
});
