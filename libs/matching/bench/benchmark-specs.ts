import { InstanceSpec } from './instance-generator';

/**
 * The benchmark's instances. Capacity is 60% of demand everywhere (scarce, as in the field);
 * coverage shares are tuned so that each instance has the number of eligible offers per request
 * in its name. The 20k instance is small enough for the LP reference.
 */
export const BENCHMARK_SPECS: readonly InstanceSpec[] = [
  { name: '20k x 500, ~3 options', requests: 20_000, offers: 500, seed: 1, national: 0.02, regional: 0.08, provincial: 0.2, radius: 0.3, radiusKm: [10, 40], capacityRatio: 0.6 },
  { name: '200k x 5k, ~3 options', requests: 200_000, offers: 5_000, seed: 2, national: 0, regional: 0, provincial: 0, radius: 0.05, radiusKm: [4, 8], capacityRatio: 0.6, nearbyShare: 0.02 },
  { name: '200k x 5k, ~25 options', requests: 200_000, offers: 5_000, seed: 2, national: 0.013, regional: 0.075, provincial: 0.29, radius: 0.3, radiusKm: [10, 45], capacityRatio: 0.6 },
  { name: '1M x 10k, ~7 options', requests: 1_000_000, offers: 10_000, seed: 3, national: 0, regional: 0, provincial: 0.005, radius: 0.1, radiusKm: [5, 12], capacityRatio: 0.6, nearbyShare: 0.05 },
];

/** A small instance each solver runs once before it is timed, so that timings are of compiled code. */
export const WARM_UP_SPEC: InstanceSpec = { ...BENCHMARK_SPECS[0], name: 'warm-up', requests: 5_000, offers: 150, seed: 99 };
