import { cpus } from 'node:os';
import { loadItalianTerritory, Territory } from '@vec/territory';
import { allocate, AllocationOptions, AllocationResult } from '../src/allocation/allocate';
import { DropRule } from '../src/allocation/complete-sets';
import { MatchingRequest } from '../src/model/matching.types';
import { completeSetsOptimum } from '../src/testing/complete-sets-reference';
import { loadHighs } from '../src/testing/highs-reference';
import { cpuMs } from './cpu-time';
import { BENCHMARK_INSTANCES } from './benchmark-specs';
import { generateInstance, Instance, InstanceSpec } from './instance-generator';
import { mulberry32 } from './prng';

/**
 * `npm run bench:sets`: the allocator with and without `completeSetsOnly`.
 *
 * 1. Benchmark instances where a share of the requests is asked in sets of 2–3 parts (shops that
 *    ask for several services, one request per category, bundled): time (CPU, one run each),
 *    requests served, sets complete / partial / unserved, and rounds, for the plain run and for
 *    complete sets only under both drop rules.
 * 2. Small instances where the true optimum with all-or-nothing sets is found by HiGHS's branch
 *    and bound: how far the heuristic is from it.
 * `SETS_SMALL=n` sets how many small instances (default 200).
 */

/** Shops asking for 2–3 services, in a seeded random order, bundled until `share` of the requests are in sets. */
function withSets(instance: Instance, share: number, seed: number): MatchingRequest[] {
  const random = mulberry32(seed);
  const byShop = new Map<string, MatchingRequest[]>();
  for (const r of instance.requests) byShop.set(r.shopId, [...(byShop.get(r.shopId) ?? []), r]);
  const candidates = [...byShop.values()]
    .map((requests) => requests.filter((r, i) => requests.findIndex((o) => o.category === r.category) === i))
    .filter((requests) => requests.length >= 2 && requests.length <= 3)
    .map((requests) => ({ requests, key: random() }))
    .sort((a, b) => a.key - b.key);
  const target = share * instance.requests.length;
  const inSet = new Map<string, string>();
  for (const { requests } of candidates) {
    if (inSet.size >= target) break;
    for (const r of requests) inSet.set(r.id, `B${requests[0].shopId}`);
  }
  return instance.requests.map((r) => (inSet.has(r.id) ? { ...r, setId: inSet.get(r.id) } : r));
}

function run(requests: MatchingRequest[], instance: Instance, options: Partial<AllocationOptions>): { ms: number; result: AllocationResult } {
  const started = cpuMs();
  const result = allocate(requests, instance.offers, { ...instance.context, ...options });
  return { ms: cpuMs() - started, result };
}

const n = (value: number): string => value.toLocaleString('en-US');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

const LARGE_INSTANCES = ['20k x 500, ~3 options', 'tie-heavy 19k x 1.5k', '200k x 5k, ~3 options'];
const SHARES = [0.3, 0.6];

function large(territory: Territory): void {
  const rows = [['instance', 'in sets', 'run', 'CPU s', 'served', 'sets', 'complete', 'partial', 'unserved', 'dropped', 'rounds']];
  for (const name of LARGE_INSTANCES) {
    const spec = BENCHMARK_INSTANCES.find((b) => b.spec.name === name)?.spec;
    if (!spec) throw new Error(`no benchmark instance ${name}`);
    const instance = generateInstance(territory, { ...spec, asksPerShop: spec.asksPerShop ?? [50, 30, 20] });
    allocate(instance.requests.slice(0, 2_000), instance.offers, instance.context);
    for (const share of SHARES) {
      process.stderr.write(`${name}, ${share * 100}% in sets…\n`);
      const requests = withSets(instance, share, spec.seed);
      const inSets = requests.filter((r) => r.setId != null).length;
      const runs: [string, Partial<AllocationOptions>][] = [
        ['plain', {}],
        ['complete sets', { completeSetsOnly: true }],
        ['… no readmission', { completeSetsOnly: true, dropRule: 'favourSets' }],
        ['… keep hopeful only', { completeSetsOnly: true, dropRule: 'keepHopeful' }],
        ['… drop all', { completeSetsOnly: true, dropRule: 'all' }],
      ];
      for (const [label, options] of runs) {
        const { ms, result } = run(requests, instance, options);
        const s = result.sets;
        rows.push([name, `${((100 * inSets) / requests.length).toFixed(0)}%`, label, (ms / 1000).toFixed(2), n(result.served), n(s.total), n(s.complete), n(s.partial), n(s.unserved), n(s.dropped), String(s.rounds)]);
      }
    }
  }
  process.stdout.write(`${table(rows)}\n\n`);
}

