import { InstanceSpec } from './instance-generator';

/**
 * The benchmark's instances, by family. Capacity is 60% of demand everywhere (scarce, as in the
 * field); coverage shares are tuned so that each instance has the number of eligible offers per
 * request in its name.
 *
 * - mixed: small enough for the LP reference (HiGHS);
 * - local / contested / large: mostly local offers, few exact ties;
 * - tie-heavy: many national and regional offers, so that a request has 50–150 eligible offers
 *   and dozens of them cost exactly the same, capacities from 1 to 500 (about half of 1) and shop
 *   limits that bind (shops ask for up to four services, K = 2), at three sizes on the same
 *   1,500 offers;
 * - national programme: a national call where a fifth of the offers cover all of Italy;
 * - growth: the large instance's density on 1% and 10% of the population, for the growth
 *   exponent from 10k to 1M requests (with the large instance as the last point).
 */
export interface BenchmarkInstance {
  spec: InstanceSpec;
  family: 'mixed' | 'local' | 'contested' | 'large' | 'tie-heavy' | 'national programme' | 'growth';
  /** Solve the LP with HiGHS as well (only where it finishes in seconds). */
  highs?: boolean;
  /** Check the cost against the independent min-cost-flow oracle (where it finishes in seconds). */
  oracle?: boolean;
}

const LARGE: InstanceSpec = {
  name: '1M x 10k, ~7 options',
  requests: 1_000_000,
  offers: 10_000,
  seed: 3,
  national: 0,
  regional: 0,
  provincial: 0.005,
  radius: 0.1,
  radiusKm: [5, 12],
  capacityRatio: 0.6,
  nearbyShare: 0.05,
};

const TIE_HEAVY: Omit<InstanceSpec, 'name' | 'requests'> = {
  offers: 1_500,
  seed: 5,
  national: 0.25,
  regional: 0.35,
  provincial: 0.15,
  radius: 0.15,
  radiusKm: [20, 80],
  capacityRatio: 0.6,
  capacityShape: 'heavy-tailed',
  asksPerShop: [40, 30, 20, 10],
  maxLiveMatchesPerShop: 2,
};

export const BENCHMARK_INSTANCES: readonly BenchmarkInstance[] = [
  {
    family: 'mixed',
    highs: true,
    oracle: true,
    spec: { name: '20k x 500, ~3 options', requests: 20_000, offers: 500, seed: 1, national: 0.02, regional: 0.08, provincial: 0.2, radius: 0.3, radiusKm: [10, 40], capacityRatio: 0.6 },
  },
  {
    family: 'local',
    spec: { name: '200k x 5k, ~3 options', requests: 200_000, offers: 5_000, seed: 2, national: 0, regional: 0, provincial: 0, radius: 0.05, radiusKm: [4, 8], capacityRatio: 0.6, nearbyShare: 0.02 },
  },
  {
    family: 'contested',
    spec: { name: '200k x 5k, ~25 options', requests: 200_000, offers: 5_000, seed: 2, national: 0.013, regional: 0.075, provincial: 0.29, radius: 0.3, radiusKm: [10, 45], capacityRatio: 0.6 },
  },
  { family: 'large', spec: LARGE },
  { family: 'tie-heavy', oracle: true, spec: { ...TIE_HEAVY, name: 'tie-heavy 7.5k x 1.5k', requests: 7_500 } },
  { family: 'tie-heavy', oracle: true, spec: { ...TIE_HEAVY, name: 'tie-heavy 19k x 1.5k', requests: 19_000 } },
  { family: 'tie-heavy', spec: { ...TIE_HEAVY, name: 'tie-heavy 37.5k x 1.5k', requests: 37_500 } },
  {
    family: 'national programme',
    spec: {
      name: 'national programme 300k x 2k',
      requests: 300_000,
      offers: 2_000,
      seed: 7,
      national: 0.22,
      regional: 0.25,
      provincial: 0.2,
      radius: 0.15,
      radiusKm: [20, 80],
      capacityRatio: 0.6,
      capacityShape: 'heavy-tailed',
    },
  },
  // Florence and its surroundings (1%), then the north-west (10%): the density of the whole.
  { family: 'growth', spec: { ...LARGE, name: 'growth 10k x 100', requests: 10_000, offers: 100, territoryShare: 0.01, territoryFrom: '048' } },
  { family: 'growth', spec: { ...LARGE, name: 'growth 100k x 1k', requests: 100_000, offers: 1_000, territoryShare: 0.1 } },
];

/** A small instance each solver runs before it is timed, so that timings are of compiled code. */
export const WARM_UP_SPEC: InstanceSpec = { ...BENCHMARK_INSTANCES[0].spec, name: 'warm-up', requests: 5_000, offers: 150, seed: 99 };
