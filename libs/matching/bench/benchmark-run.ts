import { GCProfiler } from 'node:v8';
import { loadItalianTerritory, Territory } from '@vec/territory';
import { allocate } from '../src/allocation/allocate';
import { resolveCostWeights } from '../src/allocation/allocation-cost';
import { AllocationNetwork, buildAllocationNetwork } from '../src/allocation/network/allocation-network';
import { solveAllocation } from '../src/allocation/allocation-solver';
import { checkOptimality } from '../src/allocation/certificate/optimality-certificate';
import { loadHighs, referenceOptimum } from '../src/testing/highs-reference';
import { minCostFlowOracle } from '../src/testing/min-cost-flow-oracle';
import { BENCHMARK_INSTANCES, BenchmarkInstance, WARM_UP_SPEC } from './benchmark-specs';
import { cpuMs, interleaved } from './cpu-time';
import { firstComeFirstServed } from './first-come-first-served';
import { generateInstance, Instance } from './instance-generator';
import { maxFlowReference } from './max-flow-reference';

/**
 * One side of one benchmark instance, run in its own process: `engine` (allocate() end to end,
 * cold, with its peak memory; then the engine's solve and the plain maximum flow timed side by
 * side on the same network) or `reference` (first come first served, the maximum flow's count,
 * HiGHS and the min-cost-flow oracle where flagged). Times are CPU time of the process (user +
 * system), so that other work on the machine does not count against either side, and the engine
 * and the max flow alternate run by run, so that both meet the same load and the same garbage.
 * Both first run WARM_UP_RUNS times on a small instance, then a few untimed rounds on the
 * instance itself (V8 keeps optimising for the first runs on a new size), so that what is timed
 * is the steady state; then the same number of timed runs each, whose medians are reported (see
 * runsFor). HiGHS and the oracle run once. Progress goes to stderr; the result is one JSON line.
 */
const WARM_UP_RUNS = 12;

/**
 * Untimed and timed runs on an instance: more where runs are short (a collection of the whole
 * heap, some 50 ms here, lands in one run of a few tens of ms and must not be the median), one
 * above 200k.
 */
export function runsFor(requests: number): { untimed: number; timed: number } {
  if (requests <= 50_000) return { untimed: 5, timed: 11 };
  if (requests <= 200_000) return { untimed: 1, timed: 3 };
  return { untimed: 0, timed: 1 };
}

export interface EngineRun {
  eligiblePerRequest: number;
  edges: number;
  networkMs: number;
  solveMs: number;
  /** The plain maximum flow on the same network, timed alongside; and what it serves. */
  maxFlowMs: number;
  maxFlowServed: number;
  /** CPU time of each phase of the last timed solve. */
  phaseMs: Record<string, number>;
  /**
   * Full (mark-compact) collections during the last timed solve, and the main thread's time in
   * them. Typed arrays count as external memory, and V8 starts one for every 64 MB of them, each
   * marking the whole heap (here the instance's requests and offers, as in the API process).
   */
  fullGcs: { count: number; ms: number };
  allocateMs: number;
  /** Resident set size before allocate() and its peak, MB. */
  rssBeforeMb: number;
  peakRssMb: number;
  served: number;
  totalCost: number;
  certified: boolean;
  stats: Record<string, number>;
}

export interface ReferenceRun {
  networkMs: number;
  maxFlowServed: number;
  fcfsServed: number;
  highs: { served: number; totalCost: number; solveMs: number } | null;
  oracle: { served: number; totalCost: number; solveMs: number } | null;
}

const weights = resolveCostWeights(undefined);
const network = (instance: Instance): AllocationNetwork => buildAllocationNetwork(instance.requests, instance.offers, instance.context, weights);
const progress = (instance: BenchmarkInstance, what: string): void => {
  process.stderr.write(`  ${instance.spec.name}: ${what}\n`);
};

