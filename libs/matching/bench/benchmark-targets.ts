import { BenchmarkInstance } from './benchmark-specs';
import { EngineRun, ReferenceRun } from './benchmark-run';

/** One instance's figures; a side that failed or ran out of time is null. */
export interface InstanceResult {
  instance: BenchmarkInstance;
  engine: EngineRun | null;
  reference: ReferenceRun | null;
}

export interface Target {
  what: string;
  pass: boolean;
  figures: string;
}

/** The engine's solve against the max flow, both CPU time on the same network. */
const MAX_FLOW_RATIO = 3;
const TIGHT_MAX_FLOW_RATIO = 2;
const TIGHT_RATIO_INSTANCES: readonly string[] = ['200k x 5k, ~25 options', '1M x 10k, ~7 options'];
const MIN_HIGHS_SPEEDUP = 100;
const MAX_GROWTH_EXPONENT = 1.15;

export const seconds = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
export const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Every target the allocator is held to, each with its figures: exactness on every instance
 * (served = maximum flow, cost = an independent optimum where one was computed, certificate
 * checked), time against the maximum flow on the same network, speed against HiGHS, and growth.
 */
export function evaluateTargets(results: readonly InstanceResult[]): Target[] {
  const targets: Target[] = [];
  for (const { instance, engine, reference } of results) {
    const name = instance.spec.name;
    if (engine === null || reference === null) {
      targets.push({ what: `completes, ${name}`, pass: false, figures: engine === null ? 'engine failed or timed out' : 'references failed or timed out' });
      continue;
    }
    const servedPass = engine.served === reference.maxFlowServed && engine.served === engine.maxFlowServed;
    targets.push({ what: `served = max-flow, ${name}`, pass: servedPass, figures: `${count(engine.served)} vs ${count(reference.maxFlowServed)}` });
    targets.push({ what: `certificate checked, ${name}`, pass: engine.certified, figures: engine.certified ? 'every residual arc ≥ 0' : 'violations found' });
    for (const [label, optimum] of [['HiGHS LP', reference.highs], ['min-cost-flow oracle', reference.oracle]] as const) {
      if (optimum === null) continue;
      const pass = engine.served === optimum.served && engine.totalCost === optimum.totalCost;
      targets.push({ what: `cost = ${label} optimum, ${name}`, pass, figures: `${count(engine.totalCost)} vs ${count(optimum.totalCost)}` });
    }
    if (reference.highs !== null) {
      const speedup = reference.highs.solveMs / engine.solveMs;
      const figures = `${speedup.toFixed(0)}× (${seconds(engine.solveMs)} s vs ${seconds(reference.highs.solveMs)} s CPU)`;
      targets.push({ what: `≥ ${MIN_HIGHS_SPEEDUP}× faster than HiGHS, ${name}`, pass: speedup >= MIN_HIGHS_SPEEDUP, figures });
    }
    if (instance.family !== 'growth') {
      const limit = TIGHT_RATIO_INSTANCES.includes(name) ? TIGHT_MAX_FLOW_RATIO : MAX_FLOW_RATIO;
      const ratio = engine.solveMs / engine.maxFlowMs;
      const figures = `${ratio.toFixed(2)}× (${seconds(engine.solveMs)} s vs ${seconds(engine.maxFlowMs)} s CPU)`;
      targets.push({ what: `≤ ${limit}× max-flow time, ${name}`, pass: ratio <= limit, figures });
    }
  }
  targets.push(growthTarget(results));
  return targets;
}

/** Exponent of the engine's solve time from the smallest to the largest growth point. */
function growthTarget(results: readonly InstanceResult[]): Target {
  const points = results
    .filter(({ instance }) => instance.family === 'growth' || instance.family === 'large')
    .map(({ instance, engine, reference }) => ({ n: instance.spec.requests, engine, reference }))
    .sort((a, b) => a.n - b.n);
  const what = `growth within n^${MAX_GROWTH_EXPONENT} from 10k to 1M requests at fixed density`;
  if (points.length < 2 || points.some((p) => p.engine === null || p.reference === null)) {
    return { what, pass: false, figures: `needs the growth instances and the 1M one (ran: ${points.map((p) => count(p.n)).join(', ') || 'none'})` };
  }
  const exponent = (a: number, b: number, ta: number, tb: number): number => Math.log(tb / ta) / Math.log(b / a);
  const first = points[0];
  const last = points[points.length - 1];
  const engineMs = (p: (typeof points)[number]): number => p.engine?.solveMs ?? NaN;
  const maxFlowMs = (p: (typeof points)[number]): number => p.engine?.maxFlowMs ?? NaN;
  const overall = exponent(first.n, last.n, engineMs(first), engineMs(last));
  const steps = points.slice(1).map((p, i) => `${exponent(points[i].n, p.n, engineMs(points[i]), engineMs(p)).toFixed(2)}`);
  const maxFlow = exponent(first.n, last.n, maxFlowMs(first), maxFlowMs(last));
  // Machine-independent: the searches' work (nodes settled, moves relaxed) over the same points.
  const work = (p: (typeof points)[number]): number => (p.engine?.stats.settled ?? NaN) + (p.engine?.stats.transfers ?? NaN);
  const searchWork = exponent(first.n, last.n, work(first), work(last));
  const figures =
    `n^${overall.toFixed(2)} (per step ${steps.join(', ')}; max-flow n^${maxFlow.toFixed(2)}, so the engine's time over the max-flow's grows n^${(overall - maxFlow).toFixed(2)}; ` +
    `nodes settled + moves relaxed n^${searchWork.toFixed(2)}; ${points.map((p) => `${seconds(engineMs(p))} s`).join(' → ')})`;
  return { what, pass: overall <= MAX_GROWTH_EXPONENT, figures };
}

export function formatTargets(targets: readonly Target[]): string {
  return targets.map(({ what, pass, figures }) => `${pass ? 'PASS' : 'FAIL'}  ${what}: ${figures}`).join('\n');
}