const SMALL: Omit<InstanceSpec, 'name' | 'seed' | 'requests' | 'offers'> = {
  national: 0.2,
  regional: 0.3,
  provincial: 0.2,
  radius: 0.2,
  radiusKm: [10, 40],
  capacityRatio: 0.6,
  capacityShape: 'heavy-tailed',
  asksPerShop: [30, 40, 30],
  territoryShare: 0.01,
  territoryFrom: '048',
};

async function small(territory: Territory): Promise<void> {
  const highs = await loadHighs();
  const count = Number(process.env.SETS_SMALL ?? 200);
  const rules: DropRule[] = ['readmit', 'favourSets', 'keepHopeful', 'all'];
  const totals = new Map(rules.map((rule) => [rule, { served: 0, optimal: 0, sameCost: 0, worst: 0, complete: 0 }]));
  let optimumServed = 0;
  let optimumComplete = 0;
  let plainServed = 0;
  for (let i = 0; i < count; i++) {
    const instance = generateInstance(territory, { ...SMALL, name: `small ${i}`, seed: 1000 + i, requests: 24 + (i % 5) * 6, offers: 4 + (i % 4) });
    const requests = withSets(instance, 0.6, i);
    const optimum = completeSetsOptimum(highs, requests, instance.offers, instance.context);
    optimumServed += optimum.served;
    optimumComplete += optimum.complete;
    plainServed += allocate(requests, instance.offers, instance.context).served;
    for (const rule of rules) {
      const result = allocate(requests, instance.offers, { ...instance.context, completeSetsOnly: true, dropRule: rule });
      const t = totals.get(rule);
      if (!t) continue;
      if (result.served > optimum.served) throw new Error(`small ${i}: the heuristic beat the optimum`);
      t.served += result.served;
      t.complete += result.sets.complete;
      if (result.served === optimum.served) t.optimal++;
      if (result.served === optimum.served && result.totalCost === optimum.totalCost) t.sameCost++;
      t.worst = Math.max(t.worst, optimum.served - result.served);
    }
  }
  const rows = [['rule', 'served', 'optimum served', 'gap', 'sets complete (optimum)', 'instances at the optimum', '… same cost too', 'worst gap']];
  for (const rule of rules) {
    const t = totals.get(rule);
    if (!t) continue;
    const gap = ((100 * (optimumServed - t.served)) / optimumServed).toFixed(2);
    rows.push([rule, n(t.served), n(optimumServed), `${gap}%`, `${n(t.complete)} (${n(optimumComplete)})`, `${t.optimal} of ${count}`, `${t.sameCost} of ${count}`, String(t.worst)]);
  }
  process.stdout.write(
    `Small instances (24–48 requests, 60% in sets, 4–7 offers around Florence), true optimum by HiGHS branch and bound; the plain run (sets ignored) serves ${n(plainServed)}:\n\n${table(rows)}\n\n`,
  );
}

async function main(): Promise<void> {
  const territory = loadItalianTerritory();
  if (process.env.SETS_ONLY !== 'small') large(territory);
  if (process.env.SETS_ONLY !== 'large') await small(territory);
  process.stdout.write(`CPU time on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, one run each (allocate() end to end).\n`);
}

void main();