function runEngine(territory: Territory, instance: BenchmarkInstance): EngineRun {
  const warmUp = generateInstance(territory, WARM_UP_SPEC);
  const warmUpNetwork = network(warmUp);
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    allocate(warmUp.requests, warmUp.offers, warmUp.context);
    maxFlowReference(warmUpNetwork);
  }

  progress(instance, 'generating');
  const generated = generateInstance(territory, instance.spec);
  progress(instance, 'allocate() end to end');
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  let started = cpuMs();
  const result = allocate(generated.requests, generated.offers, generated.context);
  const allocateMs = cpuMs() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  started = cpuMs();
  const net = network(generated);
  const networkMs = cpuMs() - started;
  const runs = runsFor(instance.spec.requests);
  progress(instance, `solving and max flow side by side (${runs.untimed} untimed, ${runs.timed} timed rounds)`);
  const phaseMs: Record<string, number> = {};
  const fullGcs = { count: 0, ms: 0 };
  const solve = (): ReturnType<typeof solveAllocation> => {
    const gcs = new GCProfiler();
    gcs.start();
    let last = cpuMs();
    const solved = solveAllocation(net, {
      onPhase: (phase) => {
        const now = cpuMs();
        phaseMs[phase] = now - last;
        last = now;
      },
    });
    const full = (gcs.stop()?.statistics ?? []).filter((gc) => gc.gcType === 'MarkSweepCompact');
    fullGcs.count = full.length;
    fullGcs.ms = full.reduce((sum, gc) => sum + gc.cost / 1000, 0);
    return solved;
  };
  const { a: engine, b: maxFlow } = interleaved(runs.untimed, runs.timed, solve, () => maxFlowReference(net));
  const solution = engine.result;
  let served = 0;
  let totalCost = 0;
  for (const e of solution.assignedEdge) {
    if (e < 0) continue;
    served++;
    totalCost += net.edgeCost[e];
  }
  if (served !== result.served || totalCost !== result.totalCost) throw new Error('allocate() and the timed solve disagree');
  progress(instance, 'checking the certificate');
  let eligible = 0;
  for (const count of net.eligibleCount) eligible += count;
  return {
    eligiblePerRequest: eligible / instance.spec.requests,
    edges: net.edgeOffer.length,
    networkMs,
    solveMs: engine.ms,
    maxFlowMs: maxFlow.ms,
    maxFlowServed: maxFlow.result.served,
    phaseMs,
    fullGcs,
    allocateMs,
    rssBeforeMb,
    peakRssMb,
    served,
    totalCost,
    certified: checkOptimality(net, solution).length === 0,
    stats: { ...solution.stats },
  };
}

async function runReference(territory: Territory, instance: BenchmarkInstance): Promise<ReferenceRun> {
  progress(instance, 'generating');
  const generated = generateInstance(territory, instance.spec);
  let started = cpuMs();
  const net = network(generated);
  const networkMs = cpuMs() - started;
  progress(instance, 'max flow (its count), first come first served');
  const maxFlow = maxFlowReference(net);
  const fcfsServed = firstComeFirstServed(net);
  let highs: ReferenceRun['highs'] = null;
  if (instance.highs) {
    progress(instance, 'HiGHS');
    // The LP gets the very same candidate edges and costs (the unit tests check those edges
    // against the public eligibility rules by brute force, which would take minutes here).
    const edges: { request: number; offer: number; cost: number }[] = [];
    for (let r = 0; r < net.requests.length; r++) {
      for (let e = net.edgeStart[r]; e < net.edgeStart[r + 1]; e++) edges.push({ request: r, offer: net.edgeOffer[e], cost: net.edgeCost[e] });
    }
    const optimum = referenceOptimum(await loadHighs(), net.requests, net.offers, generated.context, weights, edges, cpuMs);
    highs = { served: optimum.served, totalCost: optimum.totalCost, solveMs: optimum.solveMs };
  }
  let oracle: ReferenceRun['oracle'] = null;
  if (instance.oracle) {
    progress(instance, 'min-cost-flow oracle');
    started = cpuMs();
    const optimum = minCostFlowOracle(net);
    oracle = { served: optimum.served, totalCost: optimum.totalCost, solveMs: cpuMs() - started };
  }
  return { networkMs, maxFlowServed: maxFlow.served, fcfsServed, highs, oracle };
}

async function main(): Promise<void> {
  const [mode, index] = process.argv.slice(2);
  const instance = BENCHMARK_INSTANCES[Number(index)];
  if (instance === undefined || (mode !== 'engine' && mode !== 'reference')) throw new Error('usage: benchmark-run engine|reference <instance index>');
  const territory = loadItalianTerritory();
  const run = mode === 'engine' ? runEngine(territory, instance) : await runReference(territory, instance);
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

void main();
