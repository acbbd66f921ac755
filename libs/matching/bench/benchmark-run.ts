import { loadItalianTerritory, Territory } from '@vec/territory';
import { allocate } from '../src/allocation/allocate';
import { resolveCostWeights } from '../src/allocation/allocation-cost';
import { AllocationNetwork, buildAllocationNetwork } from '../src/allocation/allocation-network';
import { solveAllocation } from '../src/allocation/allocation-solver';
import { checkOptimality } from '../src/allocation/optimality-certificate';
import { loadHighs, referenceOptimum } from '../src/testing/highs-reference';
import { BENCHMARK_SPECS, WARM_UP_SPEC } from './benchmark-specs';
import { firstComeFirstServed } from './first-come-first-served';
import { generateInstance, Instance, InstanceSpec } from './instance-generator';
import { maxFlowReference } from './max-flow-reference';

/**
 * One side of one benchmark instance, run in its own process so that its peak memory is its
 * own: `engine` (the allocator) or `reference` (max flow, first come first served, and HiGHS on
 * instances small enough). Each solver first runs WARM_UP_RUNS times on a small instance, so
 * that what is timed is optimised code (V8 takes a dozen runs to get there); the engine and the max flow are then timed REPEATS times on instances
 * up to 200k requests (the median is reported) and once above. HiGHS runs once. Prints one JSON
 * line.
 */
const WARM_UP_RUNS = 12;
const repeats = (spec: InstanceSpec): number => (spec.requests <= 200_000 ? 3 : 1);

/** Median time of `runs` calls of f (runs ≥ 1), and the last result. */
function timed<T>(runs: number, f: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let started = performance.now();
  let result = f();
  times.push(performance.now() - started);
  for (let i = 1; i < runs; i++) {
    started = performance.now();
    result = f();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

export interface EngineRun {
  eligiblePerRequest: number;
  networkMs: number;
  solveMs: number;
  allocateMs: number;
  /** Resident set size before allocate() and its peak, MB. */
  rssBeforeMb: number;
  peakRssMb: number;
  served: number;
  totalCost: number;
  certified: boolean;
  rounds: number;
}

export interface ReferenceRun {
  networkMs: number;
  maxFlowMs: number;
  maxFlowServed: number;
  fcfsServed: number;
  highs: { served: number; totalCost: number; solveMs: number } | null;
}

const weights = resolveCostWeights(undefined);
const network = (instance: Instance): AllocationNetwork => buildAllocationNetwork(instance.requests, instance.offers, instance.context, weights);

function runEngine(territory: Territory, spec: InstanceSpec): EngineRun {
  const warmUp = generateInstance(territory, WARM_UP_SPEC);
  for (let i = 0; i < WARM_UP_RUNS; i++) allocate(warmUp.requests, warmUp.offers, warmUp.context);

  const instance = generateInstance(territory, spec);
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  let started = performance.now();
  const result = allocate(instance.requests, instance.offers, instance.context);
  const allocateMs = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  started = performance.now();
  const net = network(instance);
  const networkMs = performance.now() - started;
  const { ms: solveMs, result: solution } = timed(repeats(spec), () => solveAllocation(net));
  let served = 0;
  let totalCost = 0;
  for (const e of solution.assignedEdge) {
    if (e < 0) continue;
    served++;
    totalCost += net.edgeCost[e];
  }
  if (served !== result.served || totalCost !== result.totalCost) throw new Error('allocate() and the timed solve disagree');
  let eligible = 0;
  for (const count of net.eligibleCount) eligible += count;
  return {
    eligiblePerRequest: eligible / spec.requests,
    networkMs,
    solveMs,
    allocateMs,
    rssBeforeMb,
    peakRssMb,
    served,
    totalCost,
    certified: checkOptimality(net, solution).length === 0,
    rounds: solution.stats.rounds,
  };
}

async function runReference(territory: Territory, spec: InstanceSpec, withHighs: boolean): Promise<ReferenceRun> {
  const warmUp = network(generateInstance(territory, WARM_UP_SPEC));
  for (let i = 0; i < WARM_UP_RUNS; i++) maxFlowReference(warmUp);
  const instance = generateInstance(territory, spec);
  const started = performance.now();
  const net = network(instance);
  const networkMs = performance.now() - started;
  const { ms: maxFlowMs, result: maxFlow } = timed(repeats(spec), () => maxFlowReference(net));
  const fcfsServed = firstComeFirstServed(net);
  let highs: ReferenceRun['highs'] = null;
  if (withHighs) {
    // The LP gets the very same candidate edges and costs (the unit tests check those edges
    // against the public eligibility rules by brute force, which would take minutes here).
    const edges: { request: number; offer: number; cost: number }[] = [];
    for (let r = 0; r < net.requests.length; r++) {
      for (let e = net.edgeStart[r]; e < net.edgeStart[r + 1]; e++) edges.push({ request: r, offer: net.edgeOffer[e], cost: net.edgeCost[e] });
    }
    const optimum = referenceOptimum(await loadHighs(), net.requests, net.offers, instance.context, weights, edges);
    highs = { served: optimum.served, totalCost: optimum.totalCost, solveMs: optimum.solveMs };
  }
  return { networkMs, maxFlowMs, maxFlowServed: maxFlow.served, fcfsServed, highs };
}

async function main(): Promise<void> {
  const [mode, index] = process.argv.slice(2);
  const spec = BENCHMARK_SPECS[Number(index)];
  if (spec === undefined || (mode !== 'engine' && mode !== 'reference')) throw new Error('usage: benchmark-run engine|reference <instance index>');
  const territory = loadItalianTerritory();
  const run = mode === 'engine' ? runEngine(territory, spec) : await runReference(territory, spec, Number(index) === 0);
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

void main();
